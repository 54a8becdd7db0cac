import { cpus, loadavg } from 'node:os';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, processTree } from '../../packages/bench/src/sidecar/local/runner';

/**
 * How long a test lets real servers take to start: two minutes on an idle machine, scaled by the load per core when
 * the test file loads (up to five times), since the native tier shares two cores with the image builds under qemu and
 * with Terraform, and python's start then takes many times its usual second. Only a hang ever waits this long: a
 * slow machine makes these tests slow, never red. Whole milliseconds, at most 600 s: `--start-timeout` takes no more.
 */
export const LOADED_START_MS = Math.round(120_000 * Math.min(5, Math.max(1, loadavg()[0] / cpus().length)));

/** Living processes whose command line mentions `marker` (a test's own work directory or fake binary folder). */
export function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => cmdline(pid).includes(marker))
    .filter(isAlive);
}

/**
 * Records every process mentioning `marker`, and their descendants (nginx renames its workers), while it runs
 * (polling /proc), so a test can show that the servers existed and, afterwards, that each of them is gone.
 * `commands` keeps each one's command line as first seen (NUL-separated arguments), since a pid outlives nothing.
 */
export function watchProcesses(
  marker: string,
  everyMs = 100,
): { seen: Set<number>; commands: Map<number, string>; stop(): number[] } {
  const seen = new Set<number>();
  const commands = new Map<number, string>();
  const poll = () => {
    for (const pid of processTree(processesWith(marker))) {
      if (seen.has(pid)) continue;
      seen.add(pid);
      commands.set(pid, cmdline(pid));
    }
  };
  const timer = setInterval(poll, everyMs);
  return {
    seen,
    commands,
    stop() {
      clearInterval(timer);
      return [...seen].sort((a, b) => a - b);
    },
  };
}

/** The session a process belongs to (field 6 of /proc/PID/stat), or undefined once it is gone. */
export function sessionOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
  } catch {
    return undefined;
  }
}

/**
 * Living processes of these sessions. The runner starts each server in a session of its own; a process whose parent
 * died first has parent 1 and no tree walk finds it, but it keeps its session.
 */
export function inSessions(sessions: Iterable<number | undefined>): number[] {
  const wanted = new Set(sessions);
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => wanted.has(sessionOf(pid)) && isAlive(pid));
}

/** A process's command line, NUL-separated ('' once it is gone). */
export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** SIGKILLs whatever a failed test left behind, so one failure does not leak servers into the rest of the run. */
export function killLeftovers(pids: Iterable<number>): void {
  for (const pid of pids) {
    if (!isAlive(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** A stand-in for a server binary in `dir`: a shell script, executable by anyone (the servers may run as nobody). */
export function fakeBinary(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Output without the `progress: ` lines a benchmark prints off a terminal, leaving results and errors. */
export function withoutProgress(stderr: string): string {
  return stderr.replace(/^progress: .*\n/gm, '');
}
