import { alignColumns } from '../common/text-table';
import type { CallResult } from './invoke';
import { SLOW_CALL_MS, summarize, type LatencySummary } from './stats';

/** One function's part of the benchmark result. */
export interface FunctionReport {
  readonly name: string;
  readonly url: string;
  readonly summary: LatencySummary;
  readonly calls: readonly CallResult[];
}

export interface LambdaBenchReport {
  readonly durationSeconds: number;
  readonly intervalMs: number;
  readonly functions: readonly FunctionReport[];
}

export function buildReport(
  targets: readonly { name: string; url: URL }[],
  results: readonly (readonly CallResult[])[],
  schedule: { durationSeconds: number; intervalMs: number },
): LambdaBenchReport {
  return {
    ...schedule,
    functions: targets.map((t, i) => ({
      name: t.name,
      url: t.url.toString(),
      summary: summarize(results[i]),
      calls: results[i],
    })),
  };
}

const ROWS: readonly [string, (s: LatencySummary) => string][] = [
  ['calls ok', (s) => `${s.ok}/${s.calls}`],
  ['p50 ms', (s) => fmt(s.p50)],
  ['p90 ms', (s) => fmt(s.p90)],
  ['p99 ms', (s) => fmt(s.p99)],
  ['max ms', (s) => fmt(s.max)],
  [`over ${SLOW_CALL_MS} ms`, (s) => String(s.over10ms)],
  ['cold starts', (s) => String(s.coldStarts)],
  ['round trip p50 ms', (s) => fmt(s.roundTripP50)],
];

/** The functions side by side: one column per function, one row per statistic of the PutItem latency. */
export function formatTable(report: LambdaBenchReport): string {
  const header = ['PutItem latency', ...report.functions.map((f) => f.name)];
  const body = ROWS.map(([label, value]) => [label, ...report.functions.map((f) => value(f.summary))]);
  return alignColumns([header, ...body]);
}

/** The first error of each function that had any, for stderr. */
export function errorLines(report: LambdaBenchReport): string[] {
  return report.functions
    .filter((f) => f.summary.errors > 0)
    .map(
      (f) =>
        `${f.name}: ${f.summary.errors} of ${f.summary.calls} calls failed; first: ${f.calls.find((c) => c.error)?.error ?? 'unknown'}`,
    );
}

function fmt(v: number | null): string {
  return v === null ? '-' : v.toFixed(2);
}
