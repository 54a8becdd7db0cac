import { defineRule, notApplicable, verdict } from '../rule';
import { block, num, str } from '../../terraform/json';
import { hasBlock, serviceOnFargate } from './ecs-model';

/**
 * A DAEMON service runs one task per container instance: ECS rejects it on Fargate, with a desired count, with
 * placement strategies, with a maximum percent other than 100, or with a CODE_DEPLOY/EXTERNAL controller; service
 * auto scaling has nothing to scale.
 */
export default defineRule({
  id: 'ECS-DaemonService',
  appliesTo: ['aws_ecs_service'],
  check: (service, stack) => {
    if (str(service.body.scheduling_strategy) !== 'DAEMON') return notApplicable;
    const problems: string[] = [];
    if (serviceOnFargate(service, stack) === true) problems.push('it runs on Fargate');
    if (service.body.desired_count !== undefined) problems.push('desired_count is set');
    if (hasBlock(service, 'ordered_placement_strategy')) problems.push('ordered_placement_strategy is set');
    const maxPercent = num(service.body.deployment_maximum_percent);
    if (maxPercent !== undefined && maxPercent !== 100) problems.push(`deployment_maximum_percent is ${maxPercent}`);
    const controller = str(block(service.body.deployment_controller)?.type);
    if (controller && controller !== 'ECS') problems.push(`deployment_controller is ${controller}`);
    const scaling = stack
      .referencing(service, 'aws_appautoscaling_target', 'resource_id')
      .filter((t) => str(t.body.service_namespace) === 'ecs');
    for (const t of scaling) problems.push(`${t.address} auto-scales it`);
    return verdict(problems);
  },
});
