import { defineRule, verdict } from '../rule';
import type { TfBlock } from '../../terraform/json';

const PER_ENTITY = [
  'aws_iam_role_policy_attachment',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
];

/**
 * A policy attached with `aws_iam_policy_attachment` (exclusive across the account) is attached by nothing else.
 *
 * The provider's docs (website/docs/r/iam_role_policy_attachment.html.markdown): "The usage of this resource conflicts
 * with the `aws_iam_policy_attachment` resource and will permanently show a difference if both are defined."
 */
export default defineRule({
  id: 'IAM-PolicyAttachmentConflict',
  appliesTo: ['aws_iam_policy_attachment'],
  check: (exclusive, stack) => {
    const others = PER_ENTITY.flatMap((type) => stack.ofType(type)).filter((a) => samePolicy(a, exclusive));
    return verdict(
      others.map((a) => `${a.address} attaches the same policy, so each plan undoes the other's attachments`),
    );
  },
});

/** The same policy: equal literal ARNs, or the same reference written the same way. */
function samePolicy(a: TfBlock, b: TfBlock): boolean {
  const [x, y] = [a.body.policy_arn, b.body.policy_arn];
  return typeof x === 'string' && typeof y === 'string' && x.trim() === y.trim();
}
