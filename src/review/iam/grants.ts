import { matchAction } from '../../rules/iam/iam-actions';
import type { Statement } from '../../rules/iam/policies';
import { hasExpression } from '../../terraform/json';
import type { PolicySource } from './policy-source';

/** Every action (expanded) to the resources it applies to, for one effect. */
export type ActionMap = ReadonlyMap<string, ReadonlySet<string>>;

/** What a subject's identity policies allow and deny, with wildcards expanded. */
export interface Grants {
  /**
   * Allowed actions: IAM's own spelling for an action the catalogue knows (so `ecs:describe*` and
   * `ECS:DescribeServices` meet), `*` for every action, `* except ...` for NotAction, else the action as written.
   * Each maps to its resources as written (`NotResource x` for NotResource), with ` if {condition}` when the
   * statement has a Condition, so removing a condition shows as a new, wider resource.
   */
  readonly allow: ActionMap;
  /** Denied actions, the same way: a Deny removed widens what the Allow statements give. */
  readonly deny: ActionMap;
  /** The Allow statements' action patterns as written (Datadog's list is compared in these). */
  readonly patterns: ReadonlySet<string>;
  /** Documents only known at plan time: not expanded, compared by their text only. */
  readonly unknown: readonly PolicySource[];
}

/** Expands and merges the statements of a subject's identity policies. */
export function grantsOf(sources: readonly PolicySource[]): Grants {
  const allow = new Map<string, Set<string>>();
  const deny = new Map<string, Set<string>>();
  const patterns = new Set<string>();
  const unknown: PolicySource[] = [];
  for (const source of sources) {
    if (!source.statements) {
      unknown.push(source);
      continue;
    }
    for (const s of source.statements) {
      const into = s.effect === 'Allow' ? allow : s.effect === 'Deny' ? deny : undefined;
      if (!into) continue;
      const resources = resourcesOf(s);
      for (const action of actionsOf(s)) {
        const set = into.get(action) ?? new Set<string>();
        resources.forEach((r) => set.add(r));
        into.set(action, set);
      }
      if (s.effect === 'Allow') for (const a of s.actions ?? []) if (typeof a === 'string') patterns.add(a);
    }
  }
  return { allow, deny, patterns, unknown };
}

const expanded = new Map<string, readonly string[]>();

/** One action pattern as the actions it matches (IAM's spelling), `*`, or itself when IAM does not know it. */
export function expandAction(pattern: string): readonly string[] {
  let out = expanded.get(pattern);
  if (!out) {
    const m = hasExpression(pattern) ? undefined : matchAction(pattern);
    if (m?.kind === 'all') out = ['*'];
    else if (m?.kind === 'actions' && m.actions.length > 0) out = m.actions.map((a) => a.name);
    else out = [pattern];
    expanded.set(pattern, out);
  }
  return out;
}

function actionsOf(s: Statement): string[] {
  if (s.notActions !== undefined) return [`* except ${s.notActions.map(String).join(', ')}`];
  return (s.actions ?? []).flatMap((a) => (typeof a === 'string' ? expandAction(a) : [JSON.stringify(a)]));
}

function resourcesOf(s: Statement): string[] {
  const condition = s.condition ? ` if ${JSON.stringify(s.condition)}` : '';
  const written =
    s.notResources !== undefined
      ? s.notResources.map((r) => `NotResource ${String(r)}`)
      : (s.resources ?? ['(no Resource)']).map(String);
  return written.map((r) => `${r}${condition}`);
}

/** A resource entry that covers every resource without a condition: `*`, or NotResource (all but some). */
export function isWildcardResource(entry: string): boolean {
  return entry === '*' || (entry.startsWith('NotResource ') && !entry.includes(' if {'));
}
