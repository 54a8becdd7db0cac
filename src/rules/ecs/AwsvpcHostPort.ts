import { defineRule, notApplicable, verdict } from '../rule';
import { isObj, num } from '../../terraform/json';
import { containerName, containersOf, networkMode, taskOnFargate } from './ecs-model';

/** In awsvpc mode a task owns its ports: hostPort must be empty or equal to containerPort. */
export default defineRule({
  id: 'ECS-AwsvpcHostPort',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task, stack) => {
    const awsvpc =
      networkMode(task) === 'awsvpc' || (task.body.network_mode === undefined && taskOnFargate(task, stack));
    const containers = containersOf(task);
    if (!awsvpc || !containers) return notApplicable;
    const problems: string[] = [];
    containers.forEach((c, i) => {
      const mappings = Array.isArray(c.portMappings) ? c.portMappings.filter(isObj) : [];
      for (const m of mappings) {
        const host = num(m.hostPort);
        const container = num(m.containerPort);
        if (host !== undefined && container !== undefined && host !== container) {
          problems.push(`container ${containerName(c, i)} maps hostPort ${host} to containerPort ${container}`);
        }
      }
    });
    return verdict(problems);
  },
});
