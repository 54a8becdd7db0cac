import { defineRule, notApplicable, verdict } from '../rule';
import { num } from '../../terraform/json';
import { hasBlock } from './ecs-model';

/** A health-check grace period applies to load balancer health checks; ECS rejects it on a service without one. */
export default defineRule({
  id: 'ECS-GracePeriodNeedsLoadBalancer',
  appliesTo: ['aws_ecs_service'],
  check: (service) => {
    const grace = num(service.body.health_check_grace_period_seconds);
    if (grace === undefined || grace === 0) return notApplicable;
    return verdict(
      hasBlock(service, 'load_balancer')
        ? []
        : [`health_check_grace_period_seconds is ${grace} but there is no load_balancer`],
    );
  },
});
