import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../helpers/temp-dir';

/**
 * The CLI as users run it: bin/stackwright.js loads the build in dist/ (scripts/build.js: an esbuild bundle of the
 * sources with its source map). A build run from another checkout is exercised by test/synth/determinism.test.ts.
 */

const ROOT = join(__dirname, '..', '..');

async function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs the built CLI's main() in a child whose stdout is a terminal `columns` wide. */
const mainWith = (columns: number, argv: string) =>
  `Object.defineProperty(process.stdout, 'columns', { value: ${columns} });` +
  `require('./bin/dist-check.js').requireDist(process.cwd(), 'cli').main(${argv}).then((code) => { process.exitCode = code; });`;

it('prints an internal error with a stack into the TypeScript sources, and exits 3', async () => {
  // main() called with something that is not an argument list: a programming error, as a bug would be.
  const r = await node(['-e', mainWith(80, '42')]);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/^internal error: TypeError: /);
  expect(r.stderr).toMatch(/\n {4}at .*\(src\/cli\/main\.ts:\d+:\d+\)\n/);
  expect(r.stderr).not.toMatch(/dist\/cli\.js:\d+/);
  expect(r.stderr).toContain('This is a bug in Stackwright');
});

it.each([60, 80, 110])('--help wraps at spaces, never inside a word (%i columns)', async (columns) => {
  const r = await node(['-e', mainWith(columns, "['bench', 'lambda', '--help']")]);
  expect(r.code).toBe(0);
  const lines = r.stdout.split('\n');
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(columns);
  // Joined back at the line breaks, every description reads as written.
  const text = r.stdout.replace(/\s+/g, ' ');
  expect(text).toContain(
    'Call each keep-alive benchmark function once a second (IAM-signed) and compare PutItem latencies',
  );
  expect(text).toContain('Stack folder to run `terraform output -json` in, or a JSON file of that output');
  expect(text).toContain('AWS profile for the credentials (default: the usual credential chain)');
});

it('bin/cdktf-app.js (the app `npx cdktf synth` runs) builds the stacks from the build in dist/', async () => {
  const dir = tempDir('sw-cdktf-bin-');
  writeFileSync(
    join(dir, 'c.yaml'),
    'name: test\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    externalId: manual\n',
  );
  const env = { ...process.env, CDKTF_OUTDIR: join(dir, 'out'), STACKWRIGHT_CONFIG: join(dir, 'c.yaml') };
  await promisify(execFile)(process.execPath, ['bin/cdktf-app.js'], { cwd: ROOT, env });
  const stack = JSON.parse(readFileSync(join(dir, 'out', 'stacks', 'datadog', 'cdk.tf.json'), 'utf8'));
  expect(Object.keys(stack.resource.aws_iam_role)).toEqual(['delegation_role']);
});

it('STACKWRIGHT_FROM_SOURCE=1 runs the sources through tsx, from any working directory', async () => {
  const dir = tempDir('sw-from-source-');
  // Lists the modules the run loaded, as it exits.
  writeFileSync(
    join(dir, 'hook.js'),
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'modules.json'))}, JSON.stringify(Object.keys(require.cache))));`,
  );
  const env = { ...process.env, STACKWRIGHT_FROM_SOURCE: '1' };
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--require', join(dir, 'hook.js'), join(ROOT, 'bin/stackwright.js'), 'bench', 'lambda', '--help'],
    { cwd: dir, env },
  );
  expect(stdout.split('\n')[0]).toBe('stackwright bench lambda');
  const modules = JSON.parse(readFileSync(join(dir, 'modules.json'), 'utf8')) as string[];
  // The toolkit's `@stackwright/generator` resolved through tsconfig.json's paths, though the run started elsewhere.
  expect(modules).toEqual(
    expect.arrayContaining([
      join(ROOT, 'src/cli/main.ts'),
      join(ROOT, 'src/api/bench.ts'),
      join(ROOT, 'packages/bench/src/index.ts'),
    ]),
  );
  expect(modules.filter((m) => m.startsWith(join(ROOT, 'dist')))).toEqual([]);
});
