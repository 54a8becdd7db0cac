import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { IntegrationAwsAccount } from '@cdktf/provider-datadog/lib/integration-aws-account';
import type { AwsPartition } from '../aws/partition';
import type { DatadogConfig } from './config';

type IntegrationSettings = NonNullable<DatadogConfig['integration']>;

export interface DatadogAwsIntegrationProps {
  /** Terraform expression of the AWS account ID (from the caller identity). */
  readonly awsAccountId: string;
  readonly partition: AwsPartition;
  readonly roleName: string;
  /** Terraform expression of the external ID the role trusts. */
  readonly externalId: string;
  readonly settings: IntegrationSettings;
  /** Datadog validates the role on registration, so it must wait for the role's policies. */
  readonly dependsOn: ITerraformDependable[];
}

/** Datadog's side of the handshake: registers the role with Datadog, replacing the post's copy-paste step. */
export class DatadogAwsIntegration extends Construct {
  public readonly account: IntegrationAwsAccount;

  constructor(scope: Construct, id: string, props: DatadogAwsIntegrationProps) {
    super(scope, id);
    const s = props.settings;
    this.account = new IntegrationAwsAccount(this, 'account', {
      awsAccountId: props.awsAccountId,
      awsPartition: props.partition,
      authConfig: { awsAuthConfigRole: { roleName: props.roleName, externalId: props.externalId } },
      awsRegions: s.regions === 'all' ? { includeAll: true } : { includeOnly: [...s.regions] },
      metricsConfig: {
        enabled: s.metrics.enabled,
        collectCloudwatchAlarms: s.metrics.collectCloudwatchAlarms,
        collectCustomMetrics: s.metrics.collectCustomMetrics,
        // The provider requires the block (ExactlyOneOf in its ConfigValidators); empty means Datadog's defaults.
        namespaceFilters: s.metrics.excludeNamespaces.length > 0 ? { excludeOnly: [...s.metrics.excludeNamespaces] } : {},
      },
      logsConfig: { lambdaForwarder: { lambdas: [...s.logs.lambdaForwarderArns], sources: [] } },
      resourcesConfig: {
        extendedCollection: s.resourceCollection.enabled,
        cloudSecurityPostureManagementCollection: s.resourceCollection.cloudSecurityPosture,
      },
      tracesConfig: { xrayServices: { includeOnly: [...s.xrayServices] } },
      dependsOn: props.dependsOn,
    });
  }
}
