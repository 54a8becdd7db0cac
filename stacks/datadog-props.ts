import type { AwsPartition } from '../src/aws/partition';
import type { DatadogConfig } from '../src/datadog/config';
import type { Agree, Same, SharedFieldsAgree, ValueShape } from '../src/core/type-agreement';
import type { DatadogAwsIntegrationProps } from '../src/datadog/aws-integration';
import type { DatadogDelegationRoleProps } from '../src/datadog/delegation-role';
import type { PermissionDriftCheckProps } from '../src/datadog/permission-drift';
import { defaultRoleName, reviewedActions, snapshotPermissions } from '../src/datadog/permissions';
import { refreshCommandFor } from '../src/datadog/refresh-permissions';

/** What the Datadog stack knows besides its config section: the environment and the Terraform references. */
export interface DatadogStackContext {
  /** The config's `name` (the environment). */
  readonly environment: string;
  readonly partition: AwsPartition;
  /** Datadog's AWS account for the site and partition. */
  readonly datadogAccountId: string;
  /** Terraform expression of the external ID (the generated resource's id, or the variable). */
  readonly externalId: string;
}

/** The role Datadog assumes, from `stacks.datadog`. */
export function delegationRoleProps(dd: DatadogConfig, ctx: DatadogStackContext): DatadogDelegationRoleProps {
  return {
    roleName: dd.roleName ?? defaultRoleName(ctx.environment),
    partition: ctx.partition,
    datadogAccountId: ctx.datadogAccountId,
    externalId: ctx.externalId,
    // Both modes grant the committed, reviewed snapshot: Datadog changing its list never changes IAM unseen.
    actions: snapshotPermissions(dd.permissions),
    // The write actions a reviewer accepted (src/datadog/data/datadog-reviewed-actions.json, extended only by
    // `refresh-permissions --accept`): the wildcard-write suppression covers these and nothing else.
    reviewedWriteActions: dd.permissions === 'core' ? [] : reviewedActions(),
    securityAudit: dd.securityAudit,
    // 0.1.0 read the standard and full lists from Datadog's data sources in managed mode (for_each policies).
    releasedAsLiveList: dd.externalId === 'managed' && dd.permissions !== 'core',
  };
}

/**
 * Datadog's side of the handshake (managed mode), from `stacks.datadog.integration`. The schema fills in the
 * collection settings in managed mode; without them the construct's defaults apply.
 */
export function awsIntegrationProps(
  dd: DatadogConfig,
  refs: Pick<DatadogAwsIntegrationProps, 'awsAccountId' | 'partition' | 'roleName' | 'externalId' | 'dependsOn'>,
): DatadogAwsIntegrationProps {
  if (!dd.integration) return refs;
  // The fields the section and the props both name pass as they are (checked below).
  const { logs, resourceCollection, ...same } = dd.integration;
  return {
    ...refs,
    ...same,
    lambdaForwarderArns: logs.lambdaForwarderArns,
    resourceCollection: resourceCollection.enabled,
    cloudSecurityPosture: resourceCollection.cloudSecurityPosture,
  };
}

/**
 * The check that warns when Datadog's published list drifts from the granted snapshot: managed mode only (it reads
 * the list through the Datadog provider), and not for core, which Datadog does not publish.
 */
export function driftCheckProps(
  dd: DatadogConfig,
  policies: PermissionDriftCheckProps['policies'],
): PermissionDriftCheckProps | undefined {
  if (dd.externalId !== 'managed' || dd.permissions === 'core') return undefined;
  return { set: dd.permissions, policies, refreshCommand: refreshCommandFor(dd.permissions) };
}

type IntegrationConfig = NonNullable<DatadogConfig['integration']>;

// The fields the section and the constructs' props both name hold the same values: tsc fails here when they drift
// (see src/core/type-agreement.ts). The rest is mapped above; `externalId` is the mode in the config and the
// Terraform expression of the ID in the props.
export type RoleFieldsAgree = Agree<SharedFieldsAgree<DatadogConfig, DatadogDelegationRoleProps, 'externalId'>>;
export type IntegrationFieldsAgree = Agree<
  SharedFieldsAgree<IntegrationConfig, DatadogAwsIntegrationProps, 'resourceCollection'>
>;
/** The grouped config fields and the flat props they become. */
export type CollectionFlagsAgree = Agree<
  Same<
    ValueShape<Pick<IntegrationConfig['logs'], 'lambdaForwarderArns'> & IntegrationConfig['resourceCollection']>,
    ValueShape<
      Pick<DatadogAwsIntegrationProps, 'lambdaForwarderArns' | 'cloudSecurityPosture'> & {
        enabled: DatadogAwsIntegrationProps['resourceCollection'];
      }
    >
  >
>;
