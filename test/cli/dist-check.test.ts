import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../helpers/temp-dir';

/**
 * bin/stackwright.js and bin/cdktf-app.js run dist/ only while it was built from the sources beside it; otherwise they
 * exit 2 naming `npm run build`, never running older code than the sources.
 */

const ROOT = join(__dirname, '..', '..');
const { recordSources, distProblem, BUILD_INFO } = require('../../bin/dist-check.js') as {
  recordSources: (root: string, files: string[]) => unknown;
  distProblem: (root: string) => string | undefined;
  BUILD_INFO: string;
};

/** A checkout with one source and a build record of it (what scripts/build.js writes beside its bundles). */
function builtCheckout(): string {
  const root = tempDir('sw-dist-');
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'dist', 'cli.js'), 'exports.main = async () => 0;\n');
  writeFileSync(join(root, 'dist', BUILD_INFO), JSON.stringify(recordSources(root, ['src/a.ts'])));
  return root;
}

describe('dist/ against the sources', () => {
  it('is current as built, and after a touch or copy that keeps the content', () => {
    const root = builtCheckout();
    expect(distProblem(root)).toBeUndefined();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src', 'a.ts'), later, later);
    expect(distProblem(root)).toBeUndefined();
  });

  it('is stale once a source changed, even at the same size, or is gone', () => {
    const root = builtCheckout();
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 2;\n');
    expect(distProblem(root)).toBe('src/a.ts changed since dist/ was built');
    rmSync(join(root, 'src', 'a.ts'));
    expect(distProblem(root)).toBe('dist/ was built from src/a.ts, which is gone');
  });

  it('is missing without a build record', () => {
    const root = builtCheckout();
    rmSync(join(root, 'dist', BUILD_INFO));
    expect(distProblem(root)).toBe('dist/ holds no build');
  });

  it('is not checked where there are no sources (an installed package)', () => {
    const root = builtCheckout();
    rmSync(join(root, 'src'), { recursive: true });
    expect(distProblem(root)).toBeUndefined();
  });

  it('the launchers exit 2 naming `npm run build` instead of running a stale build', async () => {
    const root = builtCheckout();
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 22;\n');
    const script = `require(${JSON.stringify(join(ROOT, 'bin/dist-check.js'))}).requireDist(process.argv[1], 'cli'); console.log('ran');`;
    const r = await promisify(execFile)(process.execPath, ['-e', script, root]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'stackwright: src/a.ts changed since dist/ was built: run `npm run build` (npm ci runs it too), ' +
        'or set STACKWRIGHT_FROM_SOURCE=1 to run the sources through tsx\n',
    );
  });

  it("this checkout's dist/ is current (jest's global set-up built it)", () => {
    expect(distProblem(ROOT)).toBeUndefined();
    expect(Object.keys(JSON.parse(readFileSync(join(ROOT, 'dist', BUILD_INFO), 'utf8')).sources)).toEqual(
      expect.arrayContaining([
        'src/cli/main.ts',
        'packages/bench/src/index.ts',
        'stacks/index.ts',
        'package-lock.json',
        'scripts/build.js',
      ]),
    );
  });
});
