'use strict';
// A Node.js of the other supported major than the running one (22 <-> 24), from the npm registry's release packages
// (node-<platform>-<arch>: a bin/node, nothing run at install), kept under node_modules/.cache. .ci/setup fetches it
// after `npm ci`; test/cli/node-versions.test.ts fetches it itself when it is not there.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const CACHE = join(__dirname, '..', '..', 'node_modules', '.cache', 'stackwright', 'node');

function installOtherNode() {
  const major = Number(process.versions.node.split('.')[0]) === 22 ? 24 : 22;
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(CACHE, String(major));
  const bin = join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(bin))
    execFileSync(
      'npm',
      ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `${pkg}@${major}`],
      {
        stdio: 'ignore',
        timeout: 5 * 60_000,
      },
    );
  return { bin, version: execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim() };
}

module.exports = { installOtherNode };
