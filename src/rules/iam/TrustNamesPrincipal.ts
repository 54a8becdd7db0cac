import { defineRule, notApplicable, verdict } from '../rule';
import { policiesOf } from './policies';
import { awsPrincipals } from './trust';

/** A trust policy must name who may assume the role: no missing Principal, no NotPrincipal, no "*". */
export default defineRule({
  id: 'IAM-TrustNamesPrincipal',
  appliesTo: ['aws_iam_role'],
  check: (role) => {
    const trust = policiesOf(role).find((d) => d.kind === 'trust');
    if (!trust?.statements) return notApplicable;
    const problems: string[] = [];
    for (const s of trust.statements) {
      if (s.effect !== 'Allow') continue;
      if (s.notPrincipal !== undefined) problems.push(`${s.label} uses NotPrincipal`);
      else if (s.principal === undefined) problems.push(`${s.label} names no Principal`);
      else if (awsPrincipals(s.principal).includes('*')) problems.push(`${s.label} trusts every AWS principal ("*")`);
    }
    return verdict(problems);
  },
});
