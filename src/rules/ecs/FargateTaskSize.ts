import { defineRule, notApplicable, verdict } from '../rule';
import { taskCpu, taskMemory, taskOnFargate } from './ecs-model';
import { FARGATE_SIZES, describeAllowedMemory } from './fargate-sizes';

/** A Fargate task's CPU and memory must be one of the pairs Fargate offers; AWS rejects others at apply time. */
export default defineRule({
  id: 'ECS-FargateTaskSize',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task, stack) => {
    const cpu = taskCpu(task);
    const memory = taskMemory(task);
    if (cpu === undefined || memory === undefined || !taskOnFargate(task, stack)) return notApplicable;
    const allowed = FARGATE_SIZES.get(cpu);
    if (!allowed) return verdict([`cpu ${cpu} is not a Fargate size (allowed: ${[...FARGATE_SIZES.keys()].join(', ')})`]);
    if (!allowed.includes(memory)) return verdict([`cpu ${cpu} with memory ${memory} (cpu ${cpu} allows ${describeAllowedMemory(cpu)})`]);
    return verdict([]);
  },
});
