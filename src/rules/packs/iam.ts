import type { RulePack } from '../pack';
import CrossAccountExternalId from '../iam/CrossAccountExternalId';
import NoWildcardWrite from '../iam/NoWildcardWrite';
import PolicySize from '../iam/PolicySize';
import TrustNamesPrincipal from '../iam/TrustNamesPrincipal';
import ValidActions from '../iam/ValidActions';

/** Least privilege and what IAM rejects. */
export const iamPack: RulePack = {
  name: 'iam',
  description: 'IAM policies: least privilege, real actions, explicit trust, size quotas',
  entries: [
    {
      rule: NoWildcardWrite,
      message: 'Write actions allowed on every resource',
      fix: 'Scope Resource to the exact ARNs the actions need, or suppress with the reason when "*" is by design.',
    },
    {
      rule: ValidActions,
      message: 'Policy names actions that do not exist',
      fix: 'Correct the action names (service:Action, as in the Service Authorization Reference).',
    },
    {
      rule: TrustNamesPrincipal,
      message: 'Trust policy does not name who may assume the role',
      fix: 'Name the exact principal (account, role or service) in Principal.',
    },
    {
      rule: CrossAccountExternalId,
      message: 'Cross-account trust without an external ID',
      fix: 'Add Condition StringEquals sts:ExternalId to the trust statement.',
    },
    {
      rule: PolicySize,
      message: 'Policy larger than IAM allows',
      fix: 'Split the permissions over several managed policies (or request a quota increase for trust policies).',
    },
  ],
};
