import standard from './data/datadog-iam-permissions-standard.json';
import full from './data/datadog-iam-permissions-full.json';
import { MANAGED_POLICY_MAX_CHARS, policyJson, policySize } from '../iam/policy-document';

export type PermissionSet = 'standard' | 'full' | 'core';

/** The lists Datadog publishes (core is Stackwright's own), and the snapshot file each is kept in. */
export const PUBLISHED_SETS = ['standard', 'full'] as const;
export type PublishedSet = (typeof PUBLISHED_SETS)[number];

export function snapshotFile(set: PublishedSet): string {
  return `datadog-iam-permissions-${set}.json`;
}

/** The role's default name: the config's name as prefix, as for every name Stackwright gives. */
export function defaultRoleName(configName: string): string {
  return `${configName}-DatadogIntegrationRole`;
}

/**
 * Read-only actions for metric collection and tag enrichment only: CloudWatch plus the describe calls Datadog
 * needs to attach host and resource tags. No write actions, unlike the 2016 post's sns:Publish and
 * sqs:ReceiveMessage.
 */
export const CORE_PERMISSIONS: readonly string[] = [
  'cloudwatch:GetMetricData',
  'cloudwatch:GetMetricStatistics',
  'cloudwatch:ListMetrics',
  'cloudwatch:DescribeAlarms',
  'ec2:DescribeInstances',
  'ec2:DescribeRegions',
  'ec2:DescribeVolumes',
  'ec2:DescribeSecurityGroups',
  'tag:GetResources',
  'tag:GetTagKeys',
  'tag:GetTagValues',
];

/**
 * The committed, reviewed snapshots of Datadog's published lists (standard 2025-10, full 2025-08): what the role is
 * granted in both modes. `stackwright datadog refresh-permissions` updates them; in managed mode a Terraform check
 * warns at plan time when Datadog's current list differs.
 */
export function snapshotPermissions(set: PermissionSet): readonly string[] {
  const list = set === 'core' ? CORE_PERMISSIONS : set === 'standard' ? (standard as string[]) : (full as string[]);
  return [...new Set(list)].sort();
}

/** Statement id used in every Datadog permission policy. */
export const DATADOG_SID = 'DatadogIntegration';

export function permissionPolicyJson(actions: readonly string[]): string {
  return policyJson([{ Sid: DATADOG_SID, Effect: 'Allow', Action: actions, Resource: '*' }]);
}

/**
 * Packs actions, in order, into as few managed policies as fit IAM's size limit, each under `limit` characters.
 */
export function splitIntoPolicies(actions: readonly string[], limit = MANAGED_POLICY_MAX_CHARS): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const action of actions) {
    const candidate = [...current, action];
    if (current.length > 0 && policySize(permissionPolicyJson(candidate)) >= limit) {
      chunks.push(current);
      current = [action];
    } else current = candidate;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
