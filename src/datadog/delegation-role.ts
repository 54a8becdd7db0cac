import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { addressPath, releasedName } from '../core/addresses';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { AwsPartition } from '../aws/partition';
import { policyJson } from '../iam/policy-document';
import { suppressRule } from '../rules/suppress';
import { permissionPolicyJson, splitIntoPolicies } from './permissions';

/**
 * Why Datadog's permission policies grant on "*": reviewers read this in the generated JSON. The suppression covers
 * only the reviewed actions it names; any other write action in the list is an IAM-NoWildcardWrite error.
 */
export function datadogWildcardReason(reviewed: readonly string[]): string {
  return (
    'Datadog\'s published permission list applies to every resource Datadog monitors, so Resource is "*" by design; ' +
    `this covers only the write actions reviewed for it: ${reviewed.join(', ')}`
  );
}

/**
 * A new role name (0.1.0's default, or a changed `roleName`) replaces the role, its policies (named after it) and the
 * attachments. Terraform's default replaces by destroying first, which leaves Datadog without a role until the
 * new one exists. Terraform, lifecycle meta-argument (developer.hashicorp.com/terraform/language/meta-arguments/
 * lifecycle): "The create_before_destroy meta-argument changes this behavior so that the new replacement object is
 * created first, and the prior object is destroyed after the replacement is created." With it on all three, the
 * registration moves to the new role (it depends on the attachments) before the old ones are destroyed
 * (hashicorp/terraform docs/destroying.md, "Create Before Destroy": "A is created, B is updated, A is destroyed").
 * Each replacement has a new name, so old and new never collide.
 */
const REPLACE_WITHOUT_OUTAGE = { createBeforeDestroy: true } as const;

export interface DatadogDelegationRoleProps {
  /** IAM role name. */
  readonly roleName: string;
  /** The AWS partition the role lives in; every ARN uses it. */
  readonly partition: AwsPartition;
  /** Datadog's AWS account for the site and partition. */
  readonly datadogAccountId: string;
  /** Terraform expression of the external ID (a resource attribute or a variable); never a literal. */
  readonly externalId: string;
  /** The actions to grant: a reviewed, committed list (never read at plan time, so every change shows in a diff). */
  readonly actions: readonly string[];
  /**
   * The write actions (names or `*` patterns) a reviewer accepted on Resource "*": IAM-NoWildcardWrite is suppressed
   * for these and no others.
   * @default [] (every write action in `actions` is an error)
   */
  readonly reviewedWriteActions?: readonly string[];
  /**
   * Attach AWS's SecurityAudit managed policy.
   * @default false
   */
  readonly securityAudit?: boolean;
  /**
   * The stack was released (0.1.0) granting Datadog's live list through the for_each resources `permissions` and
   * `attach`, keyed "1", "2", ...: their instance "1" moves to part 1, so an upgrade updates the policy in place.
   * @default false
   */
  readonly releasedAsLiveList?: boolean;
}

/**
 * The IAM role Datadog assumes: trust limited to Datadog's account with the external ID, and Datadog's permission
 * list split over as many managed policies as IAM's 6,144-character limit needs.
 */
export class DatadogDelegationRole extends Construct {
  public readonly role: IamRole;
  /** Attachments Datadog's registration must wait for. */
  public readonly attachments: IamRolePolicyAttachment[] = [];
  public readonly policies: IamPolicy[] = [];

  constructor(scope: Construct, id: string, props: DatadogDelegationRoleProps) {
    super(scope, id);
    if (!/^\d{12}$/.test(props.datadogAccountId)) {
      throw new Error(`datadogAccountId must be a 12-digit account ID, got '${props.datadogAccountId}'`);
    }
    this.role = new IamRole(this, 'role', {
      lifecycle: REPLACE_WITHOUT_OUTAGE,
      name: props.roleName,
      description: 'Assumed by Datadog to read metrics, tags and resources (Stackwright)',
      maxSessionDuration: 3600,
      assumeRolePolicy: policyJson([
        {
          Sid: 'DatadogAssumeRoleWithExternalId',
          Effect: 'Allow',
          Principal: { AWS: `arn:${props.partition}:iam::${props.datadogAccountId}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': props.externalId } },
        },
      ]),
    });

    this.literalPolicies(props.roleName, props.actions, props.reviewedWriteActions ?? []);
    if (props.releasedAsLiveList) this.moveFromLiveListInstances();

    if (props.securityAudit) {
      this.attachments.push(
        new IamRolePolicyAttachment(this, 'security-audit', {
          lifecycle: REPLACE_WITHOUT_OUTAGE,
          role: this.role.name,
          policyArn: `arn:${props.partition}:iam::aws:policy/SecurityAudit`,
        }),
      );
    }
  }

  /** Part 1's policy and attachment take over the first instance of 0.1.0's for_each resources (later ones retire). */
  private moveFromLiveListInstances(): void {
    const stack = TerraformStack.of(this);
    const [policy, attachment] = [this.policies[0], this.attachments.find((a) => a.node.id === 'attach-1')];
    const released = (id: string) => releasedName([...addressPath(this, stack), id]);
    policy.moveFromId(`aws_iam_policy.${released('permissions')}["1"]`);
    attachment?.moveFromId(`aws_iam_role_policy_attachment.${released('attach')}["1"]`);
  }

  private literalPolicies(roleName: string, actions: readonly string[], reviewed: readonly string[]): void {
    splitIntoPolicies(actions).forEach((chunk, i) => {
      const policy = new IamPolicy(this, `permissions-${i + 1}`, {
        lifecycle: REPLACE_WITHOUT_OUTAGE,
        name: `${roleName}Policy${i + 1}`,
        description: `Datadog integration permissions, part ${i + 1}`,
        policy: permissionPolicyJson(chunk),
      });
      if (reviewed.length > 0) suppressRule(policy, 'IAM-NoWildcardWrite', datadogWildcardReason(reviewed), reviewed);
      this.policies.push(policy);
      this.attachments.push(
        new IamRolePolicyAttachment(this, `attach-${i + 1}`, {
          lifecycle: REPLACE_WITHOUT_OUTAGE,
          role: this.role.name,
          policyArn: policy.arn,
        }),
      );
    });
  }
}
