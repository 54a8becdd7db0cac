import { defineRule, notApplicable, verdict } from '../rule';
import { networkMode, taskOnFargate } from './ecs-model';

/** Fargate runs only awsvpc tasks; another (or no) network mode fails at registration or at service creation. */
export default defineRule({
  id: 'ECS-FargateAwsvpc',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task, stack) => {
    if (!taskOnFargate(task, stack)) return notApplicable;
    const mode = networkMode(task);
    if (mode === undefined) return notApplicable;
    return verdict(
      mode === 'awsvpc' ? [] : [`network_mode is ${task.body.network_mode === undefined ? 'unset' : `'${mode}'`}`],
    );
  },
});
