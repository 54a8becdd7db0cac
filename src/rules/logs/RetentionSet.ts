import { containerName, containersOf } from '../ecs/ecs-model';
import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { block, isObj, mentionedAddresses, num, str } from '../../terraform/json';

/**
 * Logs must expire: every log group sets retention_in_days, and no log group is left for AWS to create on first
 * write (Lambda's `/aws/lambda/<name>`, ECS's awslogs-create-group), since those never expire.
 */
export default defineRule({
  id: 'Logs-RetentionSet',
  appliesTo: ['aws_cloudwatch_log_group', 'aws_lambda_function', 'aws_ecs_task_definition'],
  check: (b, stack) => {
    if (b.type === 'aws_cloudwatch_log_group') {
      const days = b.body.retention_in_days;
      if (days !== undefined && num(days) === undefined) return notApplicable;
      return verdict(
        days === undefined || num(days) === 0 ? ['retention_in_days is not set, so logs never expire'] : [],
      );
    }
    if (b.type === 'aws_lambda_function') return lambdaLogGroup(b, stack);
    const containers = containersOf(b);
    if (!containers) return notApplicable;
    const problems = containers.flatMap((c, i) => {
      const options = isObj(c.logConfiguration) && isObj(c.logConfiguration.options) ? c.logConfiguration.options : {};
      const create = options['awslogs-create-group'];
      return create === true || create === 'true'
        ? [`container ${containerName(c, i)} lets ECS create its log group (awslogs-create-group)`]
        : [];
    });
    return verdict(problems);
  },
});

function lambdaLogGroup(fn: TfBlock, stack: StackView): ReturnType<typeof verdict> {
  const configured = block(fn.body.logging_config)?.log_group;
  const groups = stack.ofType('aws_cloudwatch_log_group');
  if (configured !== undefined) {
    if (stack.resolve(configured, 'aws_cloudwatch_log_group')) return verdict([]);
    const name = str(configured);
    if (name === undefined) return notApplicable;
    return verdict(
      groups.some((g) => str(g.body.name) === name) ? [] : [`its log group ${name} is not declared in this stack`],
    );
  }
  const fnName = str(fn.body.function_name);
  if (fnName === undefined) return notApplicable;
  const expected = `/aws/lambda/${fnName}`;
  const declared = groups.some((g) => {
    const name = g.body.name;
    return (
      name === expected ||
      (typeof name === 'string' && name.startsWith('/aws/lambda/') && mentionedAddresses(name).includes(fn.address))
    );
  });
  return verdict(declared ? [] : [`its log group ${expected} is not declared, so Lambda creates it without retention`]);
}
