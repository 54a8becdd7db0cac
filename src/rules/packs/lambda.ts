import type { RulePack } from '../pack';
import PatternFields from '../events/PatternFields';
import AsyncFailureHandling from '../lambda/AsyncFailureHandling';
import NoSecretsInEnvironment from '../lambda/NoSecretsInEnvironment';
import RetentionSet from '../logs/RetentionSet';

/** Lambda functions, their event sources and their logs. */
export const lambdaPack: RulePack = {
  name: 'lambda',
  description: 'Lambda and EventBridge: failed events kept, logs expire, no secrets in plain text, patterns that match',
  entries: [
    {
      rule: AsyncFailureHandling,
      message: 'Asynchronous invocations can fail silently',
      fix: 'Add a dead_letter_config to the target, or an aws_lambda_function_event_invoke_config with an on_failure destination.',
    },
    {
      rule: RetentionSet,
      message: 'Logs without retention',
      fix: 'Declare the log group with retention_in_days (for Lambda: /aws/lambda/<function> or logging_config.log_group).',
    },
    {
      rule: NoSecretsInEnvironment,
      message: 'Secret in an environment variable',
      fix: "Store it in Secrets Manager or SSM and pass its ARN (ECS: use the container's secrets).",
    },
    {
      rule: PatternFields,
      message: 'Event pattern can never match',
      fix: 'Use fields and detail-types the source emits, and lists for every value.',
    },
  ],
};
