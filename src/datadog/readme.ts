import type { AwsPartition } from '../aws/partition';
import type { ReadmeSection } from '../core/stackwright-stack';
import type { DatadogConfig } from './config';
import { DRIFT_CHECK } from './permission-drift';
import { snapshotPermissions } from './permissions';
import { refreshCommandFor } from './refresh-permissions';

/** The Datadog stack's README section: how the handshake completes in the chosen mode. */
export function datadogReadme(
  dd: DatadogConfig,
  partition: AwsPartition,
  datadogAccountId: string,
  roleName: string,
): ReadmeSection {
  const trust =
    `Role \`${roleName}\`. Trusted principal: \`arn:${partition}:iam::${datadogAccountId}:root\` ` +
    `(Datadog, site \`${dd.site}\`), only with \`sts:ExternalId\`.`;
  const permissions =
    dd.permissions === 'core'
      ? "Permissions: Stackwright's core list (metrics and tags, read-only)."
      : `Permissions: the reviewed snapshot of Datadog's ${dd.permissions} list committed with ` +
        `Stackwright (${snapshotPermissions(dd.permissions).length} actions), in both modes.`;
  const body =
    dd.externalId === 'managed'
      ? [
          trust,
          '',
          'Mode `managed`: the Datadog provider generates the external ID, the trust policy uses it, and',
          '`datadog_integration_aws_account` registers the role with Datadog. Nothing is copied by hand.',
          'Set `DD_API_KEY` and `DD_APP_KEY` in the environment before `terraform apply`, and AWS credentials for the account.',
          permissions,
          ...(dd.permissions === 'core'
            ? []
            : [
                `At plan time the check \`${DRIFT_CHECK}\` reads Datadog's current list and warns with the actions it adds or`,
                `drops; the role changes only when the snapshot does: \`${refreshCommandFor(dd.permissions)}\`.`,
                'A refresh that adds a write, wildcard, `iam:` or `*` action writes nothing (exit 1) until each is',
                'accepted by name with `--accept`; synth reads the refreshed snapshot directly, no rebuild needed.',
              ]),
          'An unused external ID expires after 48 hours: apply the whole stack in one run.',
        ]
      : [
          trust,
          '',
          "Mode `manual`: copy the external ID from Datadog's AWS integration page (Role Delegation) and pass it as the",
          'sensitive variable `datadog_external_id` (for example `TF_VAR_datadog_external_id`). It is never stored in',
          'this folder. Then enter the `aws_account_id` and `role_name` outputs in Datadog.',
          permissions,
        ];
  return { heading: 'Completing the integration', body: body.join('\n') };
}
