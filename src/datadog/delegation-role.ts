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

/** Why Datadog's permission policies grant on "*": reviewers read this in the generated JSON. */
export const DATADOG_WILDCARD_REASON =
  'Datadog\'s published permission list applies to every resource Datadog monitors, so Resource is "*" by design; ' +
  'its few write actions (log subscriptions, bucket notifications) are how Datadog sets up log collection';

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

    this.literalPolicies(props.roleName, props.actions);
    if (props.releasedAsLiveList) this.moveFromLiveListInstances();

    if (props.securityAudit) {
      this.attachments.push(
        new IamRolePolicyAttachment(this, 'security-audit', {
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

  private literalPolicies(roleName: string, actions: readonly string[]): void {
    splitIntoPolicies(actions).forEach((chunk, i) => {
      const policy = new IamPolicy(this, `permissions-${i + 1}`, {
        name: `${roleName}Policy${i + 1}`,
        description: `Datadog integration permissions, part ${i + 1}`,
        policy: permissionPolicyJson(chunk),
      });
      suppressRule(policy, 'IAM-NoWildcardWrite', DATADOG_WILDCARD_REASON);
      this.policies.push(policy);
      this.attachments.push(
        new IamRolePolicyAttachment(this, `attach-${i + 1}`, { role: this.role.name, policyArn: policy.arn }),
      );
    });
  }
}
