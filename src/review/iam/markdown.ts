import type { IamDelta, IamSubjectDelta } from './types';

/** Items shown inline before a list folds the rest into a `<details>` block. */
const INLINE = 12;

/**
 * The IAM delta as GitHub-flavoured markdown lines: one bullet per changed role or policy, flags first. Long lists
 * (a Datadog list switch adds hundreds of actions) show their first items and fold the rest into `<details>`.
 */
export function renderIamDeltaMarkdown(delta: IamDelta): string[] {
  if (delta.subjects.length === 0) return ['No IAM changes.'];
  const lines = [`${delta.subjects.length} IAM subject(s) changed, ${delta.flagCount} flag(s).`, ''];
  for (const s of delta.subjects) lines.push(...subjectLines(s));
  return lines;
}

function subjectLines(s: IamSubjectDelta): string[] {
  const name = s.name !== undefined ? ` (${s.kind} ${code(s.name)})` : ` (${s.kind})`;
  const lines = [`- ${code(s.address)}${name}: ${s.change}`];
  for (const f of s.flags) lines.push(`  - **Flagged, ${f.kind}:** ${f.reason}`);
  lines.push(...listLines('Granted', s.granted));
  lines.push(...listLines('Revoked', s.revoked));
  for (const w of s.widened) {
    lines.push(`  - Widened to every resource: ${inline(w.actions)}, from ${inline(w.before)} to ${inline(w.after)}`);
  }
  lines.push(...listLines('Deny removed', s.denyRemoved));
  lines.push(...listLines('Deny added', s.denyAdded));
  lines.push(...listLines('Policies attached from outside the stack', s.externalPoliciesAttached));
  lines.push(...listLines('Policies detached', s.externalPoliciesDetached));
  lines.push(...listLines('Trust principals added', s.principalsAdded));
  lines.push(...listLines('Trust principals removed', s.principalsRemoved));
  if (s.externalId) {
    lines.push(`  - sts:ExternalId condition: ${inline(s.externalId.before)} -> ${inline(s.externalId.after)}`);
  }
  if (s.datadog) {
    const d = s.datadog;
    lines.push(`  - Datadog permission list: ${d.setBefore ?? 'unnamed'} -> ${d.setAfter ?? 'unnamed'}`);
    lines.push(...listLines('Datadog patterns added', d.added, '    '));
    lines.push(...listLines('Datadog patterns removed', d.removed, '    '));
  }
  lines.push(...listLines('Only known at plan time, changed (not expanded)', s.unreadableChanged));
  return lines;
}

function listLines(label: string, items: readonly string[], indent = '  '): string[] {
  if (items.length === 0) return [];
  const head = `${indent}- ${label} (${items.length}): ${inline(items)}`;
  if (items.length <= INLINE) return [head];
  return [
    head,
    '',
    `${indent}  <details><summary>All ${items.length}</summary>`,
    '',
    `${indent}  ${items.map(code).join(', ')}`,
    '',
    `${indent}  </details>`,
    '',
  ];
}

function inline(items: readonly string[]): string {
  if (items.length === 0) return '(none)';
  const shown = items.slice(0, INLINE).map(code).join(', ');
  return items.length > INLINE ? `${shown} and ${items.length - INLINE} more` : shown;
}

/** A code span that survives backticks in the text (CommonMark: a longer fence, padded with spaces). */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}
