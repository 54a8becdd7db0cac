import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * Process trees of locally started servers, and their cleanup. Each server is spawned as the leader of its own
 * session and process group, but supervisord puts its children in groups of their own, so cleanup also walks /proc
 * for descendants and for members of the servers' sessions (a process whose parent died has parent 1 but keeps its
 * session). A registry of everything still running is killed on process exit and on SIGINT/SIGTERM, so a crashed or
 * interrupted benchmark leaves nothing behind.
 */

/** One spawned server (nginx, gunicorn or supervisord) and its output file. */
export interface ServerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logFile: string;
}

export interface SpawnServerOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** stdout and stderr go here (appended). */
  readonly logFile: string;
  /** Run as this user and group (when we are root). */
  readonly user?: { readonly uid: number; readonly gid: number };
}

/** Spawns a server as its own process group leader with output to a file (no pipes to drain). */
export function spawnServer(o: SpawnServerOptions): ServerProcess {
  const fd = openSync(o.logFile, 'a');
  try {
    const child = spawn(o.command, [...o.args], {
      cwd: o.cwd,
      env: o.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(o.user ? { uid: o.user.uid, gid: o.user.gid } : {}),
    });
    // An 'error' event (for example EACCES) must not crash the process; callers see the exit instead.
    child.on('error', () => undefined);
    if (child.pid === undefined) throw new Error(`could not spawn ${o.command}`);
    return { name: o.name, child, pid: child.pid, logFile: o.logFile };
  } finally {
    closeSync(fd);
  }
}

interface ProcStat {
  readonly ppid: number;
  readonly state: string;
  readonly session: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), session: Number(fields[3]) };
  } catch {
    return undefined;
  }
}

/** True while the process exists and is not a zombie (an exited child nobody has reaped yet). */
export function isAlive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

/** Every process in /proc with its stat line, read once. */
function processTable(): Map<number, ProcStat> {
  const table = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) table.set(Number(entry), stat);
  }
  return table;
}

/** `roots` and all their living descendants, from /proc. */
export function processTree(roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, stat] of processTable()) {
    const list = children.get(stat.ppid) ?? [];
    list.push(pid);
    children.set(stat.ppid, list);
  }
  const seen = new Set<number>();
  const queue = roots.filter(isAlive);
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    for (const c of children.get(pid) ?? []) if (isAlive(c)) queue.push(c);
  }
  return [...seen].sort((a, b) => a - b);
}

/**
 * Living processes of the sessions the servers lead (each server is spawned detached, so its pid is its session's
 * id). This finds what walking down from the servers cannot: a process whose parent died first (its parent is then
 * pid 1) stays in its session.
 */
export function sessionMembers(servers: readonly ServerProcess[]): number[] {
  const sessions = new Set(servers.map((s) => s.pid));
  const members: number[] = [];
  for (const [pid, stat] of processTable())
    if (sessions.has(stat.session) && stat.state !== 'Z' && stat.state !== 'X') members.push(pid);
  return members.sort((a, b) => a - b);
}

/** `pids` with every process before its parent (deepest first), so that no parent of the set ends before its children. */
function childrenFirst(pids: ReadonlySet<number>): number[] {
  const parent = new Map([...pids].map((pid) => [pid, readStat(pid)?.ppid ?? 0]));
  const depth = (pid: number): number => {
    let d = 0;
    for (let p = parent.get(pid); p !== undefined && pids.has(p) && d <= pids.size; p = parent.get(p)) d++;
    return d;
  };
  return [...pids].sort((a, b) => depth(b) - depth(a) || a - b);
}

function signal(target: number, sig: NodeJS.Signals): void {
  try {
    process.kill(target, sig);
  } catch {
    // Already gone (ESRCH) is the goal; EPERM cannot happen for our own children.
  }
}

/** How long a synchronous kill waits for SIGKILLed processes to be gone: they need CPU to exit, scarce under load. */
const KILL_WAIT_MS = 15_000;

/**
 * SIGKILL a set of processes and their groups, synchronously (safe inside an 'exit' handler). Everything is first
 * stopped (SIGSTOP) until a /proc snapshot finds nothing new: a stopped process cannot fork, so no child appears
 * after the snapshot (supervisord puts its children in groups of their own, out of reach of the group kill).
 *
 * Then each process is killed before its parent, and the servers' groups last. The order matters: when supervisord
 * dies while its children are stopped, their process groups become orphaned and the kernel sends them SIGHUP and
 * SIGCONT; nginx and gunicorn answer SIGHUP by reloading, forking fresh workers that are in no snapshot and, their
 * master killed a moment later, were left running with parent 1. A process that already has its SIGKILL pending
 * never runs again, whatever it is sent. Anything still found in the servers' sessions is killed too. A kill is
 * delivered asynchronously, so it then waits until they are gone: a caller that exits right after leaves nothing.
 */
export function killNow(servers: readonly ServerProcess[], known: readonly number[]): void {
  const roots = servers.map((s) => s.pid);
  let pids = new Set([...known, ...processTree(roots), ...sessionMembers(servers)]);
  for (;;) {
    for (const s of servers) signal(-s.pid, 'SIGSTOP');
    for (const pid of pids) signal(pid, 'SIGSTOP');
    const found = [...processTree([...roots, ...pids]), ...sessionMembers(servers)];
    if (found.every((p) => pids.has(p))) break;
    pids = new Set([...pids, ...found]);
  }
  for (const pid of childrenFirst(pids)) signal(pid, 'SIGKILL');
  for (const s of servers) signal(-s.pid, 'SIGKILL');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + KILL_WAIT_MS; Date.now() < deadline;) {
    // Only session members are killed again: a pid of the set that is gone may already name another process.
    const strays = sessionMembers(servers);
    if (strays.length === 0 && ![...pids].some(isAlive)) break;
    for (const pid of strays) signal(pid, 'SIGKILL');
    Atomics.wait(pause, 0, 0, 10);
  }
}

/**
 * Registers a short-lived helper process (a version probe, a module check, a load tool) for cleanup while it runs:
 * interrupted, the process kills it and its descendants with the servers instead of leaving it orphaned.
 */
export function trackChild(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const cleanup: Cleanup = { killSync: () => killNow([], processTree([pid])) };
  register(cleanup);
  child.once('exit', () => unregister(cleanup));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pids: readonly number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (pids.every((p) => !isAlive(p))) return true;
    if (Date.now() >= deadline) return false;
    await sleep(25);
  }
}

/**
 * Stops servers gracefully: SIGTERM to each server's process group in the order given (nginx before the app;
 * supervisord stops its own children), then SIGKILL whatever is left of the trees and sessions after `graceMs`.
 */
export async function stopServers(
  servers: readonly ServerProcess[],
  known: readonly number[],
  graceMs: number,
): Promise<void> {
  const pids = [...new Set([...known, ...processTree(servers.map((s) => s.pid)), ...sessionMembers(servers)])];
  for (const s of servers) signal(-s.pid, 'SIGTERM');
  // A worker forked after the snapshot (a restart during shutdown) is found by its session.
  if (!(await waitGone(pids, graceMs)) || sessionMembers(servers).length > 0) {
    killNow(servers, pids);
    await waitGone(pids, 2000);
  }
}

/** Something the registry can clean up synchronously. */
export interface Cleanup {
  /** SIGKILL everything and remove files; must be synchronous. */
  killSync(): void;
}

const registry = new Set<Cleanup>();
const exitHandler = () => killAllSync();
const signalHandler = (sig: NodeJS.Signals) => {
  killAllSync();
  // If nobody else handles the signal, behave as if we had not listened: terminate with it.
  if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
};

/** Registers running servers for cleanup on exit, SIGINT and SIGTERM; handlers exist only while something runs. */
export function register(c: Cleanup): void {
  if (registry.size === 0) {
    process.on('exit', exitHandler);
    process.on('SIGINT', signalHandler);
    process.on('SIGTERM', signalHandler);
  }
  registry.add(c);
}

export function unregister(c: Cleanup): void {
  if (!registry.delete(c) || registry.size > 0) return;
  process.off('exit', exitHandler);
  process.off('SIGINT', signalHandler);
  process.off('SIGTERM', signalHandler);
}

/** How many started variants are still registered (for tests and the harness). */
export function registeredCount(): number {
  return registry.size;
}

/** Kills every registered server tree and removes its files, synchronously. */
export function killAllSync(): void {
  for (const c of [...registry]) {
    try {
      c.killSync();
    } finally {
      unregister(c);
    }
  }
}

/** Removes a directory tree, ignoring one that is already gone. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
