import { defineRule, notApplicable, verdict } from '../rule';
import { taskOnFargate } from './ecs-model';

/** Fargate sizes a task from its task-level cpu and memory; container-level values alone are rejected. */
export default defineRule({
  id: 'ECS-FargateTaskCpuMemory',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task, stack) => {
    if (!taskOnFargate(task, stack)) return notApplicable;
    const missing = (['cpu', 'memory'] as const).filter((k) => task.body[k] === undefined || task.body[k] === null);
    return verdict(missing.map((k) => `task-level ${k} is not set`));
  },
});
