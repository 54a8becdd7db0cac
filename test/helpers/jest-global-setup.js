'use strict';
// Before any test: dist/ is rebuilt if a source changed since `npm run build`, so a test that runs
// bin/stackwright.js never runs older code than the sources it sits beside (bin/dist-check.js).
const { join } = require('node:path');
const { build } = require('../../scripts/build.js');
const { distProblem } = require('../../bin/dist-check.js');

module.exports = async () => {
  const root = join(__dirname, '..', '..');
  if (distProblem(root)) await build(root);
};
