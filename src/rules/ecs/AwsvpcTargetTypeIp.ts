import { defineRule, notApplicable, verdict } from '../rule';
import { blocks, str } from '../../terraform/json';
import { networkMode, taskOf } from './ecs-model';

/** awsvpc tasks register by IP address: their target groups need target_type "ip" (the default is "instance"). */
export default defineRule({
  id: 'ECS-AwsvpcTargetTypeIp',
  appliesTo: ['aws_ecs_service'],
  check: (service, stack) => {
    const task = taskOf(service, stack);
    const balancers = blocks(service.body.load_balancer);
    if (!task || !balancers || balancers.length === 0 || networkMode(task) !== 'awsvpc') return notApplicable;
    const problems: string[] = [];
    for (const lb of balancers) {
      const group = stack.resolve(lb.target_group_arn, 'aws_lb_target_group', 'aws_alb_target_group');
      if (!group) continue;
      const type = group.body.target_type === undefined ? 'instance' : str(group.body.target_type);
      if (type !== undefined && type !== 'ip') problems.push(`${group.address} has target_type '${type}'`);
    }
    return verdict(problems);
  },
});
