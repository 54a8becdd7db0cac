'use strict';
// Before a heavier tier (test/tiers.js): under CI its tools must be there, or it fails with one line saying what is
// missing and how to get it (outside CI, jest.config.js skips such a tier instead). Then dist/ is rebuilt if a
// source changed since `npm run build`, so a test that runs bin/stackwright.js never runs older code than the
// sources it sits beside (bin/dist-check.js).
const { join } = require('node:path');
const { build } = require('../../scripts/build.js');
const { distProblem } = require('../../bin/dist-check.js');
const { TIERS } = require('../tiers');

module.exports = async (_globalConfig, projectConfig) => {
  const name = projectConfig.displayName && projectConfig.displayName.name;
  const missing = TIERS[name] && TIERS[name].requires();
  if (missing) throw new Error(`the ${name} tier cannot run: ${missing}`);
  const root = join(__dirname, '..', '..');
  if (distProblem(root)) await build(root);
};
