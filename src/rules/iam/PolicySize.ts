import { MANAGED_POLICY_MAX_CHARS } from '../../iam/policy-document';
import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { blocks, mentionedAddresses, str, templateParts } from '../../terraform/json';

/** IAM's quotas, in characters without whitespace. */
export const ROLE_INLINE_POLICIES_MAX_CHARS = 10240;
export const TRUST_POLICY_MAX_CHARS = 2048;

/**
 * Policies must fit IAM's size quotas: 6,144 characters per managed policy, 10,240 for all inline policies of a
 * role together, 2,048 for a trust policy (the default quota). Embedded references count as empty, so only
 * policies certain to be too large are reported.
 */
export default defineRule({
  id: 'IAM-PolicySize',
  appliesTo: ['aws_iam_policy', 'aws_iam_role'],
  check: (b, stack) => {
    if (b.type === 'aws_iam_policy') {
      const size = minimumSize(b.body.policy);
      if (size === undefined) return notApplicable;
      return verdict(
        size > MANAGED_POLICY_MAX_CHARS
          ? [`policy is at least ${size} characters (limit ${MANAGED_POLICY_MAX_CHARS})`]
          : [],
      );
    }
    const problems: string[] = [];
    const trust = minimumSize(b.body.assume_role_policy);
    if (trust !== undefined && trust > TRUST_POLICY_MAX_CHARS) {
      problems.push(`assume_role_policy is at least ${trust} characters (default quota ${TRUST_POLICY_MAX_CHARS})`);
    }
    const inline = inlinePolicies(b, stack).reduce<number>((sum, text) => sum + (minimumSize(text) ?? 0), 0);
    if (inline > ROLE_INLINE_POLICIES_MAX_CHARS) {
      problems.push(
        `inline policies add up to at least ${inline} characters (limit ${ROLE_INLINE_POLICIES_MAX_CHARS})`,
      );
    }
    return verdict(problems);
  },
});

/** Non-whitespace characters of the literal text, expressions counted as empty; undefined when wholly unknown. */
export function minimumSize(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const literal = templateParts(text)
    .filter((p) => p.kind === 'literal')
    .map((p) => p.text)
    .join('');
  if (literal.trim() === '') return undefined;
  return literal.replace(/\s/g, '').length;
}

/** A role's inline policies: its inline_policy blocks and the aws_iam_role_policy resources attached to it. */
function inlinePolicies(role: TfBlock, stack: StackView): unknown[] {
  const name = str(role.body.name);
  const attached = stack.ofType('aws_iam_role_policy').filter((p) => {
    const target = p.body.role;
    return (
      typeof target === 'string' &&
      (mentionedAddresses(target).includes(role.address) || (name !== undefined && target === name))
    );
  });
  return [...(blocks(role.body.inline_policy) ?? []).map((p) => p.policy), ...attached.map((p) => p.body.policy)];
}
