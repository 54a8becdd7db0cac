import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, processTree } from '../../src/sidecar/local';

/** Living processes whose command line mentions `marker` (a test's own work directory or fake binary folder). */
export function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number)
    .filter(isAlive);
}

/**
 * Records every process mentioning `marker`, and their descendants (nginx renames its workers), while it runs
 * (polling /proc), so a test can show that the servers existed and, afterwards, that each of them is gone.
 */
export function watchProcesses(marker: string, everyMs = 100): { seen: Set<number>; stop(): number[] } {
  const seen = new Set<number>();
  const poll = () => processTree(processesWith(marker)).forEach((p) => seen.add(p));
  const timer = setInterval(poll, everyMs);
  return {
    seen,
    stop() {
      clearInterval(timer);
      return [...seen].sort((a, b) => a - b);
    },
  };
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
