import { TerraformOutput, TerraformVariable } from 'cdktf';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { IntegrationAwsExternalId } from '@cdktf/provider-datadog/lib/integration-aws-external-id';
import { DataDatadogIntegrationAwsIamPermissions } from '@cdktf/provider-datadog/lib/data-datadog-integration-aws-iam-permissions';
import { DataDatadogIntegrationAwsIamPermissionsStandard } from '@cdktf/provider-datadog/lib/data-datadog-integration-aws-iam-permissions-standard';
import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';
import { DatadogDelegationRole, type DatadogPermissions } from '../src/datadog/delegation-role';
import { DatadogAwsIntegration } from '../src/datadog/aws-integration';
import { datadogAccountFor, datadogApiUrl } from '../src/datadog/sites';
import { planTimeChunkSize, snapshotPermissions } from '../src/datadog/permissions';
import { datadogReadme } from '../src/datadog/readme';

export const datadogStack = defineStack({
  key: 'datadog',
  summary: 'IAM role Datadog assumes with an external ID, its permissions, and the Datadog side of the handshake',
  build: (scope, config, dd) => {
    const stack = new StackwrightStack(scope, 'datadog', {
      config,
      description: `The IAM role that Datadog (site ${dd.site}) assumes to read this account, trusted only with an external ID, with Datadog's ${dd.permissions} permission list.`,
    });
    const partition = config.aws.partition;
    const datadogAccountId = datadogAccountFor(dd.site, partition);
    if (!datadogAccountId) throw new Error(`no Datadog account for ${dd.site} in ${partition}`); // the schema rejects this first
    const caller = new DataAwsCallerIdentity(stack, 'caller');

    let externalId: string;
    let permissions: DatadogPermissions = { kind: 'literal', actions: snapshotPermissions(dd.permissions) };
    if (dd.externalId === 'managed') {
      // API and app keys come from DD_API_KEY / DD_APP_KEY in the environment, never from the config.
      new DatadogProvider(stack, 'datadog-provider', { apiUrl: datadogApiUrl(dd.site) });
      externalId = new IntegrationAwsExternalId(stack, 'external-id', {}).id;
      if (dd.permissions !== 'core') {
        const list =
          dd.permissions === 'full'
            ? new DataDatadogIntegrationAwsIamPermissions(stack, 'permissions-full').fqn
            : new DataDatadogIntegrationAwsIamPermissionsStandard(stack, 'permissions-standard').fqn;
        permissions = { kind: 'planTime', listExpression: `${list}.iam_permissions`, chunkSize: planTimeChunkSize() };
      }
    } else {
      externalId = new TerraformVariable(stack, 'datadog_external_id', {
        type: 'string',
        sensitive: true,
        description: "External ID from Datadog's AWS integration page (Datadog generates it)",
        validation: [
          {
            condition: 'can(regex("^[A-Za-z0-9+=,.@:/_-]{2,1224}$", var.datadog_external_id))',
            errorMessage: 'The external ID must be 2-1224 characters of letters, digits and +=,.@:/_-.',
          },
        ],
      }).stringValue;
    }

    const delegation = new DatadogDelegationRole(stack, 'delegation', {
      roleName: dd.roleName,
      partition,
      datadogAccountId,
      externalId,
      permissions,
      securityAudit: dd.securityAudit,
    });
    if (dd.externalId === 'managed') {
      new DatadogAwsIntegration(stack, 'integration', {
        awsAccountId: caller.accountId,
        partition,
        roleName: dd.roleName,
        externalId,
        settings: dd.integration ?? defaultIntegration,
        dependsOn: delegation.attachments,
      });
    }

    new TerraformOutput(stack, 'role_arn', { value: delegation.role.arn, description: 'ARN of the role Datadog assumes' });
    new TerraformOutput(stack, 'role_name', { value: delegation.role.name, description: 'Name of the role Datadog assumes' });
    new TerraformOutput(stack, 'aws_account_id', { value: caller.accountId, description: 'The AWS account Datadog reads' });
    new TerraformOutput(stack, 'external_id', { value: externalId, sensitive: true, description: 'External ID the trust policy requires' });
    stack.addReadmeSection(datadogReadme(dd, partition, datadogAccountId));
    return stack;
  },
});

const defaultIntegration = {
  regions: 'all' as const,
  metrics: { enabled: true, excludeNamespaces: [], collectCloudwatchAlarms: false, collectCustomMetrics: false },
  logs: { lambdaForwarderArns: [] },
  resourceCollection: { enabled: true, cloudSecurityPosture: false },
  xrayServices: [],
};
