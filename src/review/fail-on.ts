import type { Flag, Report } from './report';

/** The `--fail-on` values the report raised: exit 1 when any. */
export function matchedFlags(report: Report, failOn: readonly Flag[]): Flag[] {
  return failOn.filter((f) => report.flags.includes(f));
}
