import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallResult } from './invoke';

/** Something that can be called once per tick (a signed function URL, or a stub in tests). */
export interface Callable {
  call(seq: number, runStart: number): Promise<CallResult>;
}

export interface Schedule {
  /** Calls per function. */
  readonly calls: number;
  /** Time between the starts of two calls of one function, ms (1000: once a second, as the post). */
  readonly intervalMs: number;
  /**
   * Idle-gap mode: call i starts `idleGapsMs[i]` after call i-1 of the same function returned (call 0 that long
   * after the start), so each function's connections sit idle for exactly that long. Replaces calls/intervalMs.
   */
  readonly idleGapsMs?: readonly number[];
}

/**
 * Calls every function `calls` times, all functions in parallel but each one strictly sequentially, starting call
 * i at runStart + i * interval. One call at a time per function means one warm execution environment serves them
 * all, which is what the experiment measures. A call that overruns its slot delays the next one, never overlaps it.
 */
export async function runSchedule(functions: readonly Callable[], schedule: Schedule): Promise<CallResult[][]> {
  const runStart = performance.now();
  const gaps = schedule.idleGapsMs;
  if (gaps !== undefined) {
    return Promise.all(
      functions.map(async (fn) => {
        const results: CallResult[] = [];
        for (let seq = 0; seq < gaps.length; seq++) {
          if (gaps[seq] > 0) await sleep(gaps[seq]);
          results.push({ ...(await fn.call(seq, runStart)), idleBeforeMs: gaps[seq] });
        }
        return results;
      }),
    );
  }
  return Promise.all(
    functions.map(async (fn) => {
      const results: CallResult[] = [];
      for (let seq = 0; seq < schedule.calls; seq++) {
        const wait = runStart + seq * schedule.intervalMs - performance.now();
        if (wait > 0) await sleep(wait);
        results.push(await fn.call(seq, runStart));
      }
      return results;
    }),
  );
}
