import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MissingBinaryError } from './local/runner';
import { trackChild } from './local/runner/processes';
import type { LoadRequest, LoadResult, LoadTool } from './load';

/**
 * Apache Bench as the post ran it: `ab -n N -c C -l URL` (a new connection per request, no keep-alive; -l because
 * the app's answer varies in length). The figures are ab's own; the distribution comes from its `-e` percentile
 * file (microseconds), since its printed table rounds to whole milliseconds.
 */
export function abTool(binary = 'ab'): LoadTool {
  return {
    name: 'ab',
    keepAlive: false,
    connections: 'one new connection per request (ab without -k, as in the post)',
    version: () => abVersion(binary),
    run: (request) => runAb(binary, request),
  };
}

function abVersion(binary: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(binary, ['-V'], { timeout: 10_000 }, (err, stdout) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT')
        reject(new MissingBinaryError(binary, 'apache2-utils', 'is not installed'));
      else if (err)
        reject(new MissingBinaryError(binary, 'apache2-utils', `does not run (${err.message.split('\n')[0]})`));
      else resolve((/Version [^\s]+/.exec(stdout)?.[0] ?? 'version unknown').replace(/^Version/, 'ab'));
    });
    trackChild(child);
  });
}

async function runAb(binary: string, request: LoadRequest): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'stackwright-ab-'));
  const csv = join(dir, 'percentiles.csv');
  const args = [
    '-n',
    String(request.requests),
    '-c',
    String(request.concurrency),
    '-l',
    '-s',
    String(request.timeoutSeconds),
    '-e',
    csv,
    request.url.toString(),
  ];
  try {
    const { code, stdout, stderr } = await spawnTracked(binary, args, (line) => {
      const done = /^Completed (\d+) requests/.exec(line);
      if (done) request.onProgress?.(Number(done[1]));
    });
    if (code !== 0) return failedRun(request, `ab failed (exit ${code}): ${lastLine(stderr) || lastLine(stdout)}`);
    return parseAbOutput(stdout, readFileSync(csv, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs ab, reporting its stderr line by line; registered with the local runner's cleanup so Ctrl-C ends it too. */
function spawnTracked(
  binary: string,
  args: string[],
  onStderrLine: (line: string) => void,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    trackChild(child);
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onStderrLine);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'ENOENT' ? new MissingBinaryError(binary, 'apache2-utils', 'is not installed') : err);
    });
    child.on('close', (code, signal) => {
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

/** Reads ab's report and its `-e` CSV ("Percentage served,Time in ms" then `i,ms` for i = 0..100). */
export function parseAbOutput(stdout: string, csv: string): LoadResult {
  const num = (re: RegExp, fallback?: number): number => {
    const m = re.exec(stdout);
    if (m) return Number(m[1]);
    if (fallback !== undefined) return fallback;
    throw new Error(`ab output has no ${re.source.split(':')[0]} line`);
  };
  const completed = num(/^Complete requests:\s+(\d+)/m);
  const percentilesMs = csv
    .split('\n')
    .map((l) => /^(\d+),([\d.]+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => Number(m[2]));
  if (completed > 0 && percentilesMs.length !== 101)
    throw new Error(`ab percentile file has ${percentilesMs.length} rows, expected 101`);
  return {
    completed,
    failed: num(/^Failed requests:\s+(\d+)/m),
    non2xx: num(/^Non-2xx responses:\s+(\d+)/m, 0),
    durationMs: num(/^Time taken for tests:\s+([\d.]+) seconds/m) * 1000,
    requestsPerSecond: num(/^Requests per second:\s+([\d.]+)/m),
    timePerRequestMs: num(/^Time per request:\s+([\d.]+) \[ms\] \(mean\)$/m),
    latencyMs: {
      mean: null,
      p50: percentilesMs[50] ?? 0,
      p90: percentilesMs[90] ?? 0,
      p99: percentilesMs[99] ?? 0,
      max: percentilesMs[100] ?? 0,
    },
    percentilesMs,
  };
}

function failedRun(request: LoadRequest, error: string): LoadResult {
  return {
    completed: 0,
    failed: request.requests,
    non2xx: 0,
    durationMs: 0,
    requestsPerSecond: 0,
    timePerRequestMs: 0,
    latencyMs: { mean: null, p50: 0, p90: 0, p99: 0, max: 0 },
    percentilesMs: [],
    error,
  };
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}
