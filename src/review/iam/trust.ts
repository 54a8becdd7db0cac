import { principalAccount } from '../../rules/iam/trust';
import { isObj } from '../../terraform/json';
import type { PolicySource } from './policy-source';

/** Who may assume a role, read from its trust policy. */
export interface Trust {
  /** `type:identifier` (`AWS:arn:aws:iam::123456789012:root`, `Service:ecs-tasks.amazonaws.com`) or `*`, sorted. */
  readonly principals: readonly string[];
  /** The sts:ExternalId conditions, `operator value`, as written (references included), sorted. */
  readonly externalIds: readonly string[];
}

/**
 * The actions by which a principal takes a role's credentials. IAM User Guide, "Update a role trust policy": "To
 * change who can assume a role, you must modify the role's trust policy"; the three operations are AssumeRole,
 * AssumeRoleWithSAML and AssumeRoleWithWebIdentity ("Permissions for AssumeRole, AssumeRoleWithSAML, and
 * AssumeRoleWithWebIdentity", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_assumerole.html).
 */
const ASSUME = /^(\*|sts:\*|sts:assumerole\*?|sts:assumerolewithsaml|sts:assumerolewithwebidentity)$/i;

/** The trust of a role, or undefined when its trust policy is only known at plan time. */
export function trustOf(source: PolicySource | undefined): Trust | undefined {
  if (!source?.statements) return undefined;
  const principals = new Set<string>();
  const externalIds = new Set<string>();
  for (const s of source.statements) {
    if (s.effect !== 'Allow') continue;
    if (!(s.actions ?? []).some((a) => typeof a === 'string' && ASSUME.test(a))) continue;
    principalsOf(s.principal).forEach((p) => principals.add(p));
    for (const [operator, keys] of Object.entries(s.condition ?? {})) {
      if (!isObj(keys)) continue;
      for (const [key, value] of Object.entries(keys)) {
        if (key.toLowerCase() !== 'sts:externalid') continue;
        const values = Array.isArray(value) ? value : [value];
        externalIds.add(`${operator} ${values.map(String).join(', ')}`);
      }
    }
  }
  return { principals: [...principals].sort(), externalIds: [...externalIds].sort() };
}

function principalsOf(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  if (!isObj(principal)) return [];
  return Object.entries(principal).flatMap(([type, ids]) =>
    (Array.isArray(ids) ? ids : [ids]).map((id) => (id === '*' && type === 'AWS' ? '*' : `${type}:${String(id)}`)),
  );
}

/**
 * The account of an AWS principal when it is literal and not one of `own`; `*` for anyone. Principals built from
 * references (`${data.aws_caller_identity.caller.account_id}`) count as this account, as in IAM-CrossAccountExternalId.
 */
export function foreignAccount(principal: string, own: readonly string[]): string | undefined {
  if (principal === '*') return '*';
  if (!principal.startsWith('AWS:')) return undefined;
  const account = principalAccount(principal.slice(4));
  return account !== undefined && !own.includes(account) ? account : undefined;
}
