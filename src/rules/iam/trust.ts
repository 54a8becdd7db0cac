import type { Statement } from './policies';
import { hasExpression, isObj } from '../../terraform/json';

/** The AWS principals of a statement, as written (strings only). */
export function awsPrincipals(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  if (!isObj(principal) || principal.AWS === undefined) return [];
  const list = Array.isArray(principal.AWS) ? principal.AWS : [principal.AWS];
  return list.filter((p): p is string => typeof p === 'string');
}

/** Whether a statement grants sts:AssumeRole (directly or by wildcard). */
export function grantsAssumeRole(s: Statement): boolean {
  return (s.actions ?? []).some((a) => typeof a === 'string' && /^(\*|sts:\*|sts:assumerole)$/i.test(a));
}

/** The 12-digit account in a principal (`123456789012` or `arn:...:iam::123456789012:...`), when literal. */
export function principalAccount(p: string): string | undefined {
  if (hasExpression(p)) return undefined;
  if (/^\d{12}$/.test(p)) return p;
  return /^arn:[^:]+:iam::(\d{12}):/.exec(p)?.[1];
}

/** Whether a condition block requires sts:ExternalId under any operator. */
export function requiresExternalId(condition: Record<string, unknown> | undefined): boolean {
  return Object.values(condition ?? {}).some(
    (keys) => isObj(keys) && Object.keys(keys).some((k) => k.toLowerCase() === 'sts:externalid'),
  );
}
