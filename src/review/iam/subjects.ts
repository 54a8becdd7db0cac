import type { StackView, TfBlock } from '../../terraform/json';
import { blocks, list, str } from '../../terraform/json';
import { readPolicy, type PolicySource } from './policy-source';

/** A role, or an identity policy no role of the stack uses: what the IAM delta compares between base and head. */
export interface IamSubject {
  /** Terraform address, the subject's identity across base and head. */
  readonly address: string;
  readonly kind: 'role' | 'policy';
  /** The IAM name, when literal. */
  readonly name: string | undefined;
  /** The identity policy documents that grant its permissions: inline, role policies, attached managed policies. */
  readonly policies: readonly PolicySource[];
  /** Attached policy ARNs that are not policies of this stack (AWS managed or made elsewhere), as written. */
  readonly externalPolicies: readonly string[];
  /** The trust policy (roles only). */
  readonly trust: PolicySource | undefined;
}

interface MutableRole {
  readonly block: TfBlock;
  readonly policies: PolicySource[];
  readonly externalPolicies: string[];
}

/**
 * The stack's IAM subjects. A role gathers its inline policies, the aws_iam_role_policy resources naming it, and the
 * aws_iam_policy resources attached to it (aws_iam_role_policy_attachment, aws_iam_policy_attachment,
 * `managed_policy_arns`), so a permission list split over several managed policies (Datadog's) is one subject.
 * A policy attached to no role of the stack, and a role policy whose role is elsewhere, are subjects of their own.
 */
export function iamSubjects(view: StackView): IamSubject[] {
  const roles = new Map<string, MutableRole>();
  for (const role of view.ofType('aws_iam_role')) {
    const inline = (blocks(role.body.inline_policy) ?? []).map((p, i) =>
      readPolicy(view, `${role.address}.inline_policy[${i}].policy`, 'identity', p.policy),
    );
    roles.set(role.address, { block: role, policies: inline, externalPolicies: [] });
  }
  const roleOf = (value: unknown): MutableRole | undefined => {
    const ref = view.resolve(value, 'aws_iam_role');
    if (ref) return roles.get(ref.address);
    const name = str(value);
    return name === undefined ? undefined : [...roles.values()].find((r) => str(r.block.body.name) === name);
  };

  const standalone: IamSubject[] = [];
  for (const rp of view.ofType('aws_iam_role_policy')) {
    const source = readPolicy(view, `${rp.address}.policy`, 'identity', rp.body.policy);
    const role = roleOf(rp.body.role);
    if (role) role.policies.push(source);
    else standalone.push(subject(rp, 'policy', [source], [], undefined));
  }

  const attached = new Set<string>();
  const attach = (role: MutableRole | undefined, arn: unknown): void => {
    if (!role) return;
    const policy = view.resolve(arn, 'aws_iam_policy');
    if (policy) {
      attached.add(policy.address);
      role.policies.push(readPolicy(view, `${policy.address}.policy`, 'identity', policy.body.policy));
    } else if (typeof arn === 'string') role.externalPolicies.push(arn);
  };
  for (const a of view.ofType('aws_iam_role_policy_attachment')) attach(roleOf(a.body.role), a.body.policy_arn);
  for (const a of view.ofType('aws_iam_policy_attachment')) {
    for (const r of list(a.body.roles) ?? []) attach(roleOf(r), a.body.policy_arn);
  }
  for (const role of roles.values()) {
    for (const arn of list(role.block.body.managed_policy_arns) ?? []) attach(role, arn);
  }
  for (const policy of view.ofType('aws_iam_policy')) {
    if (attached.has(policy.address)) continue;
    const source = readPolicy(view, `${policy.address}.policy`, 'identity', policy.body.policy);
    standalone.push(subject(policy, 'policy', [source], [], undefined));
  }

  const roleSubjects = [...roles.values()].map((r) =>
    subject(
      r.block,
      'role',
      r.policies,
      r.externalPolicies,
      readPolicy(view, `${r.block.address}.assume_role_policy`, 'trust', r.block.body.assume_role_policy),
    ),
  );
  return [...roleSubjects, ...standalone].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

function subject(
  b: TfBlock,
  kind: IamSubject['kind'],
  policies: readonly PolicySource[],
  externalPolicies: readonly string[],
  trust: PolicySource | undefined,
): IamSubject {
  return {
    address: b.address,
    kind,
    name: str(b.body.name),
    policies,
    externalPolicies: [...new Set(externalPolicies)].sort(),
    trust,
  };
}
