import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { tempDir } from '../helpers/temp-dir';

/**
 * The generator's commands never load the benchmark toolkit (packages/bench, an npm workspace package) nor the
 * packages only it depends on: the CLI bundle leaves it out (bin/load-cli.js), and `stackwright bench` loads the
 * toolkit's own bundle on demand (src/cli/commands/bench.ts).
 */

const ROOT = join(__dirname, '..', '..');
// bin/load-cli.js is plain CommonJS (bin/stackwright.js runs it before any TypeScript loader).
const { cliBuildOptions, benchBuildOptions } = require('../../bin/load-cli.js') as {
  cliBuildOptions: (root: string, outfile: string) => Record<string, unknown>;
  benchBuildOptions: (root: string, outfile: string) => Record<string, unknown>;
};
const BENCH_ONLY_PACKAGES = ['autocannon', '@smithy/signature-v4', '@aws-sdk/credential-providers', '@aws-crypto/sha256-js'];
const benchDependencies = Object.keys(JSON.parse(readFileSync(join(ROOT, 'packages/bench/package.json'), 'utf8')).dependencies);

/** A module path of the checkout or node_modules that belongs to the benchmark toolkit. */
const isBenchModule = (path: string): boolean =>
  path.startsWith('packages/bench/') || /(^|\/)bench-[0-9a-f]{16}\.js$/.test(path) ||
  BENCH_ONLY_PACKAGES.some((p) => path.includes(`node_modules/${p}/`));

async function metafileOf(options: Record<string, unknown>): Promise<Metafile> {
  const result = await build({ ...options, write: false, metafile: true, sourcemap: false });
  return result.metafile;
}

describe('the CLI bundle (what synth, check, diff and list run)', () => {
  let cliInputs: string[];
  beforeAll(async () => {
    cliInputs = Object.keys((await metafileOf(cliBuildOptions(ROOT, join(tempDir('sw-meta-'), 'cli.js')))).inputs);
  });

  it('holds the generator and none of the benchmark toolkit', () => {
    expect(cliInputs).toContain('src/cli/main.ts');
    expect(cliInputs).toContain('src/synth/synthesize.ts');
    expect(cliInputs).toContain('src/cli/commands/bench.ts');
    expect(cliInputs.filter(isBenchModule)).toEqual([]);
    expect(cliInputs.filter((p) => p.startsWith('packages/'))).toEqual([]);
  });

  it('the toolkit depends on the packages only it uses, which the generator does not list', () => {
    expect(benchDependencies.sort()).toEqual([...BENCH_ONLY_PACKAGES].sort());
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const p of BENCH_ONLY_PACKAGES) expect(root.dependencies[p]).toBeUndefined();
  });
});

describe("the benchmark toolkit's bundle", () => {
  it('holds the toolkit and takes the generator modules it shares from the CLI, not a second copy', async () => {
    const inputs = Object.keys((await metafileOf(benchBuildOptions(ROOT, join(tempDir('sw-meta-'), 'bench.js')))).inputs);
    expect(inputs).toContain('packages/bench/src/index.ts');
    expect(inputs).toContain('packages/bench/src/sidecar-local/index.ts');
    expect(inputs.filter((p) => p.startsWith('src/'))).toEqual([]);
    expect(inputs.filter((p) => p.startsWith('stackwright-shared:')).sort()).toEqual([
      'stackwright-shared:src/cli/options',
      'stackwright-shared:src/core/errors',
      'stackwright-shared:src/keepalive/schedule',
      'stackwright-shared:src/sidecar/render',
      'stackwright-shared:src/sidecar/variants',
    ]);
  });
});

/** Runs the bundled CLI in a child node, as bin/stackwright.js does, and lists every module it loaded. */
async function modulesLoadedBy(args: string[]): Promise<{ code: number; modules: string[] }> {
  const list = join(tempDir('sw-modules-'), 'modules.json');
  const script =
    "require('./bin/load-cli.js').loadCli(process.cwd()).main(JSON.parse(process.argv[1])).then((code) => {" +
    "require('node:fs').writeFileSync(process.argv[2], JSON.stringify({ code, modules: Object.keys(require.cache) }));" +
    '});';
  await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(args), list], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
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
    expect(modules.some((m) => /(^|\/)cli-[0-9a-f]{16}\.js$/.test(m))).toBe(true);
    expect(modules.filter(isBenchModule)).toEqual([]);
  });

  it('bench loads the toolkit bundle on demand (the probe above sees it when it loads)', async () => {
    const { code, modules } = await modulesLoadedBy(['bench', 'local', '--help']);
    expect(code).toBe(0);
    expect(modules.filter((m) => /(^|\/)bench-[0-9a-f]{16}\.js$/.test(m))).toHaveLength(1);
  });
});

describe("an internal error in the toolkit's bundle", () => {
  it('names the toolkit module it came from, and its stack maps to packages/bench/src', async () => {
    const cache = tempDir('sw-bench-cache-');
    const env = { ...process.env, STACKWRIGHT_CACHE_DIR: cache };
    await promisify(execFile)(process.execPath, ['bin/stackwright.js', 'bench', 'local', '--help'], { cwd: ROOT, env });
    const benchBundle = join(cache, readdirSync(cache).find((f) => /^bench-[0-9a-f]{16}\.js$/.test(f))!);
    // Loaded without the modules the CLI shares with it, the bundle fails where the toolkit first imports one.
    const script =
      "require('tsx/cjs/api').register();" +
      "const { sourceMappedStack } = require('./src/cli/internal-error.ts');" +
      "globalThis[Symbol.for('stackwright.benchShared')] = {};" +
      'try { require(process.argv[1]); } catch (err) {' +
      ' process.stdout.write(JSON.stringify({ raw: err.stack, mapped: sourceMappedStack(err, undefined, process.cwd(), process.argv[1]) })); }';
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, benchBundle], { cwd: ROOT, env });
    const { raw, mapped } = JSON.parse(stdout) as { raw: string; mapped: string };
    expect(raw).toMatch(/the benchmark toolkit imports src\/[\w/-]+: add it to benchSharedModules in src\/cli\/commands\/bench\.ts/);
    expect(raw).toMatch(/bench-[0-9a-f]{16}\.js:\d+:\d+/);
    expect(mapped).toMatch(/\(packages\/bench\/src\/[\w/-]+\.ts:\d+:\d+\)/);
    // Frames left in the bundle are esbuild's own module wrappers, which have no source.
    const bundleFrames = (stack: string) => stack.match(/bench-[0-9a-f]{16}\.js:\d+:\d+/g)?.length ?? 0;
    expect(bundleFrames(mapped)).toBeLessThan(bundleFrames(raw));
  });
});
