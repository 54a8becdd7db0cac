import type { AwsPartition } from '../config/common';
import type { ReadmeSection } from '../core/stackwright-stack';
import type { DatadogConfig } from './config';

/** The Datadog stack's README section: how the handshake completes in the chosen mode. */
export function datadogReadme(dd: DatadogConfig, partition: AwsPartition, datadogAccountId: string): ReadmeSection {
  const trust = `Trusted principal: \`arn:${partition}:iam::${datadogAccountId}:root\` (Datadog, site \`${dd.site}\`), only with \`sts:ExternalId\`.`;
  const body =
    dd.externalId === 'managed'
      ? [
          trust,
          '',
          'Mode `managed`: the Datadog provider generates the external ID, the trust policy uses it, and',
          '`datadog_integration_aws_account` registers the role with Datadog. Nothing is copied by hand.',
          'Set `DD_API_KEY` and `DD_APP_KEY` in the environment before `terraform apply`, and AWS credentials for the account.',
          'The permission list is read from the Datadog provider at plan time, so it follows Datadog\'s list.',
          'An unused external ID expires after 48 hours: apply the whole stack in one run.',
        ]
      : [
          trust,
          '',
          "Mode `manual`: copy the external ID from Datadog's AWS integration page (Role Delegation) and pass it as the",
          'sensitive variable `datadog_external_id` (for example `TF_VAR_datadog_external_id`). It is never stored in',
          'this folder. Then enter the `aws_account_id` and `role_name` outputs in Datadog. Permissions come from the',
          "snapshot of Datadog's list shipped with Stackwright.",
        ];
  return { heading: 'Completing the integration', body: body.join('\n') };
}
