import { DELTAS } from './deltas';
import type { ReviewFinding } from './findings-delta';
import type { Report, StackReport } from './report';
import type { ChangeKind, ResourceChange } from './resource-changes';

/** A GitHub comment holds at most 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

/** Marks the review's comment so the workflow finds and updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- stackwright-review -->';

const SYMBOL: Readonly<Record<ChangeKind, string>> = {
  create: '+',
  update: '~',
  replace: '-/+',
  destroy: '-',
  move: '→',
  change: '?',
};

const money = (usd: number | null) => (usd === null ? '?' : `$${usd.toFixed(2)}`);
const signed = (usd: number | null) => (usd === null ? '?' : `${usd < 0 ? '-' : '+'}$${Math.abs(usd).toFixed(2)}`);

/**
 * The review as one GitHub comment: a summary table (one row per stack: `+ ~ -/+ -` and move counts, cost delta,
 * flags), then each changed stack's details in a collapsible section. Past `limit` characters the details that do
 * not fit are left out, with a pointer to the JSON report, which always has everything.
 */
export function renderMarkdown(
  report: Report,
  limit = COMMENT_LIMIT,
  jsonPointer = 'the JSON report (`--format json`)',
): string {
  const head = summary(report);
  const sections = report.stacks.filter((s) => s.status !== 'unchanged').map(details);
  const truncated = (n: number) =>
    `\n_Truncated: ${n} stack section(s) left out to fit one comment; everything is in ${jsonPointer}._\n`;
  let out = head;
  for (let i = 0; i < sections.length; i++) {
    const rest = sections.length - i - 1;
    if (out.length + sections[i].length + (rest > 0 ? truncated(rest).length : 0) > limit) {
      const left = sections.length - i;
      const footer = truncated(left);
      return `${out.slice(0, limit - footer.length)}${footer}`;
    }
    out += sections[i];
  }
  return out;
}

function summary(report: Report): string {
  const lines = [COMMENT_MARKER, `### Stackwright review: \`${report.base}\` → ${report.head}`, ''];
  if (report.stacks.every((s) => s.status === 'unchanged')) {
    lines.push('**No changes**: generated/ is the same on both sides.', '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '| stack | + | ~ | -/+ | - | moved | ? | monthly cost | flags |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const s of report.stacks) {
    const c = s.counts;
    const cost =
      s.cost.delta === 0
        ? money(s.cost.after)
        : `${money(s.cost.before)} → ${money(s.cost.after)} (${signed(s.cost.delta)})`;
    const name = s.status === 'changed' || s.status === 'unchanged' ? s.stack : `${s.stack} (${s.status})`;
    lines.push(
      `| ${name} | ${c.create} | ${c.update} | ${c.replace} | ${c.destroy} | ${c.move} | ${c.unknown} | ${cost} | ${s.flags.join(', ')} |`,
    );
  }
  const t = report.totals;
  lines.push(
    `| **total** | ${t.counts.create} | ${t.counts.update} | ${t.counts.replace} | ${t.counts.destroy} | ${t.counts.move} | ${t.counts.unknown} | ${money(t.cost.before)} → ${money(t.cost.after)} (${signed(t.cost.delta)}) | ${report.flags.join(', ')} |`,
    '',
    '`+` create, `~` update in place, `-/+` replace, `-` destroy, `?` changed but replacement unknown (not planned). ' +
      "Costs are the estimate of each stack's README, a month.",
    '',
  );
  const missing = ['iam', 'exposure'].filter((d) => !report.deltasRun.includes(d));
  if (missing.length > 0)
    lines.push(`_Not computed in this build: ${missing.map((d) => `${d} delta`).join(', ')}._`, '');
  return `${lines.join('\n')}\n`;
}

function details(s: StackReport): string {
  const title = [
    s.counts.create && `${s.counts.create} to create`,
    s.counts.update && `${s.counts.update} to update`,
    s.counts.replace && `${s.counts.replace} to replace`,
    s.counts.destroy && `${s.counts.destroy} to destroy`,
    s.counts.move && `${s.counts.move} moved`,
    s.counts.unknown && `${s.counts.unknown} changed (replacement unknown)`,
  ].filter(Boolean);
  const lines = [
    `<details><summary><b>${s.stack}</b>${s.status === 'changed' ? '' : ` (stack ${s.status})`}: ${title.join(', ') || 'configuration changed, no resource changes'}${s.flags.length ? ` ⚠ ${s.flags.join(', ')}` : ''}</summary>`,
    '',
  ];
  if (s.planNote) lines.push(`_${s.planNote}_`, '');
  if (s.changes.length > 0) lines.push('**Resource changes**', '', ...s.changes.map(changeLine), '');
  if (s.notes.length > 0)
    lines.push('**What it means for running resources**', '', ...s.notes.map((n) => `- ${n}`), '');
  for (const d of DELTAS) {
    const delta = s.deltas[d.id];
    if (delta && delta.lines.length > 0)
      lines.push(`**${d.title}**${delta.flagged ? ' ⚠' : ''}`, '', ...delta.lines, '');
  }
  if (s.findings.added.length + s.findings.resolved.length > 0)
    lines.push(
      '**Rule findings**',
      '',
      ...s.findings.added.map((f) => findingLine('new', f)),
      ...s.findings.resolved.map((f) => findingLine('resolved', f)),
      '',
    );
  lines.push(
    `**Cost**: ${money(s.cost.before)} → ${money(s.cost.after)} a month (${signed(s.cost.delta)})${s.cost.note ? `; ${s.cost.note}` : ''}`,
    '',
    '</details>',
    '',
  );
  return `${lines.join('\n')}\n`;
}

function changeLine(c: ResourceChange): string {
  const from = c.previousAddress ? ` (moved from \`${c.previousAddress}\`)` : '';
  const attrs = c.attributes && c.attributes.length > 0 ? `: ${c.attributes.map((a) => `\`${a}\``).join(', ')}` : '';
  switch (c.kind) {
    case 'replace':
      return `- \`-/+\` \`${c.address}\`${from} **replaced**, forced by ${(c.forcedBy ?? []).map((a) => `\`${a}\``).join(', ') || 'a dependency'}`;
    case 'update':
      return `- \`~\` \`${c.address}\`${from} updated in place${attrs}`;
    case 'change':
      return `- \`?\` \`${c.address}\`${from} changed${attrs}; replacement unknown (${c.unknownBecause ?? 'not planned'})`;
    case 'move':
      return `- \`→\` \`${c.address}\` moved from \`${c.previousAddress}\`, nothing else`;
    default:
      return `- \`${SYMBOL[c.kind]}\` \`${c.address}\` ${c.kind === 'create' ? 'created' : '**destroyed**'}`;
  }
}

function findingLine(what: 'new' | 'resolved', f: ReviewFinding): string {
  return `- ${what} ${f.level} \`${f.ruleId}\` on \`${f.address}\`: ${f.message}`;
}
