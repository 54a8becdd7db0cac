import { defineRule, notApplicable, verdict } from '../rule';
import { policiesOf } from './policies';
import { awsPrincipals, grantsAssumeRole, principalAccount, requiresExternalId } from './trust';

/**
 * A role another AWS account may assume must require an external ID (the confused-deputy guard). Accounts the
 * AWS provider is pinned to (`allowed_account_ids`) and principals built from references count as this account.
 */
export default defineRule({
  id: 'IAM-CrossAccountExternalId',
  appliesTo: ['aws_iam_role'],
  check: (role, stack) => {
    const trust = policiesOf(role).find((d) => d.kind === 'trust');
    if (!trust?.statements) return notApplicable;
    const own = stack.ownAccountIds();
    const problems: string[] = [];
    for (const s of trust.statements) {
      if (s.effect !== 'Allow' || !grantsAssumeRole(s)) continue;
      const foreign = awsPrincipals(s.principal)
        .map(principalAccount)
        .filter((a): a is string => a !== undefined && !own.includes(a));
      if (foreign.length > 0 && !requiresExternalId(s.condition)) {
        problems.push(
          `${s.label} trusts account ${[...new Set(foreign)].join(', ')} without an sts:ExternalId condition`,
        );
      }
    }
    return verdict(problems);
  },
});
