import { buildReport } from '../../src/review/report';
import type { TerraformDocument } from '../../src/terraform/json';

const doc = (retention: number): TerraformDocument => ({
  resource: { aws_cloudwatch_log_group: { app: { name: 'app', retention_in_days: retention } } },
});
const side = (label: string, stacks: Record<string, TerraformDocument>) => ({
  label,
  stacks: new Map(Object.entries(stacks).map(([name, d]) => [name, { dir: `/nonexistent/${name}`, doc: d }] as const)),
});

describe('the review report', () => {
  it('without a planner: configuration diff, replacement unknown, and why; costs read from the Terraform alone', async () => {
    const report = await buildReport({
      base: { ...side('main', { logs: doc(30), gone: doc(7) }), configProblem: 'main has no stackwright.yaml' },
      head: side('head', { logs: doc(14) }),
      plannerMissing: 'Terraform is not available',
    });
    expect(report.stacks.map((s) => [s.stack, s.status, s.planned])).toEqual([
      ['gone', 'removed', 'diff'],
      ['logs', 'changed', 'diff'],
    ]);
    expect(report.stacks[1].planNote).toBe(
      'Not planned with Terraform (Terraform is not available): replacements unknown.',
    );
    expect(report.stacks[1].changes).toEqual([
      {
        address: 'aws_cloudwatch_log_group.app',
        kind: 'change',
        attributes: ['retention_in_days'],
        unknownBecause: 'Terraform is not available',
      },
    ]);
    expect(report.stacks[0].flags).toEqual(['destroy']);
    expect(report.flags).toEqual(['destroy']);
    // No config on either side: the estimate reads the Terraform alone, as the stack READMEs' does.
    expect(report.totals.cost).toEqual({ before: 0.52, after: 0.26, delta: -0.26 });
    expect(report.totals.counts).toEqual({ create: 0, update: 0, replace: 0, destroy: 1, move: 0, unknown: 1 });
  });
});
