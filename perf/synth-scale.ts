/**
 * `npm run bench:synth:scale`: synth of a `targets:` config as the folders grow, the way an organisation grows it:
 * A accounts x R regions, each account with the Datadog integration (one global folder per account) and the ECS
 * stack of stackwright.yaml (one folder per account and region). Sizes are account x region pairs: 1 (1 x 1), 10
 * (5 x 2), 50 (25 x 2) and 100 (50 x 2, the goal: at most 30 s and under 1 GB).
 *
 * Each size runs the CLI (through its shebang, as npx does) with worker threads (STACKWRIGHT_SYNTH_WORKERS=auto:
 * one beside the main thread on 2 cores, from 50 folders on) and without (0, synth's default), alternating, and reports medians of wall time, CPU time (user + sys of the process,
 * all its threads) and peak resident memory (the process's maxRSS, which counts its worker threads), then checks
 * that both wrote the same files.
 *
 *   npx tsx perf/synth-scale.ts [--runs N] [--sizes 1,10,50,100] [--write FILE --pairs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { listFiles } from '../src/synth/output-dir';
import { median, spread } from './stats';

const REPO = resolve(__dirname, '..');
const GOAL = { pairs: 100, seconds: 30, rssMb: 1024 };

/** Account x region pairs -> accounts and regions per account. */
function shape(pairs: number): { accounts: number; regions: number } {
  return pairs === 1 ? { accounts: 1, regions: 1 } : { accounts: Math.ceil(pairs / 2), regions: 2 };
}

/** The config: stackwright.yaml's datadog and ecs sections, shared by every target. */
export function scaleConfig(pairs: number): Record<string, unknown> {
  const base = parse(readFileSync(join(REPO, 'stackwright.yaml'), 'utf8')) as {
    tags: unknown;
    stacks: { datadog: unknown; ecs: unknown };
  };
  const { accounts, regions } = shape(pairs);
  return {
    name: 'scale',
    tags: base.tags,
    backend: { type: 's3', bucket: 'scale-terraform-state', region: 'us-east-1', keyPrefix: 'scale' },
    assumeRole: 'arn:${partition}:iam::${account}:role/terraform',
    targets: Array.from({ length: accounts }, (_, i) => ({
      name: `account-${String(i + 1).padStart(3, '0')}`,
      accountId: String(100000000000 + i + 1),
      regions: ['us-east-1', 'eu-west-1'].slice(0, regions),
    })),
    stacks: { datadog: base.stacks.datadog, ecs: base.stacks.ecs },
    rules: {
      overrides: [
        {
          rule: 'ECS-ReadonlyRootFilesystem',
          level: 'suppressed',
          reason: 'the public images of stackwright.yaml write to their root filesystems (see its overrides)',
        },
      ],
    },
  };
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number;
}

function synth(config: string, out: string, workers: string): Sample {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${join(REPO, 'perf/rss-hook.js')}` };
  env.STACKWRIGHT_SYNTH_WORKERS = workers;
  const start = process.hrtime.bigint();
  const r = spawnSync(join(REPO, 'bin/stackwright.js'), ['synth', '-c', config, '-o', out], {
    cwd: REPO,
    encoding: 'utf8',
    env,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`synth of ${config} failed (${r.status}):\n${r.stderr}`);
  const m = /@@maxrss_kb=(\d+) cpu_us=(\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no @@maxrss_kb line from perf/rss-hook.js in:\n${r.stderr}`);
  return { wall, cpu: Number(m[2]) / 1e6, rssMb: Number(m[1]) / 1024 };
}

function sameTrees(a: string, b: string): boolean {
  const files = listFiles(a);
  const other = listFiles(b);
  return (
    files.length === other.length &&
    files.every((f, i) => f === other[i] && readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
  );
}

function line(label: string, s: readonly Sample[], folders: number): string {
  const wall = s.map((x) => x.wall);
  const cpu = s.map((x) => x.cpu);
  const rss = s.map((x) => x.rssMb);
  const perFolder = (median(wall) / folders) * 1000;
  return (
    `  ${label.padEnd(12)} wall ${median(wall).toFixed(2)} s (${spread(wall)}), ${perFolder.toFixed(0)} ms/folder; ` +
    `CPU ${median(cpu).toFixed(2)} s; peak RSS ${median(rss).toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)})`
  );
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const write = arg('--write');
  if (write) {
    writeFileSync(write, stringify(scaleConfig(Number(arg('--pairs') ?? GOAL.pairs))));
    console.log(`wrote ${write}`);
    return;
  }
  const runs = Number(arg('--runs') ?? process.env.BENCH_RUNS ?? 3);
  const sizes = (arg('--sizes') ?? '1,10,50,100').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'sw-scale-'));
  let goal: Sample[] | undefined;
  console.log(
    `synth of A accounts x R regions (datadog + ecs); ${runs} runs per mode, alternating; node ${process.version}`,
  );
  try {
    spawnSync(process.execPath, [join(REPO, 'scripts/build.js'), '--if-stale'], { cwd: REPO, stdio: 'inherit' });
    for (const pairs of sizes) {
      const { accounts, regions } = shape(pairs);
      const config = join(dir, `scale-${pairs}.yaml`);
      writeFileSync(config, stringify(scaleConfig(pairs)));
      synth(config, join(dir, 'warm'), '0'); // the OS file cache, and the bundle cache on a first run
      const auto: Sample[] = [];
      const none: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        auto.push(synth(config, join(dir, 'auto'), 'auto'));
        none.push(synth(config, join(dir, 'none'), '0'));
      }
      const folders = listFiles(join(dir, 'none')).filter((f) => f.endsWith('/cdk.tf.json')).length;
      console.log(`${pairs} pairs (${accounts} x ${regions}): ${folders} folders`);
      console.log(line('workers auto', auto, folders));
      console.log(line('in process', none, folders));
      if (!sameTrees(join(dir, 'auto'), join(dir, 'none'))) throw new Error(`${pairs} pairs: the outputs differ`);
      if (pairs === GOAL.pairs) goal = none;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (goal) {
    const wall = median(goal.map((s) => s.wall));
    const rss = Math.max(...goal.map((s) => s.rssMb));
    const met = wall <= GOAL.seconds && rss < GOAL.rssMb;
    console.log(
      `goal (${GOAL.pairs} pairs in at most ${GOAL.seconds} s, under ${GOAL.rssMb} MB; synth's default, no workers): ${met ? 'met' : 'NOT met'} ` +
        `(median ${wall.toFixed(1)} s, peak ${rss.toFixed(0)} MB)`,
    );
  }
}

if (require.main === module) main();
