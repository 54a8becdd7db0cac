import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { snapshotTree } from '../helpers/tree';

const REPO = resolve(__dirname, '..', '..');
const SOURCES = ['bin', 'src', 'stacks', 'templates', 'examples', 'package.json', 'stackwright.yaml'];

/** A copy of the project at a fresh path (sharing node_modules), as a second checkout would be. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-checkout-'));
  for (const s of SOURCES) cpSync(join(REPO, s), join(dir, s), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function synthIn(dir: string, args: string[] = []): Record<string, string> {
  execFileSync(process.execPath, ['bin/stackwright.js', 'synth', '--out', 'out', ...args], { cwd: dir, stdio: 'pipe' });
  return snapshotTree(join(dir, 'out'));
}

describe('determinism', () => {
  it('two checkouts at different paths synthesize byte-identical output, without absolute paths', () => {
    const a = checkout();
    const b = checkout();
    const first = synthIn(a);
    const second = synthIn(b);
    expect(Object.keys(first).length).toBeGreaterThan(3);
    expect(second).toEqual(first);
    const text = Object.values(first).map((hex) => Buffer.from(hex, 'hex').toString('latin1')).join('\n');
    expect(text).not.toContain(a);
    expect(text).not.toContain(REPO);
    expect(text).not.toMatch(/\/tmp\/|\/home\/|\/root\//);
  });

  it('the committed generated/ is what synth writes now', () => {
    expect(execFileSync(process.execPath, ['bin/stackwright.js', 'diff'], { cwd: REPO, encoding: 'utf8' })).toContain('up to date');
  });
});
