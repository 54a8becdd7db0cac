import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { tempDir } from '../helpers/temp-dir';

/**
 * The generator's commands never load the benchmark toolkit (packages/bench, an npm workspace package) nor the
 * packages only it depends on: the build (scripts/build.js) puts the toolkit in a bundle of its own, dist/bench.js,
 * which `stackwright bench` loads on demand (src/cli/commands/bench.ts).
 */

const ROOT = join(__dirname, '..', '..');
// scripts/build.js is plain CommonJS (npm runs it with node, before anything is built).
const { buildOptions } = require('../../scripts/build.js') as {
  buildOptions: (root: string, outdir: string) => Record<string, unknown>;
};
const BENCH_ONLY_PACKAGES = [
  'autocannon',
  '@smithy/signature-v4',
  '@aws-sdk/credential-providers',
  '@aws-crypto/sha256-js',
];
const benchDependencies = Object.keys(
  JSON.parse(readFileSync(join(ROOT, 'packages/bench/package.json'), 'utf8')).dependencies,
);

/** A module path of the checkout or node_modules that belongs to the benchmark toolkit. */
const isBenchModule = (path: string): boolean =>
  path.startsWith('packages/bench/') ||
  path === 'dist/bench.js' ||
  BENCH_ONLY_PACKAGES.some((p) => path.includes(`node_modules/${p}/`));

/** The bundle built from `entry`, as the build's metafile describes it (built in memory, nothing written). */
let metafile: Promise<Metafile> | undefined;
async function bundleOf(entry: string): Promise<Metafile['outputs'][string]> {
  metafile ??= build({ ...buildOptions(ROOT, tempDir('sw-meta-')), sourcemap: false }).then((r) => r.metafile!);
  const output = Object.values((await metafile).outputs).find((o) => o.entryPoint === entry);
  if (!output) throw new Error(`the build has no bundle of ${entry}`);
  return output;
}

describe('the CLI bundle (what synth, check, diff and list run)', () => {
  it('holds the generator and none of the benchmark toolkit', async () => {
    const cli = await bundleOf('src/cli/index.ts');
    const inputs = Object.keys(cli.inputs);
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs).toContain('src/synth/synthesize.ts');
    expect(inputs).toContain('src/cli/commands/bench.ts');
    expect(inputs.filter(isBenchModule)).toEqual([]);
    expect(inputs.filter((p) => p.startsWith('packages/'))).toEqual([]);
    // `stackwright bench` requires the toolkit's own bundle, beside this one.
    expect(cli.imports.filter((i) => i.path.startsWith('./'))).toEqual([
      { path: './bench.js', kind: 'require-call', external: true },
    ]);
  });

  it('the toolkit depends on the packages only it uses, which the generator does not list', () => {
    expect(benchDependencies.sort()).toEqual([...BENCH_ONLY_PACKAGES].sort());
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const p of BENCH_ONLY_PACKAGES) expect(root.dependencies[p]).toBeUndefined();
  });
});

describe("the benchmark toolkit's bundle", () => {
  it('holds the toolkit and takes the generator from the CLI bundle, not a second copy', async () => {
    const bench = await bundleOf('packages/bench/src/index.ts');
    const inputs = Object.keys(bench.inputs);
    expect(inputs).toContain('packages/bench/src/index.ts');
    expect(inputs).toContain('packages/bench/src/sidecar/local/runner/index.ts');
    expect(inputs.filter((p) => p.startsWith('src/') || p.startsWith('stacks/'))).toEqual([]);
    // `@stackwright/generator` (src/api/bench.ts) is the module dist/cli.js exports: one InputError, one variant table.
    expect(new Set(bench.imports.filter((i) => i.path.startsWith('./')).map((i) => i.path))).toEqual(
      new Set(['./cli.js']),
    );
  });
});

/** Runs the built CLI in a child node, as bin/stackwright.js does, and lists every module it loaded. */
async function modulesLoadedBy(args: string[]): Promise<{ code: number; modules: string[] }> {
  const list = join(tempDir('sw-modules-'), 'modules.json');
  const script =
    "require('./bin/dist-check.js').requireDist(process.cwd(), 'cli').main(JSON.parse(process.argv[1])).then((code) => {" +
    "require('node:fs').writeFileSync(process.argv[2], JSON.stringify({ code, modules: Object.keys(require.cache) }));" +
    '});';
  await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(args), list], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const { code, modules } = JSON.parse(readFileSync(list, 'utf8')) as { code: number; modules: string[] };
  return { code, modules: modules.map((m) => relative(ROOT, m)) };
}

describe('modules a run loads (require.cache of the CLI process)', () => {
  it.each([
    ['synth', ['synth', '--out', 'OUT']],
    ['check', ['check']],
    ['diff', ['diff']],
    ['list', ['list']],
  ])('%s loads no module of the benchmark toolkit', async (_name, args) => {
    const out = tempDir('sw-synth-out-');
    const { modules } = await modulesLoadedBy(args.map((a) => (a === 'OUT' ? out : a)));
    expect(modules).toContain('dist/cli.js');
    expect(modules.filter(isBenchModule)).toEqual([]);
  });

  it('bench loads the toolkit bundle on demand (the probe above sees it when it loads)', async () => {
    const { code, modules } = await modulesLoadedBy(['bench', 'local', '--help']);
    expect(code).toBe(0);
    expect(modules.filter((m) => m.startsWith('dist/')).sort()).toEqual(['dist/bench.js', 'dist/cli.js']);
  });
});

describe("an internal error in the toolkit's bundle", () => {
  it('names the toolkit module it came from: its stack maps to packages/bench/src', async () => {
    // A bench command's option builder handed no yargs instance fails inside the toolkit, as a bug there would.
    const script =
      "require('tsx/cjs/api').register();" +
      "const { sourceMappedStack } = require('./src/cli/internal-error.ts');" +
      "const { benchSubcommands } = require('./bin/dist-check.js').requireDist(process.cwd(), 'bench');" +
      'try { benchSubcommands[0](() => undefined).builder(undefined); } catch (err) {' +
      ' process.stdout.write(JSON.stringify({ raw: err.stack, mapped: sourceMappedStack(err, process.cwd()) })); }';
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: ROOT });
    const { raw, mapped } = JSON.parse(stdout) as { raw: string; mapped: string };
    expect(raw).toMatch(/^TypeError: /);
    expect(raw).toMatch(/dist\/bench\.js:\d+:\d+/);
    expect(mapped).toMatch(/\(packages\/bench\/src\/[\w/-]+\.ts:\d+:\d+\)/);
    expect(mapped).not.toMatch(/dist\/bench\.js:\d+:\d+/);
  });
});

describe("cdktf's per-token stack traces", () => {
  it('are not recorded by the shipped bundles (they are quoted only when a token fails to resolve)', async () => {
    const outdir = tempDir('sw-trace-');
    await build({ ...buildOptions(ROOT, outdir), sourcemap: false, write: true });
    const cli = readFileSync(join(outdir, 'cli.js'), 'utf8');
    const cdktfStackTrace = cli.slice(cli.indexOf('"node_modules/cdktf/lib/tokens/private/stack-trace.js"'));
    expect(cdktfStackTrace.length).toBeLessThan(cli.length);
    // The module as built: an export that returns no frames, and none of cdktf's own capture.
    const moduleText = cdktfStackTrace.slice(0, cdktfStackTrace.indexOf('}});') + 4);
    expect(moduleText).toMatch(/captureStackTrace=__name\(function\(\)\{return\[\]\}/);
    expect(moduleText).not.toContain('stackTraceLimit');
  });
});
