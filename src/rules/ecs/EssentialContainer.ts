import { defineRule, notApplicable, verdict } from '../rule';
import { containersOf } from './ecs-model';

/** ECS rejects a task definition whose containers are all marked non-essential (essential defaults to true). */
export default defineRule({
  id: 'ECS-EssentialContainer',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task) => {
    const containers = containersOf(task);
    if (!containers) return notApplicable;
    if (containers.length === 0) return verdict(['container_definitions is empty']);
    return verdict(
      containers.some((c) => c.essential !== false) ? [] : [`all ${containers.length} containers set essential: false`],
    );
  },
});
