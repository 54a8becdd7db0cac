import { percentile } from '../common/figures';
import type { CallResult } from './invoke';

/** The post's threshold: DynamoDB's PutItem takes 6-7 ms; above 10 ms something else (connection set-up) adds up. */
export const SLOW_CALL_MS = 10;

/** Distribution of the PutItem latency one function reported, over its successful calls. */
export interface LatencySummary {
  readonly calls: number;
  readonly ok: number;
  readonly errors: number;
  readonly coldStarts: number;
  /** Milliseconds; null when no call succeeded. */
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  /** Successful calls whose PutItem took more than SLOW_CALL_MS. */
  readonly over10ms: number;
  /** Median client round trip of successful calls (network + Lambda + the put), ms. */
  readonly roundTripP50: number | null;
}

export function summarize(results: readonly CallResult[]): LatencySummary {
  const ok = results.filter((r): r is CallResult & { ms: number } => r.ms !== undefined);
  const ms = ok.map((r) => r.ms).sort((a, b) => a - b);
  const roundTrips = ok.map((r) => r.roundTripMs).sort((a, b) => a - b);
  return {
    calls: results.length,
    ok: ok.length,
    errors: results.length - ok.length,
    coldStarts: ok.filter((r) => r.coldStart).length,
    p50: percentile(ms, 50),
    p90: percentile(ms, 90),
    p99: percentile(ms, 99),
    max: ms.length ? ms[ms.length - 1] : null,
    over10ms: ms.filter((v) => v > SLOW_CALL_MS).length,
    roundTripP50: percentile(roundTrips, 50),
  };
}
