import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { mentionedAddresses, str } from '../../terraform/json';

/** Resources that attach or embed a policy in a role, and the attribute naming the role. */
const ATTACHERS = [
  { type: 'aws_iam_role_policy', attribute: 'role', kind: 'inline_policy' },
  { type: 'aws_iam_role_policy_attachment', attribute: 'role', kind: 'managed_policy_arns' },
  { type: 'aws_iam_policy_attachment', attribute: 'roles', kind: 'managed_policy_arns' },
] as const;

/**
 * A role whose `inline_policy` or `managed_policy_arns` is set has no policies attached by other resources.
 *
 * The provider's docs (website/docs/r/iam_role.html.markdown): "If you use this resource's `managed_policy_arns`
 * argument or `inline_policy` configuration blocks, this resource will take over exclusive management of the role's
 * respective policy types ... These arguments are incompatible with other ways of managing a role's policies, such as
 * `aws_iam_policy_attachment`, `aws_iam_role_policy_attachment`, and `aws_iam_role_policy`. If you attempt to manage a
 * role's policies by multiple means, you will get resource cycling and/or errors." And on the attachment's page
 * (iam_role_policy_attachment.html.markdown): "When using that argument and this resource, both will attempt to manage
 * the role's managed policy attachments and Terraform will show a permanent difference."
 */
export default defineRule({
  id: 'IAM-ExclusivePolicyManagement',
  appliesTo: ['aws_iam_role'],
  check: (role, stack) => {
    const exclusive = ['inline_policy', 'managed_policy_arns'].filter((k) => role.body[k] !== undefined);
    if (exclusive.length === 0) return notApplicable;
    const problems = ATTACHERS.filter((a) => exclusive.includes(a.kind)).flatMap((a) =>
      attaching(role, stack, a.type, a.attribute).map(
        (r) =>
          `${a.kind} is exclusive, yet ${r.address} also manages the role's ${a.kind === 'inline_policy' ? 'inline' : 'managed'} policies`,
      ),
    );
    return verdict(problems);
  },
});

function attaching(role: TfBlock, stack: StackView, type: string, attribute: string): TfBlock[] {
  const name = str(role.body.name);
  return stack.ofType(type).filter((r) => {
    const value = r.body[attribute];
    return (Array.isArray(value) ? value : [value]).some(
      (v) =>
        typeof v === 'string' && (mentionedAddresses(v).includes(role.address) || (name !== undefined && v === name)),
    );
  });
}
