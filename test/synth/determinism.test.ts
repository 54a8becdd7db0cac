import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { snapshotTree } from '../helpers/tree';

const REPO = resolve(__dirname, '..', '..');
const checkouts: string[] = [];
afterAll(() => {
  for (const dir of checkouts) rmSync(dir, { recursive: true, force: true });
});
// With the build (dist/) and what it was built from, which bin/dist-check.js compares it with.
const SOURCES = [
  'bin',
  'dist',
  'src',
  'stacks',
  'packages',
  'templates',
  'examples',
  'scripts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'stackwright.yaml',
];

/** A copy of the project and its build at a fresh path (sharing node_modules), as a second checkout would be. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-checkout-'));
  checkouts.push(dir);
  for (const s of SOURCES) cpSync(join(REPO, s), join(dir, s), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function synthIn(dir: string): Promise<Record<string, string>> {
  await promisify(execFile)(process.execPath, ['bin/stackwright.js', 'synth', '--out', 'out'], { cwd: dir });
  return snapshotTree(join(dir, 'out'));
}

describe('determinism', () => {
  let first: Record<string, string>;
  it('two checkouts at different paths synthesize byte-identical output, without absolute paths', async () => {
    const a = checkout();
    const b = checkout();
    let second: Record<string, string>;
    [first, second] = await Promise.all([synthIn(a), synthIn(b)]);
    // Each ran the build copied with it, from its own path (copied files have new mtimes, the same contents).
    expect(readdirSync(join(a, 'dist')).sort()).toEqual(readdirSync(join(REPO, 'dist')).sort());
    expect(Object.keys(first).length).toBeGreaterThan(3);
    expect(second).toEqual(first);
    const text = Object.values(first)
      .map((hex) => Buffer.from(hex, 'hex').toString('latin1'))
      .join('\n');
    expect(text).not.toContain(a);
    expect(text).not.toContain(REPO);
    expect(text).not.toMatch(/\/tmp\/|\/home\/|\/root\//);
  });

  it('the committed generated/ is what synth writes now (the checkouts above wrote it from the same sources)', () => {
    expect(first).toBeDefined();
    expect(snapshotTree(join(REPO, 'generated'))).toEqual(first);
  });
});
