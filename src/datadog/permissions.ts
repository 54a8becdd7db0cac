import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root';
import { MANAGED_POLICY_MAX_CHARS, policyJson, policySize } from '../iam/policy-document';

export type PermissionSet = 'standard' | 'full' | 'core';

/** The lists Datadog publishes (core is Stackwright's own), and the snapshot file each is kept in. */
export const PUBLISHED_SETS = ['standard', 'full'] as const;
export type PublishedSet = (typeof PUBLISHED_SETS)[number];

export function snapshotFile(set: PublishedSet): string {
  return `datadog-iam-permissions-${set}.json`;
}

/**
 * Where the committed snapshots live in the checkout. They are data the user refreshes, read from here at run time
 * (never bundled into dist/), so a refreshed snapshot takes effect at the next synth without a rebuild.
 */
export const SNAPSHOT_DIR = join(PROJECT_ROOT, 'src', 'datadog', 'data');

/**
 * The file of actions accepted by review: the write actions of Datadog's lists that the permission policies'
 * IAM-NoWildcardWrite suppression covers, and each flagged action a refresh added with `--accept`.
 */
export const REVIEWED_FILE = 'datadog-reviewed-actions.json';

function readList(file: string): string[] {
  if (!existsSync(file)) throw new Error(`missing Datadog permission data ${file}: restore it from git`);
  const list: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(list) || list.some((a) => typeof a !== 'string'))
    throw new Error(`${file} must be a JSON array of IAM action names`);
  return list as string[];
}

/** The actions accepted by review (REVIEWED_FILE), sorted. */
export function reviewedActions(dir = SNAPSHOT_DIR): readonly string[] {
  return [...new Set(readList(join(dir, REVIEWED_FILE)))].sort();
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
export function snapshotPermissions(set: PermissionSet, dir = SNAPSHOT_DIR): readonly string[] {
  const list = set === 'core' ? CORE_PERMISSIONS : readList(join(dir, snapshotFile(set)));
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
