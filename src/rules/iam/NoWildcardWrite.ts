import { defineRule, notApplicable, verdict } from '../rule';
import { hasExpression } from '../../terraform/json';
import { matchAction } from './iam-actions';
import { policiesOf } from './policies';

const IDENTITY_POLICY_TYPES = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
];

/**
 * An identity policy must not allow a write action on every resource ("*") when the action can be scoped to
 * resources. Actions IAM cannot scope (no resource types) are exempt: "*" is the only way to grant them.
 */
export default defineRule({
  id: 'IAM-NoWildcardWrite',
  appliesTo: IDENTITY_POLICY_TYPES,
  check: (b) => {
    const docs = policiesOf(b).filter((d) => d.kind === 'identity' && d.statements);
    if (docs.length === 0) return notApplicable;
    const problems: string[] = [];
    const subjects = new Set<string>();
    for (const doc of docs) {
      for (const s of doc.statements!) {
        if (s.effect !== 'Allow') continue;
        if (!(s.resources?.includes('*') || s.notResources !== undefined)) continue;
        const where = s.notResources !== undefined ? 'NotResource' : 'Resource "*"';
        if (s.notActions !== undefined) {
          problems.push(`${s.label}: NotAction with ${where} allows every other action, writes included`);
          subjects.add('*');
          continue;
        }
        const writes = new Set<string>();
        for (const action of s.actions ?? []) {
          if (typeof action !== 'string' || hasExpression(action)) continue;
          const m = matchAction(action);
          if (m.kind === 'all') writes.add('*');
          if (m.kind === 'actions') for (const a of m.actions) if (a.write && a.scopable) writes.add(a.name);
        }
        writes.forEach((w) => subjects.add(w));
        if (writes.size > 0)
          problems.push(
            `${s.label} allows ${writes.size} write action(s) on ${where}: ${abbreviate([...writes].sort().map((w) => (w === '*' ? '* (every action)' : w)))}`,
          );
      }
    }
    return verdict(problems, [...subjects].sort());
  },
});

function abbreviate(names: string[], max = 8): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
