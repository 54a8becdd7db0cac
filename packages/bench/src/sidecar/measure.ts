import type { Progress } from '../common/progress';
import type { LoadResult, LoadTool } from './load';
import { interleavedSchedule, type ScheduledRepetition } from './schedule';
import type { BenchTarget } from './targets';

/** How much load, how often: the post's defaults are 1000 requests at concurrency 1 after a warm-up. */
export interface MeasureSettings {
  readonly requests: number;
  readonly concurrency: number;
  /** Requests sent and discarded right before each measured run (0: none). */
  readonly warmup: number;
  readonly repetitions: number;
  readonly timeoutSeconds: number;
}

/** One measured run of one target. */
export interface RunRecord {
  readonly target: string;
  /** 1-based. */
  readonly repetition: number;
  /** 1-based position within its repetition (interleaving rotates it). */
  readonly position: number;
  readonly result: LoadResult;
}

export interface Measurement {
  readonly schedule: readonly ScheduledRepetition[];
  readonly runs: readonly RunRecord[];
}

/**
 * Measures every target once per repetition in the interleaved order, each measured run right after its own
 * warm-up (the previous run hit another target, so caches, connections and CPU frequency are re-warmed for this
 * one). Runs are strictly one after another: targets never compete for the machine.
 */
export async function measureTargets(
  targets: readonly BenchTarget[],
  settings: MeasureSettings,
  tool: LoadTool,
  progress: Progress,
): Promise<Measurement> {
  const byName = new Map(targets.map((t) => [t.name, t]));
  const schedule = interleavedSchedule(
    targets.map((t) => t.name),
    settings.repetitions,
  );
  const runs: RunRecord[] = [];
  const total = schedule.length * targets.length;
  for (const { repetition, order } of schedule) {
    for (const [i, name] of order.entries()) {
      const target = byName.get(name) as BenchTarget;
      const step = `[${runs.length + 1}/${total}] repetition ${repetition}/${settings.repetitions} ${name}`;
      const load = { url: target.url, concurrency: settings.concurrency, timeoutSeconds: settings.timeoutSeconds };
      if (settings.warmup > 0) {
        progress.update(`${step}: warm-up`, true);
        await tool.run({
          ...load,
          requests: settings.warmup,
          onProgress: (n) => progress.update(`${step}: warm-up ${n}/${settings.warmup}`),
        });
      }
      progress.update(`${step}: measuring`, true);
      const result = await tool.run({
        ...load,
        requests: settings.requests,
        onProgress: (n) => progress.update(`${step}: measuring ${n}/${settings.requests}`),
      });
      runs.push({ target: name, repetition, position: i + 1, result });
      progress.log(`${step}: ${runLine(result)}`);
    }
  }
  progress.clear();
  return { schedule, runs };
}

function runLine(r: LoadResult): string {
  if (r.error) return `failed: ${r.error}`;
  return `${r.requestsPerSecond.toFixed(1)} req/s, ${r.timePerRequestMs.toFixed(3)} ms/request, p99 ${r.latencyMs.p99.toFixed(2)} ms`;
}
