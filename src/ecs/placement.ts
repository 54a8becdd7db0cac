import type { ConfigIssue } from '../core/config-issue';

/**
 * ECS placement in plain types: what ClusterService's props take, and the rules ECS applies to strategies and
 * constraints (the config schema in ./placement-config.ts runs the same rules and reports them with the config path).
 */

/** ECS's limits on one service (CreateService API reference). */
export const MAX_PLACEMENT_STRATEGIES = 5;
export const MAX_PLACEMENT_CONSTRAINTS = 10;
export const MAX_EXPRESSION_LENGTH = 2000;

export const PLACEMENT_STRATEGY_TYPES = ['binpack', 'random', 'spread'] as const;
export const PLACEMENT_CONSTRAINT_TYPES = ['distinctInstance', 'memberOf'] as const;

/** How ECS picks an instance for a task. */
export interface PlacementStrategy {
  /** binpack (fewest instances), random, or spread (evenly over a field). */
  readonly type: (typeof PLACEMENT_STRATEGY_TYPES)[number];
  /**
   * binpack: cpu or memory; spread: instanceId, host or attribute:<name>; random: none.
   * @default none (random only)
   */
  readonly field?: string;
}

/** A rule every instance a task is placed on must satisfy. */
export interface PlacementConstraint {
  /** distinctInstance (one task per instance) or memberOf (instances matching the expression). */
  readonly type: (typeof PLACEMENT_CONSTRAINT_TYPES)[number];
  /**
   * Cluster query language expression (memberOf only), e.g. `attribute:ecs.instance-type =~ t3.*`.
   * @default none (distinctInstance only)
   */
  readonly expression?: string;
}

/** A service's placement strategies and constraints (EC2 only). */
export interface ServicePlacement {
  /**
   * Tried in order; at most 5.
   * @default []
   */
  readonly strategies?: readonly PlacementStrategy[];
  /**
   * At most 10, counting the distinctInstance a reconciled service always gets.
   * @default []
   */
  readonly constraints?: readonly PlacementConstraint[];
}

const SPREAD_FIELDS = 'instanceId, host, or attribute:<name> such as attribute:ecs.availability-zone';

/** What ECS would reject in one strategy. */
function strategyIssue(s: PlacementStrategy): Omit<ConfigIssue, 'path'> | undefined {
  switch (s.type) {
    case 'binpack':
      if (s.field === 'cpu' || s.field === 'memory') return undefined;
      return s.field === undefined
        ? { message: 'binpack needs a field', allowed: 'cpu, memory' }
        : { message: `binpack cannot use field '${s.field}'`, allowed: 'cpu, memory' };
    case 'random':
      return s.field === undefined ? undefined : { message: 'random takes no field', allowed: 'remove field' };
    case 'spread':
      if (s.field === 'instanceId' || s.field === 'host' || /^attribute:[A-Za-z0-9._-]+$/.test(s.field ?? ''))
        return undefined;
      return s.field === undefined
        ? { message: 'spread needs a field', allowed: SPREAD_FIELDS }
        : { message: `spread cannot use field '${s.field}'`, allowed: SPREAD_FIELDS };
  }
}

function constraintIssue(c: PlacementConstraint): Omit<ConfigIssue, 'path'> | undefined {
  if (c.type === 'memberOf' && c.expression === undefined) {
    return {
      message: 'memberOf needs an expression',
      allowed: 'a cluster query language expression, e.g. attribute:ecs.instance-type =~ t3.*',
    };
  }
  if (c.type === 'distinctInstance' && c.expression !== undefined) {
    return { message: 'distinctInstance takes no expression', allowed: 'remove expression, or use type memberOf' };
  }
  return undefined;
}

/**
 * The constraints a service is created with: a reconciled service always carries distinctInstance (that is what
 * makes "desired count = number of hosts" mean one task per host), once.
 */
export function effectiveConstraints(
  constraints: readonly PlacementConstraint[],
  reconciled: boolean,
): PlacementConstraint[] {
  if (!reconciled) return [...constraints];
  return [{ type: 'distinctInstance' }, ...constraints.filter((c) => c.type !== 'distinctInstance')];
}

/** Strategy and constraint rules that hold for every service. Paths are relative to the placement object. */
export function placementIssues(p: Required<ServicePlacement>, reconciled: boolean): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (p.strategies.length > MAX_PLACEMENT_STRATEGIES) {
    issues.push({
      path: ['strategies'],
      message: `${p.strategies.length} placement strategies`,
      allowed: `at most ${MAX_PLACEMENT_STRATEGIES}`,
    });
  }
  const constraints = effectiveConstraints(p.constraints, reconciled).length;
  if (constraints > MAX_PLACEMENT_CONSTRAINTS) {
    const implied =
      reconciled && !p.constraints.some((c) => c.type === 'distinctInstance')
        ? ' (with the implied distinctInstance)'
        : '';
    issues.push({
      path: ['constraints'],
      message: `${constraints} placement constraints${implied}`,
      allowed: `at most ${MAX_PLACEMENT_CONSTRAINTS}`,
    });
  }
  p.strategies.forEach((s, i) => {
    const issue = strategyIssue(s);
    if (issue) issues.push({ path: ['strategies', i, 'field'], ...issue });
  });
  p.constraints.forEach((c, i) => {
    const issue = constraintIssue(c);
    if (issue) issues.push({ path: ['constraints', i, 'expression'], ...issue });
  });
  return issues;
}
