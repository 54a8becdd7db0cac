import { defineRule, notApplicable, verdict } from '../rule';
import { hasBlock } from './ecs-model';

/** ECS takes a launch type or a capacity provider strategy, never both. */
export default defineRule({
  id: 'ECS-LaunchTypeOrCapacityProvider',
  appliesTo: ['aws_ecs_service'],
  check: (service) => {
    if (service.body.launch_type === undefined) return notApplicable;
    return verdict(
      hasBlock(service, 'capacity_provider_strategy')
        ? ['both launch_type and capacity_provider_strategy are set']
        : [],
    );
  },
});
