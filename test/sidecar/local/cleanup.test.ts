import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../../../packages/bench/src/sidecar/local/runner';
import { inSessions, LOADED_START_MS, sessionOf } from '../../helpers/processes';

/**
 * A process that started a variant and is interrupted (Ctrl-C, SIGTERM) or crashes without calling stop() still
 * leaves nothing behind: the runner's registry kills the trees and removes the directories on the way out.
 */

const FIXTURE = join(__dirname, 'fixtures', 'hold-variant.ts');
const children: ChildProcess[] = [];
const leftovers: number[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // Should a test fail half-way, its servers must not outlive the suite.
  for (const pid of leftovers) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

interface Held {
  readonly child: ChildProcess;
  readonly pids: number[];
  readonly dir: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function hold(variant: string, mode: 'wait' | 'crash'): Promise<Held> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, variant, mode], {
    cwd: join(__dirname, '..', '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        const { pids, dir } = JSON.parse(line) as { pids: number[]; dir: string };
        leftovers.push(...pids);
        resolve({ child, pids, dir, exited });
      }
    });
    void exited.then(({ code }) => reject(new Error(`fixture exited (${code}) before starting: ${err}`)));
  });
}

it.each([
  ['combined', 'SIGINT'],
  ['tcp', 'SIGTERM'],
] as const)(
  '%s: %s kills every process, removes the directory and ends the process with the signal',
  async (variant, sig) => {
    const held = await hold(variant, 'wait');
    expect(held.pids.length).toBeGreaterThanOrEqual(4);
    expect(held.pids.every(isAlive)).toBe(true);
    const sessions = new Set(held.pids.map(sessionOf));
    held.child.kill(sig);
    // Nobody else handles the signal in the fixture, so it terminates with it as it would have without the runner.
    expect(await held.exited).toEqual({ code: null, signal: sig });
    expect(held.pids.filter(isAlive)).toEqual([]);
    // Nor any process started after the pids were printed (a worker forked on a reload, parent 1 once its master died).
    expect(inSessions(sessions)).toEqual([]);
    expect(existsSync(held.dir)).toBe(false);
  },
  2 * LOADED_START_MS,
);

it(
  'sharedvol: an uncaught exception still kills every process and removes the directory',
  async () => {
    const held = await hold('sharedvol', 'crash');
    const sessions = new Set(held.pids.map(sessionOf));
    expect((await held.exited).code).toBe(1);
    expect(held.pids.filter(isAlive)).toEqual([]);
    expect(inSessions(sessions)).toEqual([]);
    expect(existsSync(held.dir)).toBe(false);
  },
  2 * LOADED_START_MS,
);
