import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../../../src/sidecar/local';
import { killLeftovers, watchProcesses } from '../../helpers/processes';

/**
 * Interrupted while measuring, `bench local` leaves nothing behind: the local runner's handlers kill every server
 * and remove the directories, then the process ends with the signal, as it would have without them.
 */

const ROOT = join(__dirname, '..', '..', '..');
let work: string;
let child: ChildProcess | undefined;
let seen: number[] = [];
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bench-local-signal-'));
  chmodSync(work, 0o755);
});
afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  killLeftovers(seen);
  rmSync(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('SIGTERM during the measurement stops every server and ends the process with the signal', async () => {
  const watch = watchProcesses(work, 50);
  // Far more requests than it can send before the signal: it is measuring when it arrives.
  child = spawn(process.execPath, ['bin/stackwright.js', 'bench', 'local', '--variants', 'tcp', '--requests', '10000000', '--warmup', '0', '--work-dir', work], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child?.on('exit', (code, signal) => resolve({ code, signal })));

  // Running: nginx master and worker, gunicorn master and worker (the runner's start waits for a 200 through them).
  const deadline = Date.now() + 20_000;
  while (watch.seen.size < 4 && Date.now() < deadline && child.exitCode === null) await sleep(50);
  // Past the version probes (well under a second) and into the measurement.
  await sleep(1000);
  expect(child.exitCode).toBeNull();
  child.kill('SIGTERM');
  const outcome = await exited;
  seen = watch.stop();

  expect(stderr).toBe('');
  expect(outcome).toEqual({ code: null, signal: 'SIGTERM' });
  expect(seen.length).toBeGreaterThanOrEqual(4);
  expect(seen.filter(isAlive)).toEqual([]);
  expect(readdirSync(work)).toEqual([]);
});
