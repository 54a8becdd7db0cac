import { defineRule, notApplicable, verdict } from '../rule';
import { num } from '../../terraform/json';
import { containerName, containersOf, taskCpu, taskMemory } from './ecs-model';

/**
 * Containers must fit their task: each container's memory within the task's, the memory they reserve together
 * (memoryReservation, else memory) and their CPU within the task's; a reservation within its container's limit;
 * and without task-level memory every container needs memory or memoryReservation.
 */
export default defineRule({
  id: 'ECS-ContainerWithinTask',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task) => {
    const containers = containersOf(task);
    if (!containers) return notApplicable;
    const memory = taskMemory(task);
    const cpu = taskCpu(task);
    const problems: string[] = [];
    let reserved = 0;
    let cpus = 0;
    containers.forEach((c, i) => {
      const name = containerName(c, i);
      const hard = num(c.memory);
      const soft = num(c.memoryReservation);
      reserved += soft ?? hard ?? 0;
      cpus += num(c.cpu) ?? 0;
      if (task.body.memory === undefined && c.memory === undefined && c.memoryReservation === undefined) {
        problems.push(`container ${name} sets neither memory nor memoryReservation, and the task sets no memory`);
      }
      if (memory !== undefined && hard !== undefined && hard > memory)
        problems.push(`container ${name} memory ${hard} exceeds the task's ${memory}`);
      if (hard !== undefined && soft !== undefined && soft > hard)
        problems.push(`container ${name} memoryReservation ${soft} exceeds its memory ${hard}`);
    });
    if (memory !== undefined && reserved > memory)
      problems.push(`containers reserve ${reserved} MiB together, more than the task's ${memory}`);
    if (cpu !== undefined && cpus > cpu)
      problems.push(`containers' cpu adds up to ${cpus}, more than the task's ${cpu}`);
    return verdict(problems);
  },
});
