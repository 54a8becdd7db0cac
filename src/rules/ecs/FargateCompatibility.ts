import { defineRule, notApplicable, verdict } from '../rule';
import { list } from '../../terraform/json';
import { serviceOnFargate, taskOf } from './ecs-model';

/** A Fargate service must run a task definition that declares FARGATE in requires_compatibilities. */
export default defineRule({
  id: 'ECS-FargateCompatibility',
  appliesTo: ['aws_ecs_service'],
  check: (service, stack) => {
    const task = taskOf(service, stack);
    if (!task || serviceOnFargate(service, stack) !== true) return notApplicable;
    const compat = list(task.body.requires_compatibilities);
    if (compat === undefined) return notApplicable;
    return verdict(
      compat.includes('FARGATE') ? [] : [`${task.address} does not list FARGATE in requires_compatibilities`],
    );
  },
});
