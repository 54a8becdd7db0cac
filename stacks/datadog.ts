import { TerraformVariable } from 'cdktf';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DatadogProvider } from '@cdktf/provider-datadog/lib/provider';
import { IntegrationAwsExternalId } from '@cdktf/provider-datadog/lib/integration-aws-external-id';
import { defineStack } from '../src/core/stack-definition';
import { StackwrightStack } from '../src/core/stackwright-stack';
import { DatadogDelegationRole } from '../src/datadog/delegation-role';
import { DatadogAwsIntegration } from '../src/datadog/aws-integration';
import { datadogAccountFor, datadogApiUrl } from '../src/datadog/sites';
import { addPermissionDriftCheck } from '../src/datadog/permission-drift';
import { datadogReadme } from '../src/datadog/readme';
import { collectionWarnings } from '../src/datadog/config';
import { awsIntegrationProps, delegationRoleProps, driftCheckProps } from './datadog-props';

export const datadogStack = defineStack({
  key: 'datadog',
  summary: (dd) =>
    'IAM role Datadog assumes with an external ID, its permissions' +
    (dd.externalId === 'managed' ? ', and the Datadog side of the handshake' : ' (the external ID is a variable)'),
  warnings: collectionWarnings,
  build: (scope, config, dd) => {
    const stack = new StackwrightStack(scope, 'datadog', {
      config,
      description:
        `The IAM role that Datadog (site ${dd.site}) assumes to read this account, trusted only with an ` +
        `external ID, with Datadog's ${dd.permissions} permission list.`,
    });
    const partition = config.aws.partition;
    const datadogAccountId = datadogAccountFor(dd.site, partition);
    if (!datadogAccountId) throw new Error(`no Datadog account for ${dd.site} in ${partition}`); // the schema rejects this first
    const caller = new DataAwsCallerIdentity(stack, 'caller');

    let externalId: string;
    if (dd.externalId === 'managed') {
      // API and app keys come from DD_API_KEY / DD_APP_KEY in the environment, never from the config.
      new DatadogProvider(stack, 'datadog-provider', { apiUrl: datadogApiUrl(dd.site) });
      externalId = new IntegrationAwsExternalId(stack, 'external-id', {}).id;
    } else {
      externalId = new TerraformVariable(stack, 'datadog_external_id', {
        type: 'string',
        sensitive: true,
        description: "External ID from Datadog's AWS integration page (Datadog generates it)",
        validation: [
          {
            // JSON syntax: an expression must be a `${...}` template; a bare string would be a literal. The length
            // is checked apart: Terraform's regex engine (RE2) rejects repeat counts over 1000 such as {2,1224}.
            condition:
              '${length(var.datadog_external_id) >= 2 && length(var.datadog_external_id) <= 1224 && ' +
              'can(regex("^[A-Za-z0-9+=,.@:/_-]+$", var.datadog_external_id))}',
            errorMessage: 'The external ID must be 2-1224 characters of letters, digits and +=,.@:/_-.',
          },
        ],
      }).stringValue;
    }

    const roleProps = delegationRoleProps(dd, { environment: config.name, partition, datadogAccountId, externalId });
    const { roleName } = roleProps;
    const delegation = new DatadogDelegationRole(stack, 'delegation', roleProps);
    const driftCheck = driftCheckProps(dd, delegation.policies);
    if (driftCheck) addPermissionDriftCheck(stack, driftCheck);
    if (dd.externalId === 'managed') {
      const refs = {
        awsAccountId: caller.accountId,
        partition,
        roleName,
        externalId,
        dependsOn: delegation.attachments,
      };
      new DatadogAwsIntegration(stack, 'integration', awsIntegrationProps(dd, refs));
    }

    stack.addOutputs({
      role_arn: { value: delegation.role.arn, description: 'ARN of the role Datadog assumes' },
      role_name: { value: delegation.role.name, description: 'Name of the role Datadog assumes' },
      aws_account_id: { value: caller.accountId, description: 'The AWS account Datadog reads' },
      external_id: { value: externalId, sensitive: true, description: 'External ID the trust policy requires' },
    });
    stack.addReadmeSection(datadogReadme(dd, partition, datadogAccountId, roleName));
    return stack;
  },
});
