import { datadogAccountFor, datadogSites } from '../../datadog/sites';
import { snapshotPermissions, type PermissionSet } from '../../datadog/permissions';
import { principalAccount } from '../../rules/iam/trust';
import type { StackView } from '../../terraform/json';
import { block, isObj, str } from '../../terraform/json';
import type { IamSubject } from './subjects';
import type { Trust } from './trust';

const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;

/** Every AWS account Datadog assumes integration roles from (src/datadog/sites.ts). */
const DATADOG_ACCOUNTS = new Set(
  datadogSites.flatMap((site) => PARTITIONS.map((p) => datadogAccountFor(site, p)).filter((a) => a !== undefined)),
);

/**
 * Whether a role is the one Datadog assumes: the role a `datadog_integration_aws_account` registers
 * (`auth_config.aws_auth_config_role.role_name`, literal or a reference), or a role trusting a Datadog account.
 */
export function isDatadogRole(view: StackView, role: IamSubject, trust: Trust | undefined): boolean {
  if (role.kind !== 'role') return false;
  for (const account of view.ofType('datadog_integration_aws_account')) {
    const auth = block(block(account.body.auth_config)?.aws_auth_config_role);
    const named = auth?.role_name;
    if (view.resolve(named, 'aws_iam_role')?.address === role.address) return true;
    if (role.name !== undefined && str(named) === role.name) return true;
  }
  return (trust?.principals ?? []).some((p) => {
    const account = p.startsWith('AWS:') ? principalAccount(p.slice(4)) : undefined;
    return account !== undefined && DATADOG_ACCOUNTS.has(account);
  });
}

/** The data sources of Datadog's provider that list its permissions, by the list they give. */
const LIVE_LIST_SOURCES: Readonly<Record<string, PermissionSet>> = {
  datadog_integration_aws_iam_permissions: 'full',
  datadog_integration_aws_iam_permissions_standard: 'standard',
};

/**
 * Which of Datadog's lists the role is granted: the one the stack's drift check reads from Datadog's provider
 * (managed mode), else the committed snapshot (or Stackwright's core list) the patterns equal; undefined when
 * neither tells (a hand-edited list, or a snapshot since refreshed).
 */
export function datadogSetName(view: StackView, patterns: ReadonlySet<string>): PermissionSet | undefined {
  const sources = new Set<PermissionSet>();
  const scan = (section: unknown): void => {
    if (!isObj(section)) return;
    for (const type of Object.keys(section)) if (LIVE_LIST_SOURCES[type]) sources.add(LIVE_LIST_SOURCES[type]);
  };
  scan(view.json.data);
  for (const check of view.ofType('check')) scan(check.body.data);
  if (sources.size === 1) return [...sources][0];
  const granted = [...patterns].sort().join('\n');
  return (['standard', 'full', 'core'] as const).find((set) => snapshotOrEmpty(set).join('\n') === granted);
}

function snapshotOrEmpty(set: PermissionSet): readonly string[] {
  try {
    return snapshotPermissions(set);
  } catch {
    return []; // a checkout without the snapshot files (an installed package): the set stays unnamed
  }
}
