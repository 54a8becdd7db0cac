/**
 * `npm run bench:synth:floor`: a synth of one config against the floor, the time it takes only to start Node and
 * load the CLI's bundle (cdktf and the providers) without building a stack. Runs alternate between the two, so
 * on a shared machine both see the same load, and the ratio synth / floor is the figure to compare across runs.
 * Times are wall and CPU (user + sys, including child processes such as esbuild's) from /usr/bin/time.
 *
 *   npx tsx perf/synth-floor.ts [--config FILE] [--runs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, spread } from './stats';

const REPO = resolve(__dirname, '..');
/** The launcher's node flags (bin/stackwright.js), so the floor starts Node as synth does. */
const NODE_FLAGS = ['--max-semi-space-size=2'];

interface Sample {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** One run under /usr/bin/time: wall seconds, user + sys seconds of the process and its children, peak RSS. */
function timed(args: string[]): Sample {
  const r = spawnSync('/usr/bin/time', ['-f', '@@time %e %U %S %M', ...args], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no /usr/bin/time line in:\n${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024 };
}

function line(label: string, samples: readonly Sample[]): string {
  const wall = samples.map((s) => s.wall);
  const cpu = samples.map((s) => s.cpu);
  const rss = samples.map((s) => s.rssMb);
  return (
    `${label}: wall median ${median(wall).toFixed(2)} s (${spread(wall)}), ` +
    `CPU median ${median(cpu).toFixed(2)} s (${spread(cpu)}), peak RSS median ${median(rss).toFixed(0)} MB`
  );
}

function main(): void {
  const config = arg('--config', 'stackwright.yaml');
  const runs = Number(arg('--runs', '7'));
  const out = mkdtempSync(join(tmpdir(), 'sw-floor-'));
  const floorArgs = [process.execPath, ...NODE_FLAGS, '-e', `require(${JSON.stringify(join(REPO, 'dist/cli.js'))})`];
  const synthArgs = [
    process.execPath,
    ...NODE_FLAGS,
    join(REPO, 'bin/stackwright.js'),
    'synth',
    '-c',
    config,
    '-o',
    join(out, 'g'),
  ];
  timed(synthArgs); // warm the OS file cache (and the bundle cache, as any second run finds it)
  const floor: Sample[] = [];
  const synth: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(timed(floorArgs));
    synth.push(timed(synthArgs));
  }
  rmSync(out, { recursive: true, force: true });
  console.log(`config ${config}; ${runs} interleaved runs each; node ${process.version}`);
  console.log(line('floor (load dist/cli.js)', floor));
  console.log(line('synth', synth));
  const ratio = (k: 'wall' | 'cpu'): string =>
    (median(synth.map((s) => s[k])) / median(floor.map((s) => s[k]))).toFixed(2);
  console.log(`synth / floor: wall ${ratio('wall')}x, CPU ${ratio('cpu')}x`);
}

main();
