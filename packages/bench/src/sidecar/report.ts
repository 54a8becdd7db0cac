import { baselineVariant } from '@stackwright/generator';
import type { MachineFacts } from '../common/machine';
import { percentChange, rangesOverlap, spreadOf, type Spread } from '../common/figures';
import { alignColumns } from '../common/text-table';
import { type LoadResult, runProblems } from './load';
import type { Measurement, MeasureSettings } from './measure';
import { publishedEnvironments, publishedFor, type PublishedFigures } from './published';
import type { ScheduledRepetition } from './schedule';
import type { BenchTarget } from './targets';

/** One measured run as the JSON carries it. */
export type RunSummary = { readonly repetition: number; readonly position: number } & LoadResult;

/** How a target compares with its baseline (tcp on the same architecture), on requests per second. */
export interface BaselineComparison {
  readonly baseline: string;
  /** Median against median, percent (+ = more requests per second than the baseline). */
  readonly requestsPerSecondChangePercent: number;
  /** True when the two ranges over the repetitions do not overlap: a difference the noise did not make. */
  /** Whether the two ranges of requests/s do not overlap; null when either had one repetition (no range to compare). */
  readonly beyondSpread: boolean | null;
}

/** One target's figures over the repetitions (null when no run of it succeeded). */
export interface TargetSummary {
  readonly name: string;
  readonly url: string;
  readonly variant: string | null;
  readonly architecture: string | null;
  readonly requestsPerSecond: Spread | null;
  readonly timePerRequestMs: Spread | null;
  readonly p99Ms: Spread | null;
  readonly vsBaseline: BaselineComparison | null;
  /** The post's figures for the same variant (and architecture), and where they were measured. */
  readonly published: ({ readonly source: string } & PublishedFigures) | null;
  readonly problems: readonly string[];
  readonly runs: readonly RunSummary[];
}

/** Everything `--json` prints; the table, the Markdown report and the chart are views of it. */
export interface SidecarBenchReport {
  readonly benchmark: 'local' | 'remote';
  /** The command that reproduces this run. */
  readonly command: string;
  readonly tool: {
    readonly name: string;
    readonly version: string;
    readonly keepAlive: boolean;
    readonly connections: string;
  };
  readonly settings: MeasureSettings;
  readonly schedule: readonly ScheduledRepetition[];
  readonly targets: readonly TargetSummary[];
  readonly machine: MachineFacts & { readonly loadAverageAtEnd: readonly number[] };
  /** Versions of the servers measured (local runs), name -> version line. */
  readonly servers: Readonly<Record<string, string>> | null;
  readonly startedAt: string;
  readonly finishedAt: string;
}

export interface ReportContext {
  readonly benchmark: 'local' | 'remote';
  readonly command: string;
  readonly tool: SidecarBenchReport['tool'];
  readonly settings: MeasureSettings;
  readonly machine: SidecarBenchReport['machine'];
  readonly servers: SidecarBenchReport['servers'];
  readonly startedAt: string;
  readonly finishedAt: string;
}

export function buildReport(
  targets: readonly BenchTarget[],
  measurement: Measurement,
  context: ReportContext,
): SidecarBenchReport {
  const summaries = targets.map((t) => summarizeTarget(t, measurement, context));
  const withBaseline = summaries.map((s) => ({ ...s, vsBaseline: compareWithBaseline(s, summaries) }));
  return { ...context, schedule: measurement.schedule, targets: withBaseline };
}

function summarizeTarget(target: BenchTarget, measurement: Measurement, context: ReportContext): TargetSummary {
  const runs = measurement.runs.filter((r) => r.target === target.name);
  const ok = runs.filter((r) => !r.result.error && r.result.completed > 0).map((r) => r.result);
  const spread = (pick: (r: LoadResult) => number) => (ok.length ? spreadOf(ok.map(pick)) : null);
  const published = publishedFor(context.benchmark, target);
  return {
    name: target.name,
    url: target.url.toString(),
    variant: target.variant ?? null,
    architecture: target.architecture ?? null,
    requestsPerSecond: spread((r) => r.requestsPerSecond),
    timePerRequestMs: spread((r) => r.timePerRequestMs),
    p99Ms: spread((r) => r.latencyMs.p99),
    vsBaseline: null,
    published: published ? { source: publishedEnvironments[published.environment], ...published.figures } : null,
    problems: runs.flatMap((r) =>
      runProblems(r.result, context.settings.requests).map((p) => `repetition ${r.repetition}: ${p}`),
    ),
    runs: runs.map((r) => ({ repetition: r.repetition, position: r.position, ...r.result })),
  };
}

/** The baseline variant (tcp) on the same architecture is every other variant's baseline, as in the post. */
function compareWithBaseline(s: TargetSummary, all: readonly TargetSummary[]): BaselineComparison | null {
  const base = all.find((b) => b.variant === baselineVariant() && b.architecture === s.architecture);
  if (!base || base === s || !base.requestsPerSecond || !s.requestsPerSecond) return null;
  return {
    baseline: base.name,
    requestsPerSecondChangePercent: round(percentChange(base.requestsPerSecond.median, s.requestsPerSecond.median), 1),
    beyondSpread:
      base.requestsPerSecond.values.length < 2 || s.requestsPerSecond.values.length < 2
        ? null
        : !rangesOverlap(base.requestsPerSecond, s.requestsPerSecond),
  };
}

/** `median [min-max]` with a fixed number of decimals, or `-`. */
export function formatSpread(s: Spread | null, decimals: number): string {
  if (!s) return '-';
  return `${s.median.toFixed(decimals)} [${s.min.toFixed(decimals)}-${s.max.toFixed(decimals)}]`;
}

/** The post's table, one row per target, each figure as median [min-max] over the repetitions. */
export function formatTable(report: SidecarBenchReport): string {
  const rows = [
    ['variant', 'requests/s (mean)', 'time per request ms (mean)', 'p99 ms', 'vs tcp'],
    ...report.targets.map((t) => [
      t.name,
      formatSpread(t.requestsPerSecond, 1),
      formatSpread(t.timePerRequestMs, 3),
      formatSpread(t.p99Ms, 2),
      t.vsBaseline ? comparisonText(t.vsBaseline) : '',
    ]),
  ];
  const s = report.settings;
  return (
    alignColumns(rows) +
    `median [min-max] over ${s.repetitions} repetition${s.repetitions === 1 ? '' : 's'} of ${s.requests} requests at concurrency ${s.concurrency}` +
    `${s.warmup > 0 ? `, each after ${s.warmup} warm-up requests` : ''}; ${report.tool.version}, ` +
    `${report.tool.keepAlive ? 'connections kept alive' : 'a new connection per request'}\n`
  );
}

/** `+5.3% (beyond spread)`, `-1.0% (within spread)`, or `+2.0% (one repetition: no spread)`. */
export function comparisonText(c: BaselineComparison): string {
  const sign = c.requestsPerSecondChangePercent > 0 ? '+' : '';
  const spread =
    c.beyondSpread === null ? 'one repetition: no spread' : `${c.beyondSpread ? 'beyond' : 'within'} spread`;
  return `${sign}${c.requestsPerSecondChangePercent.toFixed(1)}% req/s (${spread})`;
}

/** Every target's problems, for stderr; any makes the exit code 1. */
export function problemLines(report: SidecarBenchReport): string[] {
  return report.targets.flatMap((t) =>
    t.problems.length
      ? [
          `${t.name}: ${t.problems.slice(0, 3).join('; ')}${t.problems.length > 3 ? ` (+${t.problems.length - 3} more)` : ''}`,
        ]
      : [],
  );
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
