import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotTree } from '../helpers/tree';
import { tempDir } from '../helpers/temp-dir';

const root = join(__dirname, '..', '..');
const CACHE = join(root, 'node_modules', '.cache', 'stackwright', 'node');

/**
 * A Node.js of the other supported major than this run's (22 <-> 24), from the npm registry's release packages
 * (node-<platform>-<arch>: a bin/node, nothing run at install), kept under node_modules/.cache. .ci/setup fetches
 * it too, so a CI run finds it here.
 */
function otherNode(): { bin: string; version: string } {
  const major = Number(process.versions.node.split('.')[0]) === 22 ? 24 : 22;
  const pkg = `node-${process.platform}-${process.arch}`;
  const bin = join(CACHE, String(major), 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(bin))
    execFileSync(
      'npm',
      ['install', '--prefix', join(CACHE, String(major)), '--no-save', '--no-audit', '--no-fund', `${pkg}@${major}`],
      {
        stdio: 'ignore',
        timeout: 5 * 60_000,
      },
    );
  return { bin, version: execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim() };
}

describe('Node 22 and 24', () => {
  it('synthesize byte-identical output from the default config', () => {
    const other = otherNode();
    const outs = [process.execPath, other.bin].map((node) => {
      const out = join(tempDir('sw-node-'), 'generated');
      const r = spawnSync(node, [join(root, 'bin', 'stackwright.js'), 'synth', '-o', out], {
        cwd: root,
        encoding: 'utf8',
        timeout: 5 * 60_000,
      });
      expect({ node, status: r.status, stderr: r.stderr }).toEqual({ node, status: 0, stderr: '' });
      return snapshotTree(out);
    });
    expect(Object.keys(outs[1]).length).toBeGreaterThan(20);
    expect(outs[1]).toEqual(outs[0]);
    expect(other.version).toMatch(/^v(22|24)\./);
  });

  it('an older Node gets the supported versions and exit 2, not a stack trace', () => {
    // The check reads process.versions.node before anything else loads: a preload makes this Node say it is 20.
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        "Object.defineProperty(process.versions, 'node', { value: '20.19.0' }); require('./bin/stackwright.js')",
        '--',
        'synth',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'stackwright: Node 20.19.0 is too old: Stackwright needs Node 22 or later (tested on 22 and 24). ' +
        'Install Node 24: `nvm install` (reads .nvmrc), or `bash .ci/setup` as root.\n',
    );
    expect(readFileSync(join(root, '.nvmrc'), 'utf8')).toMatch(/^24\./);
  });
});
