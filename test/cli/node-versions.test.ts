import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotTree } from '../helpers/tree';
import { tempDir } from '../helpers/temp-dir';
import { installOtherNode } from '../helpers/other-node.js';

const root = join(__dirname, '..', '..');

describe('Node 22 and 24', () => {
  it('synthesize byte-identical output from the default config', () => {
    const other = installOtherNode();
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
