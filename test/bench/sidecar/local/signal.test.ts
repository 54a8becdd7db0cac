import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../../../../packages/bench/src/sidecar/local/runner';
import {
  cmdline,
  fakeBinary,
  killLeftovers,
  LOADED_START_MS,
  watchProcesses,
  withoutProgress,
} from '../../../helpers/processes';

/**
 * Interrupted at any point of its run, `bench local` leaves nothing behind: the local runner's handlers kill every
 * server and every helper process it started (the version probes too), remove the directories, then the process
 * ends with the signal, as it would have without them.
 */

const ROOT = join(__dirname, '..', '..', '..', '..');
const works: string[] = [];
const children: ChildProcess[] = [];
const watches: ReturnType<typeof watchProcesses>[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const watch of watches) killLeftovers(watch.stop());
  for (const work of works) rmSync(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
jest.setTimeout(2 * LOADED_START_MS);

function workDir(): string {
  const work = mkdtempSync(join(tmpdir(), 'bench-local-signal-'));
  chmodSync(work, 0o755);
  works.push(work);
  return work;
}

/**
 * Starts `bench local` on the tcp variant, waits until `ready` says so (polling, no timed assumption), sends SIGTERM
 * and returns how it ended with every process seen meanwhile.
 */
async function interrupt(
  work: string,
  extraArgs: string[],
  ready: (commands: ReadonlyMap<number, string>, stderr: string) => boolean,
) {
  const watch = watchProcesses(work, 50);
  watches.push(watch);
  // Far more requests than it can send before the signal: it is measuring when it arrives.
  const child = spawn(
    process.execPath,
    [
      'bin/stackwright.js',
      'bench',
      'local',
      '--variants',
      'tcp',
      '--requests',
      '10000000',
      '--warmup',
      '0',
      '--work-dir',
      work,
      '--start-timeout',
      String(LOADED_START_MS),
      ...extraArgs,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  while (!ready(watch.commands, stderr) && child.exitCode === null) await sleep(50);
  expect(child.exitCode).toBeNull();
  child.kill('SIGTERM');
  const outcome = await exited;
  const seen = watch.stop();
  return { outcome, seen, stderr };
}

it('SIGTERM during the measurement stops every server and ends the process with the signal', async () => {
  const work = workDir();
  // Off a terminal `bench local` prints its steps: `started ...` comes once the servers answered and the version
  // probes are done, right before the measurement.
  const measuring = (_: ReadonlyMap<number, string>, stderr: string) => /^progress: started tcp \(http:/m.test(stderr);
  const { outcome, seen, stderr } = await interrupt(work, [], measuring);

  expect(withoutProgress(stderr)).toBe('');
  expect(outcome).toEqual({ code: null, signal: 'SIGTERM' });
  expect(seen.length).toBeGreaterThanOrEqual(4);
  expect(seen.filter(isAlive)).toEqual([]);
  expect(readdirSync(work)).toEqual([]);
});

it('SIGTERM while a server version probe runs kills the probe too (it was once left orphaned)', async () => {
  const work = workDir();
  // gunicorn that serves as usual, but whose `--version` hangs: the signal surely arrives while the probe runs.
  const gunicorn = fakeBinary(
    work,
    'gunicorn',
    'if [ "$1" = "--version" ]; then sleep 600; exit 0; fi\nexec /usr/bin/gunicorn "$@"',
  );
  const probe = `${gunicorn}\0--version`;
  const probing = (commands: ReadonlyMap<number, string>) =>
    [...commands].some(([p, c]) => c.includes(probe) && cmdline(p).includes(probe));
  const { outcome, seen } = await interrupt(work, ['--gunicorn', gunicorn], probing);

  expect(outcome).toEqual({ code: null, signal: 'SIGTERM' });
  expect(seen.length).toBeGreaterThanOrEqual(6);
  expect(seen.filter(isAlive)).toEqual([]);
  expect(readdirSync(work)).toEqual(['gunicorn']);
});
