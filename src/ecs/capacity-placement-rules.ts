import type { ConfigIssue } from '../core/config-issue';
import type { Ec2CapacityOptions } from './ec2-capacity-options';
import type { ServiceShape } from './service-shape';

/**
 * Placement that the cluster's Auto Scaling group can never satisfy. It launches one instance type, at most maxSize
 * instances, so:
 * - distinctInstance: "Place each task on a different container instance" (ECS developer guide,
 *   task-placement-constraints.html): more tasks than maxSize can never all run;
 * - memberOf on `attribute:ecs.instance-type`: "Expressions have the following syntax: subject operator [argument]",
 *   with the operators equals (==), not_equals (!=), in, not_in (!in), matches (=~), not_matches (!~)
 *   (cluster-query-language.html). A single such clause that the group's instance type fails leaves no instance
 *   for the service. Compound expressions (and, or) are not judged.
 */

/** What these rules read of a cluster (fields as Ec2CapacityOptions and ServiceShape declare them). */
export interface CapacityPlacementShape {
  readonly capacity: Pick<Required<Ec2CapacityOptions>, 'instanceType' | 'maxSize'>;
  readonly services: readonly (Pick<ServiceShape, 'oneTaskPerHost' | 'launchType' | 'desiredCount'> & {
    readonly placement: Pick<ServiceShape['placement'], 'constraints'>;
  })[];
}

const CLAUSE = /^\s*attribute:ecs\.instance-type\s+(==|!=|=~|!~|in|not_in|!in)\s+(.+?)\s*$/;

/** Whether an instance type satisfies a single instance-type clause; undefined when the expression is not one. */
export function instanceTypeSatisfies(expression: string, instanceType: string): boolean | undefined {
  if (/\s(and|or)\s|[()]/i.test(expression)) return undefined;
  const m = CLAUSE.exec(expression);
  if (!m) return undefined;
  const [, op, arg] = m as unknown as [string, string, string];
  const list = () =>
    arg
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((v) => v.trim());
  // Read a pattern both as a glob and as a regular expression: refuse only what fails both readings.
  const matches = () => {
    const glob = new RegExp(`^${arg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    const regex = (() => {
      try {
        return new RegExp(`^(?:${arg})$`).test(instanceType);
      } catch {
        return false;
      }
    })();
    return glob.test(instanceType) || regex;
  };
  switch (op) {
    case '==':
      return arg === instanceType;
    case '!=':
      return arg !== instanceType;
    case 'in':
      return list().includes(instanceType);
    case 'not_in':
    case '!in':
      return !list().includes(instanceType);
    case '=~':
      return matches();
    default:
      return !matches();
  }
}

/** Paths are relative to the cluster. */
export function capacityPlacementIssues(cluster: CapacityPlacementShape): ConfigIssue[] {
  const { instanceType, maxSize } = cluster.capacity;
  const issues: ConfigIssue[] = [];
  cluster.services.forEach((s, i) => {
    if (s.launchType !== 'ec2') return;
    const desired = s.desiredCount ?? 1;
    const distinct = s.placement.constraints.some((c) => c.type === 'distinctInstance');
    if (s.oneTaskPerHost === undefined && distinct && desired > maxSize)
      issues.push({
        path: ['services', i, 'desiredCount'],
        message: `${desired} tasks with distinctInstance need ${desired} instances; the group launches at most ${maxSize}`,
        allowed: `at most ${maxSize}, or raise capacity.maxSize`,
      });
    s.placement.constraints.forEach((c, j) => {
      if (c.type !== 'memberOf' || c.expression === undefined) return;
      if (instanceTypeSatisfies(c.expression, instanceType) === false)
        issues.push({
          path: ['services', i, 'placement', 'constraints', j, 'expression'],
          message: `the cluster's Auto Scaling group launches only ${instanceType}, which '${c.expression}' excludes: no task can be placed`,
          allowed: `an expression ${instanceType} satisfies, or another capacity.instanceType`,
        });
    });
  });
  return issues;
}
