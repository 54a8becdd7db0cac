import { COMMENT_LIMIT, COMMENT_MARKER, renderMarkdown } from '../../src/review/render-markdown';
import { renderJson } from '../../src/review/render-json';
import type { Report, StackReport } from '../../src/review/report';

const COUNTS = { create: 0, update: 0, replace: 0, destroy: 0, move: 0, unknown: 0 };

function stack(name: string, over: Partial<StackReport> = {}): StackReport {
  return {
    stack: name,
    status: 'changed',
    planned: 'terraform',
    changes: [
      {
        address: 'aws_ecs_task_definition.web',
        kind: 'replace',
        forcedBy: ['container_definitions'],
        attributes: ['container_definitions'],
      },
      { address: 'aws_ecs_service.web', kind: 'update', attributes: ['task_definition'] },
    ],
    counts: { ...COUNTS, update: 1, replace: 1 },
    notes: [],
    cost: { before: 10, after: 12.5, delta: 2.5 },
    findings: { added: [], resolved: [] },
    deltas: {},
    flags: ['replace'],
    ...over,
  };
}

function report(stacks: StackReport[]): Report {
  return {
    version: 1,
    base: 'main',
    head: 'stackwright.yaml (working tree)',
    stacks,
    totals: { counts: { ...COUNTS, update: 1, replace: 1 }, cost: { before: 10, after: 12.5, delta: 2.5 } },
    flags: ['replace'],
    deltasRun: [],
  };
}

describe('the review as Markdown', () => {
  it('starts with the marker and a summary row per stack, then the details in a collapsible section', () => {
    const md = renderMarkdown(report([stack('ecs')]));
    expect(md.split('\n').slice(0, 2)).toEqual([
      COMMENT_MARKER,
      '### Stackwright review: `main` → stackwright.yaml (working tree)',
    ]);
    expect(md).toContain('| ecs | 0 | 1 | 1 | 0 | 0 | 0 | $10.00 → $12.50 (+$2.50) | replace |');
    expect(md).toContain('<details><summary><b>ecs</b>: 1 to update, 1 to replace ⚠ replace</summary>');
    expect(md).toContain('- `-/+` `aws_ecs_task_definition.web` **replaced**, forced by `container_definitions`');
    expect(md).toContain('- `~` `aws_ecs_service.web` updated in place: `task_definition`');
    expect(md).toContain('_Not computed in this build: iam delta, exposure delta._');
  });

  it('says "No changes" when every stack is the same', () => {
    const same = stack('ecs', { status: 'unchanged', planned: 'none', changes: [], counts: COUNTS, flags: [] });
    const md = renderMarkdown({ ...report([same]), flags: [] });
    expect(md).toBe(
      `${COMMENT_MARKER}\n### Stackwright review: \`main\` → stackwright.yaml (working tree)\n\n**No changes**: generated/ is the same on both sides.\n\n`,
    );
  });

  it('always fits one GitHub comment: sections that do not fit are left out, pointing to the JSON', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      stack(`s${i}`, {
        changes: Array.from({ length: 60 }, (_, j) => ({
          address: `aws_ecs_service.service_${i}_${j}`,
          kind: 'update' as const,
          attributes: ['desired_count'],
        })),
      }),
    );
    const md = renderMarkdown(report(many), COMMENT_LIMIT, 'the JSON report (review.json)');
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md).toMatch(
      /_Truncated: \d+ stack section\(s\) left out to fit one comment; everything is in the JSON report \(review\.json\)\._\n$/,
    );
    // The summary table is whole: one row per stack.
    expect(many.every((s) => md.includes(`| ${s.stack} |`))).toBe(true);
    expect(renderJson(report(many)).length).toBeGreaterThan(COMMENT_LIMIT);
  });
});
