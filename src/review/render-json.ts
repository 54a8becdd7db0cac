import type { Report } from './report';

/** The review as JSON: the report object itself (docs/review.md documents its shape), stable key order. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
