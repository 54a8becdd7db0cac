import { instanceFacts } from '../aws/instance-types';
import {
  labelOf,
  num,
  refersTo,
  resolveRef,
  resourcesOf,
  type Resource,
  type TerraformResources,
} from './terraform-json';

/**
 * How many instances an Auto Scaling group runs all month, as its cluster's services imply: the group's own desired
 * (else minimum) size is only where it starts, and placement can need more.
 * - distinctInstance: "Place each task on a different container instance" (ECS developer guide,
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html): a service with N
 *   tasks needs N instances.
 * - DAEMON services ("deploys exactly one task on each active container instance", service_definition_parameters.html)
 *   add no instance, but take their memory from every one.
 * - Memory: the other tasks' reservations have to fit in what is left. Installed memory is more than ECS registers for
 *   tasks (memory-management.html), so this is a lower bound.
 * - Any EC2 service at all needs one instance (a managed-scaling group is created empty).
 * The count never exceeds the group's maximum (config validation refuses placement that needs more).
 */
export interface HostPlan {
  /** Instances priced all month. */
  readonly hosts: number;
  readonly instanceType: string;
  /** The group's desired (else minimum) size. */
  readonly startSize: number;
  /** Why `hosts` is more than `startSize`, for the README; empty when it is not. */
  readonly reasons: readonly string[];
}

/** The memory a task reserves (MiB): task-level memory, else each container's reservation (else its hard limit). */
export function taskMemoryMiB(task: Resource | undefined): number {
  if (!task) return 0;
  const taskLevel = num(task.attrs.memory, 0);
  if (taskLevel > 0) return taskLevel;
  let containers: unknown;
  try {
    containers = JSON.parse(
      typeof task.attrs.container_definitions === 'string' ? task.attrs.container_definitions : '[]',
    );
  } catch {
    return 0;
  }
  const list = (Array.isArray(containers) ? containers : []) as Record<string, unknown>[];
  return list.reduce((sum, c) => sum + num(c.memoryReservation, num(c.memory, 0)), 0);
}

/** The cluster an Auto Scaling group serves, through its capacity provider. */
function clusterOf(json: TerraformResources, group: Resource): Resource | undefined {
  const provider = resourcesOf(json, 'aws_ecs_capacity_provider').find((p) =>
    refersTo(p.attrs.auto_scaling_group_provider, group),
  );
  if (!provider) return undefined;
  const link = resourcesOf(json, 'aws_ecs_cluster_capacity_providers').find((l) =>
    refersTo(l.attrs.capacity_providers, provider),
  );
  return link ? resolveRef(json, link.attrs.cluster_name) : undefined;
}

const isDistinct = (s: Resource) =>
  JSON.stringify(s.attrs.placement_constraints ?? []).includes('"type":"distinctInstance"');

/** The instances the group runs all month, and why. */
export function hostPlan(json: TerraformResources, group: Resource): HostPlan {
  const startSize = num(group.attrs.desired_capacity, num(group.attrs.min_size, 0));
  const maxSize = num(group.attrs.max_size, Number.POSITIVE_INFINITY);
  const template = resolveRef(json, (group.attrs.launch_template as { id?: unknown } | undefined)?.id);
  const instanceType = typeof template?.attrs.instance_type === 'string' ? template.attrs.instance_type : 'unknown';
  const cluster = clusterOf(json, group);
  const services = cluster
    ? resourcesOf(json, 'aws_ecs_service').filter(
        (s) => s.attrs.launch_type !== 'FARGATE' && refersTo(s.attrs.cluster, cluster),
      )
    : [];
  const needs: { hosts: number; why: string }[] = [];
  if (services.length > 0) needs.push({ hosts: 1, why: 'the cluster runs EC2 services: at least one instance' });
  for (const s of services.filter((x) => x.attrs.scheduling_strategy !== 'DAEMON' && isDistinct(x))) {
    const tasks = num(s.attrs.desired_count, 1);
    needs.push({ hosts: tasks, why: `${labelOf(s)}: ${tasks} task(s) with distinctInstance, one per instance` });
  }
  const memory = instanceFacts(instanceType)?.memoryMiB;
  if (memory) {
    const taskOf = (s: Resource) => resolveRef(json, s.attrs.task_definition);
    const daemons = services.filter((s) => s.attrs.scheduling_strategy === 'DAEMON');
    const perHost = memory - daemons.reduce((sum, s) => sum + taskMemoryMiB(taskOf(s)), 0);
    const replicas = services.filter((s) => s.attrs.scheduling_strategy !== 'DAEMON');
    const reserved = replicas.reduce((sum, s) => sum + num(s.attrs.desired_count, 1) * taskMemoryMiB(taskOf(s)), 0);
    if (perHost > 0 && reserved > 0)
      needs.push({
        hosts: Math.ceil(reserved / perHost),
        why: `memory: ${reserved} MiB of task reservations over ${perHost} MiB per ${instanceType} after daemons`,
      });
  }
  const implied = Math.max(0, ...needs.map((n) => n.hosts));
  const hosts = Math.min(maxSize, Math.max(startSize, implied));
  const reasons = hosts > startSize ? needs.filter((n) => n.hosts > startSize).map((n) => n.why) : [];
  return { hosts, instanceType, startSize, reasons };
}

/** Every Auto Scaling group's plan, in the stack's order. */
export function hostPlans(json: TerraformResources): HostPlan[] {
  return resourcesOf(json, 'aws_autoscaling_group').map((g) => hostPlan(json, g));
}
