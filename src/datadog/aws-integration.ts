import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { IntegrationAwsAccount } from '@cdktf/provider-datadog/lib/integration-aws-account';
import type { AwsPartition } from '../aws/partition';

/** Which CloudWatch metrics Datadog collects. */
export interface DatadogMetricsCollection {
  /**
   * Collect CloudWatch metrics at all.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * CloudWatch namespaces to skip (e.g. `AWS/SQS`).
   * @default [] (Datadog's defaults)
   */
  readonly excludeNamespaces?: readonly string[];
  /**
   * Collect CloudWatch alarms as Datadog events.
   * @default false
   */
  readonly collectCloudwatchAlarms?: boolean;
  /**
   * Collect custom (non-AWS) CloudWatch metrics.
   * @default false
   */
  readonly collectCustomMetrics?: boolean;
}

export interface DatadogAwsIntegrationProps {
  /** Terraform expression of the AWS account ID (from the caller identity). */
  readonly awsAccountId: string;
  /** The partition of that account. */
  readonly partition: AwsPartition;
  /** Name of the role Datadog assumes. */
  readonly roleName: string;
  /** Terraform expression of the external ID the role trusts. */
  readonly externalId: string;
  /** Datadog validates the role on registration, so it must wait for the role's policies. */
  readonly dependsOn: ITerraformDependable[];
  /**
   * The regions Datadog reads: `'all'`, or a non-empty list of region names.
   * @default 'all'
   */
  readonly regions?: 'all' | readonly string[];
  /**
   * Which CloudWatch metrics Datadog collects.
   * @default every `DatadogMetricsCollection` field at its default
   */
  readonly metrics?: DatadogMetricsCollection;
  /**
   * ARNs of Datadog Lambda forwarders that ship logs.
   * @default [] (no log forwarding)
   */
  readonly lambdaForwarderArns?: readonly string[];
  /**
   * Datadog's resource collection (`extended_collection`). Datadog reads resources through AWS's SecurityAudit
   * policy, so turn this on together with that policy.
   * @default false
   */
  readonly resourceCollection?: boolean;
  /**
   * Datadog's cloud security posture management collection (needs SecurityAudit too).
   * @default false
   */
  readonly cloudSecurityPosture?: boolean;
  /**
   * X-Ray services whose traces Datadog collects.
   * @default [] (none)
   */
  readonly xrayServices?: readonly string[];
}

/** Datadog's side of the handshake: registers the role with Datadog, replacing the post's copy-paste step. */
export class DatadogAwsIntegration extends Construct {
  public readonly account: IntegrationAwsAccount;

  constructor(scope: Construct, id: string, props: DatadogAwsIntegrationProps) {
    super(scope, id);
    const regions = props.regions ?? 'all';
    if (regions !== 'all' && regions.length === 0) {
      throw new Error("DatadogAwsIntegration: regions is an empty list; name at least one region, or use 'all'");
    }
    const metrics = props.metrics ?? {};
    const excludeNamespaces = metrics.excludeNamespaces ?? [];
    this.account = new IntegrationAwsAccount(this, 'account', {
      awsAccountId: props.awsAccountId,
      awsPartition: props.partition,
      authConfig: { awsAuthConfigRole: { roleName: props.roleName, externalId: props.externalId } },
      awsRegions: regions === 'all' ? { includeAll: true } : { includeOnly: [...regions] },
      metricsConfig: {
        enabled: metrics.enabled ?? true,
        collectCloudwatchAlarms: metrics.collectCloudwatchAlarms ?? false,
        collectCustomMetrics: metrics.collectCustomMetrics ?? false,
        // The provider requires the block (ExactlyOneOf in its ConfigValidators); empty means Datadog's defaults.
        namespaceFilters: excludeNamespaces.length > 0 ? { excludeOnly: [...excludeNamespaces] } : {},
      },
      logsConfig: { lambdaForwarder: { lambdas: [...(props.lambdaForwarderArns ?? [])], sources: [] } },
      resourcesConfig: {
        extendedCollection: props.resourceCollection ?? false,
        cloudSecurityPostureManagementCollection: props.cloudSecurityPosture ?? false,
      },
      tracesConfig: { xrayServices: { includeOnly: [...(props.xrayServices ?? [])] } },
      dependsOn: props.dependsOn,
    });
  }
}
