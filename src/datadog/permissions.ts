import standard from './data/datadog-iam-permissions-standard.json';
import full from './data/datadog-iam-permissions-full.json';
import { MANAGED_POLICY_MAX_CHARS, policyJson, policySize } from '../iam/policy-document';

export type PermissionSet = 'standard' | 'full' | 'core';

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

/** Snapshots of Datadog's published lists (standard 2025-10, full 2025-08), for manual mode and offline checks. */
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

/**
 * Actions per policy when the list is only known at plan time (managed mode reads it from the Datadog provider):
 * sized so that a chunk of the longest action name seen in the snapshots, with a 10% margin for growth, still fits.
 */
export function planTimeChunkSize(limit = MANAGED_POLICY_MAX_CHARS): number {
  const longest = Math.max(...snapshotPermissions('full').map((a) => a.length));
  const overhead = policySize(permissionPolicyJson([]));
  const perAction = Math.ceil((longest + 3) * 1.1); // quotes and comma
  return Math.floor((limit - overhead - 1) / perAction);
}
