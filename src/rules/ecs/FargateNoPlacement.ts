import { defineRule, notApplicable, verdict } from '../rule';
import { hasBlock, serviceOnFargate, taskOnFargate } from './ecs-model';

/** Fargate places tasks itself: placement strategies and constraints are rejected on Fargate services and tasks. */
export default defineRule({
  id: 'ECS-FargateNoPlacement',
  appliesTo: ['aws_ecs_service', 'aws_ecs_task_definition'],
  check: (b, stack) => {
    const fargate = b.type === 'aws_ecs_service' ? serviceOnFargate(b, stack) : taskOnFargate(b, stack);
    if (fargate !== true) return notApplicable;
    return verdict(
      ['ordered_placement_strategy', 'placement_constraints'].filter((k) => hasBlock(b, k)).map((k) => `${k} is set`),
    );
  },
});
