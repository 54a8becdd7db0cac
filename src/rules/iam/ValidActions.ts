import { defineRule, notApplicable, verdict } from '../rule';
import { hasExpression, str } from '../../terraform/json';
import { matchAction } from './iam-actions';
import { POLICY_RESOURCE_TYPES, policiesOf } from './policies';

/** Every action and wildcard in a policy must name real IAM actions; IAM rejects unknown ones or ignores them. */
export default defineRule({
  id: 'IAM-ValidActions',
  appliesTo: [...POLICY_RESOURCE_TYPES, 'aws_lambda_permission'],
  check: (b) => {
    const actions: string[] = [];
    let known = false;
    if (b.type === 'aws_lambda_permission') {
      const action = str(b.body.action);
      if (action !== undefined) actions.push(action);
      known = action !== undefined;
    }
    for (const doc of policiesOf(b)) {
      if (!doc.statements) continue;
      known = true;
      for (const s of doc.statements) {
        for (const a of [...(s.actions ?? []), ...(s.notActions ?? [])]) {
          if (typeof a === 'string' && !hasExpression(a)) actions.push(a);
        }
      }
    }
    if (!known) return notApplicable;
    const problems = [...new Set(actions)].sort().flatMap((a) => {
      const m = matchAction(a);
      if (m.kind === 'malformed') return [`'${a}' is not of the form service:Action`];
      if (m.kind === 'unknown-service') return [`'${a}': IAM has no service '${m.service}'`];
      if (m.kind === 'actions' && m.actions.length === 0) return [`'${a}' matches no action of ${a.split(':')[0]}`];
      return [];
    });
    return verdict(problems);
  },
});
