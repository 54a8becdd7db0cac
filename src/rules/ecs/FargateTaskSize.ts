import { defineRule, notApplicable, verdict } from '../rule';
import { taskCpu, taskMemory, taskOnFargate } from './ecs-model';
import { FARGATE_CPU_VALUES, describeFargateMemory, isFargateSize } from '../../aws/fargate';

/** A Fargate task's CPU and memory must be one of the pairs Fargate offers; AWS rejects others at apply time. */
export default defineRule({
  id: 'ECS-FargateTaskSize',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task, stack) => {
    const cpu = taskCpu(task);
    const memory = taskMemory(task);
    if (cpu === undefined || memory === undefined || !taskOnFargate(task, stack)) return notApplicable;
    const allowed = describeFargateMemory(cpu);
    if (allowed === undefined)
      return verdict([`cpu ${cpu} is not a Fargate size (allowed: ${FARGATE_CPU_VALUES.join(', ')})`]);
    if (!isFargateSize(cpu, memory))
      return verdict([`cpu ${cpu} with memory ${memory} (cpu ${cpu} allows ${allowed} MiB)`]);
    return verdict([]);
  },
});
