import type { PermissionSet } from '../../datadog/permissions';
import { isWildcardResource, type ActionMap, type Grants } from './grants';
import type { IamSubject } from './subjects';
import type { Trust } from './trust';

/** One subject of one side (base or head), read and expanded. */
export interface SubjectState {
  readonly subject: IamSubject;
  readonly grants: Grants;
  /** Roles only; undefined when the trust policy is only known at plan time. */
  readonly trust: Trust | undefined;
  /** Set when this is the role Datadog assumes: the list it is granted, when it can be named. */
  readonly datadog: { readonly set: PermissionSet | undefined } | undefined;
}

/** Actions whose resources gained an unconditioned `*` (or NotResource), grouped by the same before and after. */
export interface ResourceWidening {
  readonly actions: readonly string[];
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** What changed between the base and head state of one subject, before flags. */
export interface Changes {
  readonly granted: readonly string[];
  readonly revoked: readonly string[];
  readonly widened: readonly ResourceWidening[];
  readonly denyAdded: readonly string[];
  readonly denyRemoved: readonly string[];
  readonly externalPoliciesAttached: readonly string[];
  readonly externalPoliciesDetached: readonly string[];
  readonly principalsAdded: readonly string[];
  readonly principalsRemoved: readonly string[];
  /** The sts:ExternalId conditions before and after, when they differ. */
  readonly externalId: { readonly before: readonly string[]; readonly after: readonly string[] } | undefined;
  /** Policy documents only known at plan time that are new or whose text changed (`where` of each). */
  readonly unreadableChanged: readonly string[];
  /** The Datadog role's permission list (patterns as Datadog publishes them), when it changed. */
  readonly datadog:
    | {
        readonly setBefore: PermissionSet | undefined;
        readonly setAfter: PermissionSet | undefined;
        readonly added: readonly string[];
        readonly removed: readonly string[];
      }
    | undefined;
}

const EMPTY: ActionMap = new Map();

export function changesOf(base: SubjectState | undefined, head: SubjectState | undefined): Changes {
  const b = base?.grants;
  const h = head?.grants;
  const bTrust = base?.trust;
  const hTrust = head?.trust;
  const externalIdDiffers =
    bTrust !== undefined && hTrust !== undefined && bTrust.externalIds.join('\n') !== hTrust.externalIds.join('\n');
  const datadogPatterns = (s: SubjectState | undefined) => (s?.datadog ? [...s.grants.patterns] : []);
  const ddAdded = minus(datadogPatterns(head), datadogPatterns(base));
  const ddRemoved = minus(datadogPatterns(base), datadogPatterns(head));
  const ddSetChanged = base?.datadog?.set !== head?.datadog?.set && (base?.datadog ?? head?.datadog) !== undefined;
  return {
    granted: minus(keys(h?.allow), keys(b?.allow)),
    revoked: minus(keys(b?.allow), keys(h?.allow)),
    widened: widenings(b?.allow ?? EMPTY, h?.allow ?? EMPTY),
    denyAdded: minus(keys(h?.deny), keys(b?.deny)),
    denyRemoved: minus(keys(b?.deny), keys(h?.deny)),
    externalPoliciesAttached: minus(head?.subject.externalPolicies ?? [], base?.subject.externalPolicies ?? []),
    externalPoliciesDetached: minus(base?.subject.externalPolicies ?? [], head?.subject.externalPolicies ?? []),
    principalsAdded: minus(hTrust?.principals ?? [], bTrust?.principals ?? []),
    principalsRemoved: minus(bTrust?.principals ?? [], hTrust?.principals ?? []),
    unreadableChanged: unreadable(base, head),
    externalId: externalIdDiffers ? { before: bTrust.externalIds, after: hTrust.externalIds } : undefined,
    datadog:
      ddAdded.length + ddRemoved.length > 0 || ddSetChanged
        ? { setBefore: base?.datadog?.set, setAfter: head?.datadog?.set, added: ddAdded, removed: ddRemoved }
        : undefined,
  };
}

/** Whether anything changed at all. */
export function isEmpty(c: Changes): boolean {
  return (
    [
      c.granted,
      c.revoked,
      c.widened,
      c.denyAdded,
      c.denyRemoved,
      c.externalPoliciesAttached,
      c.externalPoliciesDetached,
      c.principalsAdded,
      c.principalsRemoved,
      c.unreadableChanged,
    ].every((l) => l.length === 0) &&
    c.externalId === undefined &&
    c.datadog === undefined
  );
}

function unreadable(base: SubjectState | undefined, head: SubjectState | undefined): string[] {
  const sources = (s: SubjectState | undefined) => [
    ...(s?.grants.unknown ?? []),
    ...(s?.subject.trust && !s.subject.trust.statements ? [s.subject.trust] : []),
  ];
  const known = new Set(sources(base).map((p) => `${p.where}\n${p.text}`));
  return minus(
    sources(head)
      .filter((p) => !known.has(`${p.where}\n${p.text}`))
      .map((p) => p.where),
    [],
  );
}

function widenings(base: ActionMap, head: ActionMap): ResourceWidening[] {
  const groups = new Map<string, { actions: string[]; before: string[]; after: string[] }>();
  for (const [action, after] of head) {
    const before = base.get(action);
    if (!before) continue; // a new action is a grant, not a widening
    if (![...after].some((r) => !before.has(r) && isWildcardResource(r))) continue;
    const entry = { before: [...before].sort(), after: [...after].sort() };
    const key = JSON.stringify(entry);
    const group = groups.get(key) ?? { actions: [], ...entry };
    group.actions.push(action);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, actions: g.actions.sort() }))
    .sort((x, y) => compareText(x.actions[0], y.actions[0]));
}

function keys(map: ActionMap | undefined): string[] {
  return [...(map ?? EMPTY).keys()];
}

/** The members of `a` not in `b`, sorted (code-unit order: the same on every machine and locale). */
export function minus(a: Iterable<string>, b: Iterable<string>): string[] {
  const drop = new Set(b);
  return [...new Set(a)].filter((x) => !drop.has(x)).sort(compareText);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
