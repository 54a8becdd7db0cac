import { join } from 'node:path';
import {
  killNow,
  processTree,
  sessionMembers,
  spawnServer,
  type ServerProcess,
} from '../../../packages/bench/src/sidecar/local/runner/processes';
import { killLeftovers, LOADED_START_MS, processesWith } from '../../helpers/processes';
import { tempDir } from '../../helpers/temp-dir';

/**
 * killNow on the shapes supervisord makes (the combined variant): children in process groups of their own inside the
 * server's session. Under load, a full test run once left nginx and gunicorn workers of combined running with parent
 * 1: supervisord was killed first, its children's groups became orphaned, the kernel continued them with SIGHUP, and
 * nginx and gunicorn reload on SIGHUP by forking fresh workers that no snapshot had seen.
 */

const marker = `processes-test-${process.pid}`;
afterAll(() => killLeftovers(processesWith(marker)));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ready()` holds (no timed assumption: only a hang reaches the deadline). */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + LOADED_START_MS; !ready(); await sleep(25)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

/** A server spawned as the runner spawns them (leader of its own session and group), running `script` in python. */
function pythonServer(name: string, script: string): ServerProcess {
  return spawnServer({
    name,
    command: '/usr/bin/python3',
    args: ['-c', script, `${marker}-${name}`],
    cwd: '/',
    env: { PATH: '/usr/bin:/bin' },
    logFile: join(tempDir('processes-test-'), 'log'),
  });
}

it('kills a process of the session whose parent is gone (it has parent 1, out of reach of the tree walk)', async () => {
  const name = 'orphan-maker';
  // Like a worker whose master died first: a grandchild left behind by a child (in a process group of its own, as
  // supervisord's children are, so the server's group kill misses it) that exits at once.
  const server = pythonServer(
    name,
    [
      'import os, sys, time',
      'if os.fork() == 0:',
      '    os.setpgid(0, 0)',
      "    if os.fork() == 0: os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(600)', sys.argv[1] + '-orphan'])",
      '    os._exit(0)',
      'time.sleep(600)',
    ].join('\n'),
  );
  const orphanMarker = `${marker}-${name}-orphan`;
  await until(() => processesWith(orphanMarker).length === 1 && processTree([server.pid]).length === 1, 'the orphan');
  const [orphan] = processesWith(orphanMarker);
  expect(processTree([server.pid])).not.toContain(orphan);
  expect(sessionMembers([server])).toEqual([server.pid, orphan].sort((a, b) => a - b));

  killNow([server], processTree([server.pid]));
  expect(processesWith(`${marker}-${name}`)).toEqual([]);
});

it('kills every process before its parent, so no group of the session is orphaned while it can still run', async () => {
  const name = 'reloading';
  // supervisord's shape: a master in a process group of its own that forks a fresh worker on SIGHUP, as nginx does.
  const server = pythonServer(
    name,
    [
      'import os, signal, sys',
      'def worker(*_):',
      "    if os.fork() == 0: os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(600)', sys.argv[1] + '-worker'])",
      'if os.fork() == 0:',
      '    os.setpgid(0, 0)',
      '    signal.signal(signal.SIGHUP, worker)',
      '    worker()',
      '    while True: signal.pause()',
      'while True: signal.pause()',
    ].join('\n'),
  );
  await until(
    () => processTree([server.pid]).length === 3 && processesWith(`${marker}-${name}-worker`).length === 1,
    'master and worker',
  );
  const [worker] = processesWith(`${marker}-${name}-worker`);
  const [master] = processTree([server.pid]).filter((p) => p !== server.pid && p !== worker);

  const killed: number[] = [];
  const realKill = process.kill.bind(process);
  const spy = jest.spyOn(process, 'kill').mockImplementation((pid: number, sig?: string | number) => {
    if (sig === 'SIGKILL' && !killed.includes(Math.abs(pid))) killed.push(Math.abs(pid));
    return realKill(pid, sig);
  });
  try {
    killNow([server], processTree([server.pid]));
  } finally {
    spy.mockRestore();
  }
  expect(killed.slice(0, 3)).toEqual([worker, master, server.pid]);
  expect(processesWith(`${marker}-${name}`)).toEqual([]);
  expect(sessionMembers([server])).toEqual([]);
});
