/**
 * `npm run bench:synth`: how long a full synth takes and how much memory it needs, against the stock cdktf
 * toolchain (cdktf-cli running a ts-node app) on the same stacks, and how synth time grows with the stacks.
 * Reports medians of repeated runs; the machine is shared, so single numbers mean little.
 *
 * ts-node is not a dependency of Stackwright: the first run installs it from the npm registry into
 * node_modules/.cache/stackwright/stock-toolchain (STOCK_TS_NODE, below), where it type-checks with the project's
 * own TypeScript, as a `cdktf init` project would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Progress } from '../packages/bench/src/common/progress';
import { loadConfig } from '../src/config/load';
import { stackDefinitions } from '../stacks';
import { median, spread } from './stats';

const REPO = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const STOCK_RUNS = Number(process.env.BENCH_STOCK_RUNS ?? 3);
const CONFIG = process.env.BENCH_CONFIG ?? 'stackwright.yaml';

interface Sample {
  readonly seconds: number;
  readonly maxRssMb?: number;
}

function run(cmd: string, args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): Sample {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const rss = /@@maxrss_kb=(\d+)/.exec(r.stderr);
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

/** Runs the CLI as npx does (through its shebang and the node flags there), reporting its peak memory. */
function stackwrightSynth(out: string, extra: string[] = []): Sample {
  return run(join(REPO, 'bin/stackwright.js'), ['synth', '-c', CONFIG, '--out', out, ...extra], REPO, {
    NODE_OPTIONS: `--require ${join(REPO, 'perf/rss-hook.js')}`,
  });
}

/** A line per run on stderr (rewritten on a terminal): the whole benchmark takes minutes. */
const progress = new Progress(process.stderr);

function repeat(n: number, f: () => Sample, label = 'run'): Sample[] {
  return Array.from({ length: n }, (_, i) => {
    progress.update(`bench:synth: ${label} ${i + 1}/${n}`, true);
    const sample = f();
    progress.clear();
    return sample;
  });
}

function report(label: string, samples: Sample[]): number {
  const s = samples.map((x) => x.seconds);
  const rss = samples.map((x) => x.maxRssMb).filter((x): x is number => x !== undefined);
  const mem = rss.length
    ? `, peak memory median ${median(rss).toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)})`
    : '';
  console.log(`${label}: median ${median(s).toFixed(2)} s (range ${spread(s)} s, n=${s.length})${mem}`);
  return median(s);
}

/** The stock toolchain: `cdktf synth` with a ts-node app (type-checked on every run) building the same stacks. */
function stockSynth(dir: string): Sample {
  // cdktf runs `terraform version`, which fails when TF_CLI_CONFIG_FILE names a file that is not there (as on a
  // machine set up for the provider mirror without it): the stock project brings an empty CLI config of its own.
  return run(join(REPO, 'node_modules/.bin/cdktf'), ['synth'], dir, {
    STACKWRIGHT_CONFIG: resolve(REPO, CONFIG),
    TF_CLI_CONFIG_FILE: join(dir, 'terraformrc'),
  });
}

/** ts-node as `cdktf init` would add it, installed once into a cache folder (never into the project). */
const STOCK_TS_NODE = { version: '10.9.2', dir: join(REPO, 'node_modules/.cache/stackwright/stock-toolchain') };

function tsNodeBin(): string {
  const bin = join(STOCK_TS_NODE.dir, 'node_modules/ts-node/dist/bin.js');
  if (!existsSync(bin)) {
    progress.update(
      `bench:synth: installing ts-node@${STOCK_TS_NODE.version} into ${relative(REPO, STOCK_TS_NODE.dir)}`,
      true,
    );
    mkdirSync(STOCK_TS_NODE.dir, { recursive: true });
    writeFileSync(join(STOCK_TS_NODE.dir, 'package.json'), '{ "private": true }\n');
    const args = [
      'install',
      '--prefix',
      STOCK_TS_NODE.dir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `ts-node@${STOCK_TS_NODE.version}`,
    ];
    const r = spawnSync('npm', args, { cwd: STOCK_TS_NODE.dir, encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(bin)) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  }
  return bin;
}

function stockProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-stock-'));
  // ts-node compiles with the TypeScript it finds from the project (-P): the repository's own.
  const app = `node ${tsNodeBin()} -P ${join(REPO, 'tsconfig.json')} ${join(REPO, 'perf/stock-app.ts')}`;
  writeFileSync(
    join(dir, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app, output: 'cdktf.out', sendCrashReports: 'false' }),
  );
  writeFileSync(join(dir, 'terraformrc'), '');
  return dir;
}

function main(): void {
  const out = mkdtempSync(join(tmpdir(), 'sw-bench-'));
  console.log(`config ${CONFIG}; ${RUNS} runs each (stock: ${STOCK_RUNS}); node ${process.version}\n`);
  progress.update('bench:synth: npm run build (if the sources changed)', true);
  run(process.execPath, [join(REPO, 'scripts/build.js'), '--if-stale']);
  progress.update('bench:synth: warm-up synth', true);
  stackwrightSynth(join(out, 'warm')); // warm the OS file cache
  const ours = report(
    'stackwright synth (full, with HCL and rule checks)',
    repeat(RUNS, () => stackwrightSynth(join(out, 'g')), 'stackwright synth'),
  );

  const stockDir = stockProject();
  progress.update('bench:synth: warm-up of the stock toolchain', true);
  stockSynth(stockDir);
  const stock = report(
    'stock: cdktf synth + ts-node app',
    repeat(STOCK_RUNS, () => stockSynth(stockDir), 'stock cdktf synth'),
  );
  console.log(`speed-up: ${(stock / ours).toFixed(1)}x\n`);

  const keys = Object.keys(stackDefinitions).filter(
    (k) => loadConfig(CONFIG).stacks[k as keyof typeof stackDefinitions],
  );
  console.log('growth with the number of stacks:');
  for (let k = 1; k <= keys.length; k++) {
    const only = keys.slice(0, k).flatMap((s) => ['--stack', s]);
    report(
      `  ${k} stack(s) [${keys.slice(0, k).join(', ')}]`,
      repeat(Math.max(3, Math.ceil(RUNS / 2)), () => stackwrightSynth(join(out, `k${k}`), only), `${k} stack(s)`),
    );
  }
  rmSync(out, { recursive: true, force: true });
  rmSync(stockDir, { recursive: true, force: true });

  // The ECS scale (10 clusters of 10 services, and how it grows), the rule checks' share, and the folders of a
  // targets: config (1 to 100 account x region pairs, with and without worker threads), from their own scripts.
  for (const [title, script] of [
    ['ECS scale', 'perf/ecs-scale.ts'],
    ['rule checks', 'perf/rules.ts'],
    ['targets scale', 'perf/synth-scale.ts'],
  ]) {
    console.log(`\n${title} (${script}):`);
    const r = spawnSync(process.execPath, [join(REPO, 'node_modules/tsx/dist/cli.mjs'), script], {
      cwd: REPO,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`${script} failed (${r.status})`);
  }
}

main();
