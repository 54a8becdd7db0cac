import { code } from '../iam/markdown';
import type { ExposureDelta } from './types';

/** The exposure delta as GitHub-flavoured markdown lines: one bullet per change, flagged ones first. */
export function renderExposureDeltaMarkdown(delta: ExposureDelta): string[] {
  if (delta.changes.length === 0) return ['No exposure changes.'];
  const lines = [`${delta.changes.length} exposure change(s), ${delta.flagCount} flag(s).`, ''];
  const ordered = [...delta.changes.filter((c) => c.flag), ...delta.changes.filter((c) => !c.flag)];
  for (const c of ordered) {
    const was = c.before !== undefined ? ` (was: ${c.before})` : '';
    lines.push(`- ${code(c.address)} ${c.kind}, ${c.change}: ${c.detail}${was}`);
    if (c.flag) lines.push(`  - **Flagged, ${c.flag.kind}:** ${c.flag.reason}`);
  }
  return lines;
}
