import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { block, blocks, mentionedAddresses, str } from '../../terraform/json';

/**
 * A Lambda function invoked asynchronously (an EventBridge target, an SNS subscription) must not lose events that
 * fail: the target needs a dead-letter queue, or the function a dead-letter queue or an on-failure destination.
 */
export default defineRule({
  id: 'Lambda-AsyncFailureHandling',
  appliesTo: ['aws_cloudwatch_event_target', 'aws_sns_topic_subscription'],
  check: (source, stack) => {
    const sns = source.type === 'aws_sns_topic_subscription';
    if (sns && str(source.body.protocol) !== 'lambda') return notApplicable;
    const targetDlq = sns
      ? source.body.redrive_policy !== undefined
      : block(source.body.dead_letter_config)?.arn !== undefined;
    if (targetDlq) return verdict([]);
    const fn = functionOf(sns ? source.body.endpoint : source.body.arn, stack);
    if (!fn) return notApplicable;
    if (functionHandlesFailures(fn, stack)) return verdict([]);
    return verdict([`${fn.address} is invoked asynchronously with no dead-letter queue or on-failure destination`]);
  },
});

/** The function a target ARN points at, through an alias if need be. */
function functionOf(arn: unknown, stack: StackView): TfBlock | undefined {
  const target = stack.resolve(arn, 'aws_lambda_function', 'aws_lambda_alias');
  if (target?.type === 'aws_lambda_alias') return stack.resolve(target.body.function_name, 'aws_lambda_function');
  return target;
}

function functionHandlesFailures(fn: TfBlock, stack: StackView): boolean {
  if (block(fn.body.dead_letter_config)?.target_arn !== undefined) return true;
  return stack.ofType('aws_lambda_function_event_invoke_config').some((c) => {
    const name = c.body.function_name;
    if (
      typeof name !== 'string' ||
      !(mentionedAddresses(name).includes(fn.address) || name === str(fn.body.function_name))
    )
      return false;
    return (blocks(block(c.body.destination_config)?.on_failure) ?? []).some((f) => f.destination !== undefined);
  });
}
