import { mean, percentileCurve } from '../common/figures';

/** The load generators: in-process autocannon (default), or Apache Bench as the post used it. */
export const loadTools = ['autocannon', 'ab'] as const;
export type LoadToolName = (typeof loadTools)[number];

/** What one run of a load generator does: `requests` GETs to `url`, `concurrency` at a time. */
export interface LoadRequest {
  readonly url: URL;
  readonly requests: number;
  readonly concurrency: number;
  /** Per-request timeout. */
  readonly timeoutSeconds: number;
  /** Called with the number of responses so far, as they arrive (or as the tool reports them). */
  readonly onProgress?: (completed: number) => void;
}

/** Latency of the successful (2xx) requests of one run, in ms. */
export interface LatencyFigures {
  /** Mean latency; null for ab, which reports it only in whole milliseconds. */
  readonly mean: number | null;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** One run's figures, defined as ab defines them so both tools compare with the post. */
export interface LoadResult {
  /** Responses received (any status). */
  readonly completed: number;
  /** Requests that got no response: connection errors and timeouts. */
  readonly failed: number;
  /** Responses with a status other than 2xx. */
  readonly non2xx: number;
  /** Wall time from the first request to the last response. */
  readonly durationMs: number;
  /** completed / duration ("Requests per second ... (mean)"). */
  readonly requestsPerSecond: number;
  /** concurrency * duration / completed ("Time per request ... (mean)"). */
  readonly timePerRequestMs: number;
  readonly latencyMs: LatencyFigures;
  /** 101 points: the i-th percentile of latency at index i (0 = fastest, 100 = slowest), ms. */
  readonly percentilesMs: readonly number[];
  /** Why the run ended early, if it did (the tool failed or every request errored). */
  readonly error?: string;
}

/** A load generator. */
export interface LoadTool {
  readonly name: LoadToolName;
  /** Whether connections are reused between requests (autocannon) or opened per request (ab, as the post). */
  readonly keepAlive: boolean;
  /** How it treats connections, in a sentence for the report. */
  readonly connections: string;
  /** The tool and its version, for the report. */
  version(): Promise<string>;
  run(request: LoadRequest): Promise<LoadResult>;
}

/** Figures from per-request latencies (ms, 2xx only) and the counts, with ab's definitions of rate and time. */
export function resultFromSamples(input: {
  readonly latencies: readonly number[];
  readonly completed: number;
  readonly failed: number;
  readonly non2xx: number;
  readonly durationMs: number;
  readonly concurrency: number;
  readonly error?: string;
}): LoadResult {
  const sorted = [...input.latencies].sort((a, b) => a - b);
  const curve = percentileCurve(sorted);
  const { completed, durationMs } = input;
  const error = input.error ?? (completed === 0 ? 'no request got a response' : undefined);
  return {
    completed,
    failed: input.failed,
    non2xx: input.non2xx,
    durationMs,
    requestsPerSecond: durationMs > 0 ? (completed * 1000) / durationMs : 0,
    timePerRequestMs: completed > 0 ? (input.concurrency * durationMs) / completed : 0,
    latencyMs: sorted.length
      ? { mean: mean(sorted), p50: curve[50], p90: curve[90], p99: curve[99], max: curve[100] }
      : { mean: null, p50: 0, p90: 0, p99: 0, max: 0 },
    percentilesMs: curve,
    ...(error ? { error } : {}),
  };
}

/** Problems worth reporting of one run, or none. */
export function runProblems(result: LoadResult, requested: number): string[] {
  if (result.error) return [result.error];
  const problems: string[] = [];
  if (result.failed > 0) problems.push(`${result.failed} of ${requested} requests failed`);
  if (result.non2xx > 0) problems.push(`${result.non2xx} responses were not 2xx`);
  if (result.completed < requested) problems.push(`only ${result.completed} of ${requested} requests completed`);
  return problems;
}
