import type { TerraformStack } from 'cdktf';
import type { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import type { PublishedSet } from './permissions';

/** The Datadog provider's data source publishing each list. */
export const LIVE_LIST_DATA_SOURCE: Readonly<Record<PublishedSet, string>> = {
  standard: 'datadog_integration_aws_iam_permissions_standard',
  full: 'datadog_integration_aws_iam_permissions',
};

/** The check block's name, for READMEs and tests. */
export const DRIFT_CHECK = 'datadog_permissions_match_snapshot';

export interface PermissionDriftCheckProps {
  /** Datadog's published list the snapshot was taken from. */
  readonly set: PublishedSet;
  /** The policies granting the committed snapshot: the check reads the actions from them, so the list is written once. */
  readonly policies: readonly IamPolicy[];
  /** The command that refreshes the snapshot, named in the warning. */
  readonly refreshCommand: string;
}

/**
 * A Terraform `check` that compares Datadog's current list (read through the Datadog provider at plan time) with
 * the snapshot the role is granted, and warns with the actions Datadog adds and drops. It never changes IAM: a
 * change to the role's permissions only ever comes from a reviewed change to the committed snapshot. The data
 * source is scoped to the check, so an unreachable Datadog API is a warning too, never a failed plan.
 */
export function addPermissionDriftCheck(stack: TerraformStack, props: PermissionDriftCheckProps): void {
  const type = LIVE_LIST_DATA_SOURCE[props.set];
  const live = `data.${type}.live.iam_permissions`;
  // Overrides are written as given (tokens are not resolved in them), so the policies are named literally. Their
  // documents are literals, known at plan time.
  const granted = props.policies.map(
    (p) => `jsondecode(aws_iam_policy.${p.friendlyUniqueId}.policy).Statement[0].Action`,
  );
  const snapshot = `flatten([${granted.join(', ')}])`;
  const added = `sort(tolist(setsubtract(toset(${live}), toset(${snapshot}))))`;
  const dropped = `sort(tolist(setsubtract(toset(${snapshot}), toset(${live}))))`;
  stack.addOverride(`check.${DRIFT_CHECK}`, {
    data: { [type]: { live: {} } },
    assert: [
      {
        condition: `\${length(${added}) == 0 && length(${dropped}) == 0}`,
        error_message:
          `Datadog's current ${props.set} permission list differs from the reviewed snapshot this role is granted ` +
          `(the role is unchanged). Datadog adds: [\${join(", ", ${added})}]; drops: [\${join(", ", ${dropped})}]. ` +
          `Review the change, then run \`${props.refreshCommand}\` and synth.`,
      },
    ],
  });
}
