import { defineRule, notApplicable, verdict } from '../rule';
import { isObj } from '../../terraform/json';
import { containerName, containersOf } from './ecs-model';

/**
 * Every container environment variable has a non-empty value.
 *
 * ECS drops a variable whose value is empty or null when it registers the task definition, and the provider's
 * normalisation (hashicorp/terraform-provider-aws, internal/service/ecs/container_definitions.go, `reduce`) sorts
 * `environment` by name and nils an empty list but keeps such entries, so config and state never match and
 * `container_definitions` (ForceNew) replaces the task definition on every plan. Reported as
 * hashicorp/terraform-provider-aws#39533 (open): "When setting environment variables in `aws_ecs_task_definition` to
 * null or the empty value AWS seems to filter out those environment variables ... `aws_ecs_task_definition`
 * permanently shows a diff".
 */
export default defineRule({
  id: 'ECS-EnvironmentValuesSet',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task) => {
    const containers = containersOf(task);
    if (!containers) return notApplicable;
    const problems: string[] = [];
    containers.forEach((c, i) => {
      const env = Array.isArray(c.environment) ? c.environment.filter(isObj) : [];
      for (const e of env) {
        if (e.value === undefined || e.value === null || e.value === '')
          problems.push(`container ${containerName(c, i)} sets ${String(e.name)} to an empty value`);
      }
    });
    return verdict(problems);
  },
});
