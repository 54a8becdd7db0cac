import { percentile } from '../common/figures';
import { alignColumns } from '../common/text-table';
import type { LambdaBenchReport } from './report';
import { SLOW_CALL_MS } from './stats';

/** One function's warm PutItem latencies after one idle gap. */
export interface GapCell {
  /** Warm calls that succeeded. */
  readonly warm: number;
  /** Calls that found a new execution environment (excluded from the figures). */
  readonly coldStarts: number;
  readonly p50: number | null;
  readonly max: number | null;
  readonly overSlow: number;
}

/**
 * The idle-gap view of a run: per idle gap (ascending) and function, the warm calls' PutItem latency. A variant
 * whose connection did not survive the gap pays for a new connection (TCP + TLS, often a DNS lookup) on that call.
 */
export function summarizeByGap(report: LambdaBenchReport): { gapMs: number; cells: GapCell[] }[] {
  const gaps = [
    ...new Set(
      report.functions.flatMap((f) =>
        f.calls.map((c) => c.idleBeforeMs).filter((g): g is number => g !== undefined && g > 0),
      ),
    ),
  ];
  return gaps
    .sort((a, b) => a - b)
    .map((gapMs) => ({
      gapMs,
      cells: report.functions.map((f) => {
        const calls = f.calls.filter((c) => c.idleBeforeMs === gapMs && c.ms !== undefined);
        const warm = calls
          .filter((c) => !c.coldStart)
          .map((c) => c.ms as number)
          .sort((a, b) => a - b);
        return {
          warm: warm.length,
          coldStarts: calls.length - warm.length,
          p50: percentile(warm, 50),
          max: warm.length ? warm[warm.length - 1] : null,
          overSlow: warm.filter((v) => v > SLOW_CALL_MS).length,
        };
      }),
    }));
}

/** `idle s | <function>: p50 / max (over 10 ms of n, cold)` as aligned text; empty for a steady run. */
export function formatGapTable(report: LambdaBenchReport): string {
  const rows = summarizeByGap(report);
  if (rows.length === 0) return '';
  const header = [
    'idle before call',
    ...report.functions.map((f) => `${f.name} p50/max ms (>${SLOW_CALL_MS} ms, cold)`),
  ];
  const body = rows.map((r) => [
    `${r.gapMs / 1000} s`,
    ...r.cells.map((c) => `${fmt(c.p50)}/${fmt(c.max)} (${c.overSlow}/${c.warm}, ${c.coldStarts})`),
  ]);
  return alignColumns([header, ...body]);
}

function fmt(v: number | null): string {
  return v === null ? '-' : v.toFixed(1);
}
