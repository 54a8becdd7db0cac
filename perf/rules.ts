/**
 * `npx tsx perf/rules.ts`: what the rule packs add to a synth of the default config (or BENCH_CONFIG), measured in
 * fresh processes as synth runs them: loading the rule modules, the first check (reads the cached provider schemas
 * and IAM action data), and a repeated check. Also the one-time schema extraction from the provider packages.
 * Reports medians; the machine is shared, so single numbers mean little.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { median, spread } from './stats';

const REPO = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const CONFIG = process.env.BENCH_CONFIG ?? 'stackwright.yaml';

interface Sample {
  readonly loadMs: number;
  readonly synthMs: number;
  readonly firstCheckMs: number;
  readonly warmCheckMs: number;
  readonly findings: number;
  readonly resources: number;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** One fresh-process measurement, printed as JSON for the parent. */
async function once(): Promise<void> {
  let t = process.hrtime.bigint();
  const { checkStacks } = require('../src/rules') as typeof import('../src/rules');
  const loadMs = ms(t);
  const { loadConfig } = require('../src/config/load') as typeof import('../src/config/load');
  const { synthesize } = require('../src/synth/synthesize') as typeof import('../src/synth/synthesize');
  t = process.hrtime.bigint();
  const config = loadConfig(CONFIG);
  const stacks = await synthesize(config, { configFile: CONFIG });
  const synthMs = ms(t);
  const inputs = stacks.map((s) => ({ stack: s.name, json: s.json }));
  t = process.hrtime.bigint();
  const report = checkStacks(inputs, config.rules);
  const firstCheckMs = ms(t);
  t = process.hrtime.bigint();
  checkStacks(inputs, config.rules);
  const warmCheckMs = ms(t);
  const resources = stacks.reduce(
    (n, s) =>
      n +
      Object.values((s.json.resource ?? {}) as Record<string, object>).reduce((m, r) => m + Object.keys(r).length, 0),
    0,
  );
  const sample: Sample = { loadMs, synthMs, firstCheckMs, warmCheckMs, findings: report.findings.length, resources };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

function extractionMs(pkg: string): number {
  const { extractProviderSchema } =
    require('../src/rules/schema/extract') as typeof import('../src/rules/schema/extract');
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  const t = process.hrtime.bigint();
  extractProviderSchema(
    JSON.parse(readFileSync(join(dir, '.jsii'), 'utf8')) as Parameters<typeof extractProviderSchema>[0],
    pkg,
    'bench',
  );
  return ms(t);
}

function main(): void {
  const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
  const samples: Sample[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const r = spawnSync(tsx, [__filename, '--once'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, BENCH_CONFIG: CONFIG },
    });
    if (r.status !== 0) throw new Error(`measurement failed:\n${r.stderr}`);
    if (i > 0) samples.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as Sample); // the first run warms tsx's cache
  }
  const row = (label: string, xs: number[]) =>
    console.log(`${label.padEnd(44)} median ${median(xs).toFixed(0).padStart(5)} ms  (range ${spread(xs)} ms)`);
  console.log(
    `config ${CONFIG}: ${samples[0].resources} resources, ${samples[0].findings} findings; ${samples.length} fresh processes\n`,
  );
  row(
    'synth in memory (incl. HCL)',
    samples.map((s) => s.synthMs),
  );
  row(
    'rules: load the rule modules',
    samples.map((s) => s.loadMs),
  );
  row(
    'rules: first check (schemas, IAM data)',
    samples.map((s) => s.firstCheckMs),
  );
  row(
    'rules: added to a synth (load + first check)',
    samples.map((s) => s.loadMs + s.firstCheckMs),
  );
  row(
    'rules: repeated check (warm)',
    samples.map((s) => s.warmCheckMs),
  );
  console.log('\none-time schema extraction (on first use after install, then cached):');
  for (const pkg of ['@cdktf/provider-aws', '@cdktf/provider-datadog', '@cdktf/provider-docker']) {
    console.log(`  ${pkg.padEnd(26)} ${extractionMs(pkg).toFixed(0)} ms`);
  }
}

if (process.argv.includes('--once')) void once();
else main();
