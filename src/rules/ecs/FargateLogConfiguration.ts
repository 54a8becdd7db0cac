import { defineRule, notApplicable, verdict } from '../rule';
import { isObj, str } from '../../terraform/json';
import { containerName, containersOf, taskOnFargate } from './ecs-model';

export const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'] as const;
const AWSLOGS_REQUIRED = ['awslogs-group', 'awslogs-region', 'awslogs-stream-prefix'] as const;

/** Fargate supports only the awslogs, splunk and awsfirelens log drivers; awslogs needs its group, region and prefix. */
export default defineRule({
  id: 'ECS-FargateLogConfiguration',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task, stack) => {
    const containers = containersOf(task);
    if (!containers || !taskOnFargate(task, stack)) return notApplicable;
    const problems: string[] = [];
    containers.forEach((c, i) => {
      if (!isObj(c.logConfiguration)) return;
      const name = containerName(c, i);
      const driver = str(c.logConfiguration.logDriver);
      if (driver === undefined) return;
      if (!(FARGATE_LOG_DRIVERS as readonly string[]).includes(driver)) {
        problems.push(`container ${name} uses log driver '${driver}'`);
        return;
      }
      if (driver !== 'awslogs') return;
      const options = isObj(c.logConfiguration.options) ? c.logConfiguration.options : {};
      const missing = AWSLOGS_REQUIRED.filter((k) => options[k] === undefined || options[k] === '');
      if (missing.length > 0) problems.push(`container ${name}: awslogs without ${missing.join(', ')}`);
    });
    return verdict(problems);
  },
});
