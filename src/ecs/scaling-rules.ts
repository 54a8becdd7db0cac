import type { ConfigIssue } from '../core/config-issue';
import type { Ec2CapacityOptions } from './ec2-capacity-options';
import type { ServiceShape } from './service-shape';

/**
 * How a cluster's Auto Scaling group may be sized, from what AWS documents (the quotes are the reasons; the
 * test/ecs/scaling model encodes the same rules):
 * - Managed scale-in (docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-scaling-behavior.html): "When a
 *   container instance isn't running any tasks, the container instance is considered empty and Amazon ECS starts the
 *   scale-in process", and "A container instance is considered empty even when daemon tasks are running". A
 *   reconciled service runs a REPLICA task on every instance, so no instance is ever empty: managed scaling never
 *   scales in. Such clusters use the group's own scaling policy instead (`memoryReservation`).
 * - An empty group first (asg-capacity-providers.html): "To create an empty Auto Scaling group, set the desired count
 *   to zero. After you created the capacity provider and associated it with a cluster, you can then scale it out."
 *   Managed scaling does that scale-out: "When a scale-out process is required and there are no currently running
 *   container instances, Amazon ECS always scales-out to two instances initially" (managed-scaling-behavior.html),
 *   for tasks that use the capacity provider ("A pending task that doesn't have a capacity provider strategy won't
 *   cause any capacity provider to scale out").
 * - The cluster's MemoryReservation metric (available-metrics.html): "These metrics are collected for resources that
 *   have tasks in the RUNNING state. If a cluster ... has no running tasks, no metrics will be reported", so a group
 *   sized by it cannot start from zero; and a reservation never exceeds 100%, so a target of 100 never scales out.
 */

/** What the scaling rules read of a cluster (fields as Ec2CapacityOptions and ServiceShape declare them). */
export interface ScalingShape {
  readonly capacity: Pick<Required<Ec2CapacityOptions>, 'scaling' | 'minSize' | 'targetCapacityPercent'> &
    Pick<Ec2CapacityOptions, 'desiredSize'>;
  readonly services: readonly Pick<ServiceShape, 'oneTaskPerHost' | 'launchType'>[];
}

const OWN_POLICY = 'scaling: memoryReservation (the group scales with its own policy, no managed scaling)';

/** Paths are relative to the cluster. */
export function scalingIssues(cluster: ScalingShape): ConfigIssue[] {
  const { scaling, minSize, desiredSize, targetCapacityPercent } = cluster.capacity;
  const issues: ConfigIssue[] = [];
  const add = (field: string, message: string, allowed: string) =>
    issues.push({ path: ['capacity', field], message, allowed });
  if (scaling === 'managed') {
    if (cluster.services.some((s) => s.oneTaskPerHost === 'reconciled'))
      add(
        'scaling',
        'managed scaling never scales in a cluster with a reconciled service: ECS scales in only instances that run no tasks but daemon tasks, and a reconciled service runs a REPLICA task on every instance',
        `${OWN_POLICY}, or oneTaskPerHost: daemon`,
      );
    if (minSize > 0)
      add(
        'minSize',
        `minSize ${minSize} with managed scaling: the group is created empty (desired 0) so that no instance registers before its capacity provider exists`,
        `0 (managed scaling adds instances for the tasks), or ${OWN_POLICY}`,
      );
    if (desiredSize !== undefined && desiredSize > 0)
      add(
        'desiredSize',
        `desiredSize ${desiredSize} with managed scaling: the group is created empty`,
        `0, or ${OWN_POLICY}`,
      );
  } else {
    if (minSize < 1)
      add(
        'minSize',
        'minSize 0 with memoryReservation: ECS reports no MemoryReservation for a cluster without running tasks, so the policy would never add the first instance',
        '1 or more',
      );
    if (targetCapacityPercent >= 100)
      add(
        'targetCapacityPercent',
        `target ${targetCapacityPercent}% of MemoryReservation: a reservation never exceeds 100%, so the group would never grow`,
        '1 to 99 (75 by default)',
      );
  }
  return issues;
}
