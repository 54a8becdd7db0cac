import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkDir } from '../../../../packages/bench/src/sidecar/local/work-dir';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-work-dir-')); // 0700, as mkdtemp makes it
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--work-dir', () => {
  it('as root: must be reachable by nobody, who the servers run as', () => {
    const inside = join(dir, 'open');
    mkdirSync(inside, { mode: 0o755 });
    expect(() => checkWorkDir(inside, 0)).toThrow(
      `--work-dir: ${inside}: running as root, the servers run as nobody, who cannot enter ${dir} (chmod o+x ${dir}, or choose another folder)`,
    );
    expect(() => checkWorkDir(tmpdir(), 0)).not.toThrow();
  });

  it('as another user: the servers run as that user, so any existing folder will do', () => {
    expect(() => checkWorkDir(dir, 1000)).not.toThrow();
    expect(() => checkWorkDir(join(dir, 'missing'), 1000)).toThrow(
      `--work-dir: ${join(dir, 'missing')}: is not an existing folder`,
    );
  });
});
