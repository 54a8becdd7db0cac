/**
 * Wall time of npm scripts, e.g. the inner loop against the whole suite:
 *
 *   npm run bench:tests -- --runs 3 test:unit test
 *   npm run bench:tests -- --runs 3 /tmp/old-checkout:test:unit test:unit   (before/after: CHECKOUT:SCRIPT)
 *
 * Runs each script `--runs` times, interleaved (a, b, a, b, ...) so a change in the machine's load falls on both,
 * and prints per script the median, the range and whether every run passed, with the load average before each run.
 * Output of the scripts goes to files under the OS temp folder (named in the report), not to the terminal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, spread } from './stats';

function args(argv: readonly string[]): { runs: number; scripts: string[] } {
  let runs = 3;
  const scripts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else scripts.push(argv[i]);
  }
  if (!Number.isInteger(runs) || runs < 1 || scripts.length === 0)
    throw new Error('usage: tsx perf/test-times.ts [--runs N] [CHECKOUT:]SCRIPT...');
  return { runs, scripts };
}

/** `SCRIPT` runs in this checkout; `/path/to/checkout:SCRIPT` in another (a path holds a `/`). */
function where(entry: string): { dir: string; script: string } {
  const m = /^(.*\/[^:]*):(.+)$/.exec(entry);
  return m ? { dir: resolve(m[1]), script: m[2] } : { dir: process.cwd(), script: entry };
}

const { runs, scripts } = args(process.argv.slice(2));
const logs = mkdtempSync(join(tmpdir(), 'stackwright-test-times-'));
const seconds = new Map<string, number[]>(scripts.map((s) => [s, []]));
const failed = new Map<string, number>(scripts.map((s) => [s, 0]));
for (let r = 1; r <= runs; r++) {
  for (const script of scripts) {
    const load = loadavg()[0].toFixed(1);
    const started = process.hrtime.bigint();
    const { dir, script: name } = where(script);
    const run = spawnSync('npm', ['run', name], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const s = Number(process.hrtime.bigint() - started) / 1e9;
    writeFileSync(join(logs, `${script.replace(/[^\w.-]/g, '_')}-${r}.log`), `${run.stdout}\n${run.stderr}`);
    seconds.get(script)!.push(s);
    if (run.status !== 0) failed.set(script, failed.get(script)! + 1);
    process.stderr.write(`run ${r}/${runs} ${script}: ${s.toFixed(1)} s, exit ${run.status}, load ${load}\n`);
  }
}
for (const script of scripts) {
  const v = seconds.get(script)!;
  const bad = failed.get(script)!;
  process.stdout.write(
    `${script}: median ${median(v).toFixed(1)} s (${spread(v)} s over ${runs} runs)` +
      `${bad ? `, ${bad} run(s) FAILED` : ', all passed'}\n`,
  );
}
process.stdout.write(`logs: ${logs}\n`);
