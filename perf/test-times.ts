/**
 * Wall time of npm scripts, e.g. the inner loop against the whole suite:
 *
 *   npm run bench:tests -- --runs 3 test:unit test
 *   npm run bench:tests -- --runs 3 --dir /tmp/old-checkout test:unit   (another checkout, for a before/after)
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

function args(argv: readonly string[]): { runs: number; dir: string; scripts: string[] } {
  let runs = 3;
  let dir = process.cwd();
  const scripts: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--dir') dir = resolve(argv[++i]);
    else scripts.push(argv[i]);
  }
  if (!Number.isInteger(runs) || runs < 1 || scripts.length === 0)
    throw new Error('usage: tsx perf/test-times.ts [--runs N] [--dir CHECKOUT] SCRIPT...');
  return { runs, dir, scripts };
}

const { runs, dir, scripts } = args(process.argv.slice(2));
const logs = mkdtempSync(join(tmpdir(), 'stackwright-test-times-'));
const seconds = new Map<string, number[]>(scripts.map((s) => [s, []]));
const failed = new Map<string, number>(scripts.map((s) => [s, 0]));
for (let r = 1; r <= runs; r++) {
  for (const script of scripts) {
    const load = loadavg()[0].toFixed(1);
    const started = process.hrtime.bigint();
    const run = spawnSync('npm', ['run', script], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const s = Number(process.hrtime.bigint() - started) / 1e9;
    writeFileSync(join(logs, `${script.replace(/[^\w.-]/g, '_')}-${r}.log`), `${run.stdout}\n${run.stderr}`);
    seconds.get(script)!.push(s);
    if (run.status !== 0) failed.set(script, failed.get(script)! + 1);
    process.stderr.write(`run ${r}/${runs} npm run ${script}: ${s.toFixed(1)} s, exit ${run.status}, load ${load}\n`);
  }
}
for (const script of scripts) {
  const v = seconds.get(script)!;
  const bad = failed.get(script)!;
  process.stdout.write(
    `npm run ${script}: median ${median(v).toFixed(1)} s (${spread(v)} s over ${runs} runs)` +
      `${bad ? `, ${bad} run(s) FAILED` : ', all passed'}\n`,
  );
}
process.stdout.write(`logs: ${logs}\n`);
