import { Construct } from 'constructs';
import { TerraformLocal } from 'cdktf';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { AwsPartition } from '../config/common';
import { policyJson } from '../iam/policy-document';
import { suppressRule } from '../rules/suppress';
import { DATADOG_SID, permissionPolicyJson, splitIntoPolicies } from './permissions';

/** Why Datadog's permission policies grant on "*": reviewers read this in the generated JSON. */
export const DATADOG_WILDCARD_REASON =
  "Datadog's published permission list applies to every resource Datadog monitors, so Resource is \"*\" by design; " +
  'its few write actions (log subscriptions, bucket notifications) are how Datadog sets up log collection';

/** The actions to grant: known now (a literal list) or only at plan time (a Terraform list expression). */
export type DatadogPermissions =
  | { readonly kind: 'literal'; readonly actions: readonly string[] }
  | { readonly kind: 'planTime'; readonly listExpression: string; readonly chunkSize: number };

export interface DatadogDelegationRoleProps {
  /** IAM role name. */
  readonly roleName: string;
  /** The AWS partition the role lives in; every ARN uses it. */
  readonly partition: AwsPartition;
  /** Datadog's AWS account for the site and partition. */
  readonly datadogAccountId: string;
  /** Terraform expression of the external ID (a resource attribute or a variable); never a literal. */
  readonly externalId: string;
  readonly permissions: DatadogPermissions;
  /**
   * Attach AWS's SecurityAudit managed policy.
   * @default false
   */
  readonly securityAudit?: boolean;
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

    if (props.permissions.kind === 'literal') this.literalPolicies(props.roleName, props.permissions.actions);
    else this.planTimePolicies(props.roleName, props.permissions.listExpression, props.permissions.chunkSize);

    if (props.securityAudit) {
      this.attachments.push(
        new IamRolePolicyAttachment(this, 'security-audit', {
          role: this.role.name,
          policyArn: `arn:${props.partition}:iam::aws:policy/SecurityAudit`,
        }),
      );
    }
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

  /** One policy per chunk of the plan-time list; for_each keys are chunk numbers so parts keep their addresses. */
  private planTimePolicies(roleName: string, listExpression: string, chunkSize: number): void {
    const chunks = new TerraformLocal(this, 'permission_chunks', `\${chunklist(sort(distinct(${listExpression})), ${chunkSize})}`);
    const policy = new IamPolicy(this, 'permissions', {
      name: `${roleName}Policy\${each.key}`,
      description: 'Datadog integration permissions, part ${each.key}',
      // A raw expression: `each.value` must stay a reference (Fn.jsonencode would escape it into a literal string).
      policy: `\${jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "${DATADOG_SID}", Effect = "Allow", Action = each.value, Resource = "*" }] })}`,
    });
    suppressRule(policy, 'IAM-NoWildcardWrite', DATADOG_WILDCARD_REASON);
    policy.addOverride('for_each', `\${{ for i, chunk in ${chunks.fqn} : tostring(i + 1) => chunk }}`);
    this.policies.push(policy);
    const attachment = new IamRolePolicyAttachment(this, 'attach', { role: this.role.name, policyArn: '${each.value.arn}' });
    attachment.addOverride('for_each', `\${${policy.terraformResourceType}.${policy.friendlyUniqueId}}`);
    this.attachments.push(attachment);
  }
}
