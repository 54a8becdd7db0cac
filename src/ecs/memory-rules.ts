import { instanceFacts } from '../aws/instance-types';
import type { ConfigIssue } from '../core/config-issue';
import type { Ec2CapacityOptions } from './ec2-capacity-options';
import type { ServiceShape } from './service-shape';

/**
 * Memory an EC2 service asks for that no instance of its cluster has. "Because of platform memory overhead and memory
 * occupied by the system kernel, this number is different than the installed memory amount that is advertised for
 * Amazon EC2 instances" (ECS developer guide, "Reserving Amazon ECS Linux container instance memory",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html): ECS registers less memory for
 * tasks than the instance type's installed memory, so a container (or a task) that asks for more than the installed
 * memory can never be placed. Refused here against the installed memory from the instance-type table
 * (src/aws/instance-types.ts); what fits the installed memory but not the registered memory depends on the AMI and
 * the agent's ECS_RESERVED_MEMORY and is not judged. A type the table does not hold is not judged either: the config
 * accepts any instance-type-shaped name, and a guess at its memory would refuse valid configs. The shape's fields are
 * those of Ec2CapacityOptions and ServiceShape.
 */
export interface MemoryShape {
  readonly capacity: Pick<Required<Ec2CapacityOptions>, 'instanceType'>;
  readonly services: readonly (Pick<ServiceShape, 'launchType' | 'memory'> & {
    readonly containers: readonly Pick<ServiceShape['containers'][number], 'memory' | 'memoryReservation'>[];
  })[];
}

/** Paths are relative to the cluster. */
export function memoryIssues(cluster: MemoryShape): ConfigIssue[] {
  const { instanceType } = cluster.capacity;
  const installed = instanceFacts(instanceType)?.memoryMiB;
  if (installed === undefined) return [];
  const allowed = `at most ${installed} MiB (less in practice: ECS keeps some for the OS and agent), or a larger capacity.instanceType`;
  const issues: ConfigIssue[] = [];
  cluster.services.forEach((s, i) => {
    if (s.launchType !== 'ec2') return;
    s.containers.forEach((c, j) => {
      for (const field of ['memory', 'memoryReservation'] as const) {
        const asked = c[field];
        if (asked !== undefined && asked > installed)
          issues.push({
            path: ['services', i, 'containers', j, field],
            message: `${asked} MiB is more than a ${instanceType} has (${installed} MiB installed): no instance can place it`,
            allowed,
          });
      }
    });
    // The task as a whole: task-level memory, else what its containers reserve (reservation, else hard limit).
    const sum = s.containers.reduce((n, c) => n + (c.memoryReservation ?? c.memory ?? 0), 0);
    const task = s.memory ?? sum;
    const single = s.containers.some((c) => (c.memoryReservation ?? c.memory ?? 0) > installed);
    if (task > installed && !(s.memory === undefined && single))
      issues.push({
        path: s.memory !== undefined ? ['services', i, 'memory'] : ['services', i, 'containers'],
        message: `the task needs ${task} MiB, more than a ${instanceType} has (${installed} MiB installed): no instance can place it`,
        allowed,
      });
  });
  return issues;
}
