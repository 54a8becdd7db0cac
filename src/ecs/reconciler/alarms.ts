import type { Construct } from 'constructs';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';

/** What the reconciler's alarms watch. */
export interface ReconcilerAlarmTargets {
  /** Name of the function (its `Errors` metric). */
  readonly functionName: string;
  /** Name of the queue of events EventBridge could not deliver. */
  readonly deadLetterQueueName: string;
  /** Name of the FIFO queue of messages the function failed on. */
  readonly failedQueueName: string;
  /**
   * Where the alarms notify (SNS topic ARNs and the like).
   * @default [] (the alarms change state in CloudWatch only)
   */
  readonly alarmActions?: readonly string[];
}

/**
 * One alarm per way a count can go wrong unnoticed: a message waiting in either dead-letter queue, or a failed
 * invocation. SQS publishes ApproximateNumberOfMessagesVisible per queue and Lambda publishes Errors per function;
 * a period without data (no failure) is not a breach.
 */
export function reconcilerAlarms(scope: Construct, t: ReconcilerAlarmTargets): CloudwatchMetricAlarm[] {
  const actions = t.alarmActions && t.alarmActions.length > 0 ? [...t.alarmActions] : undefined;
  const alarm = (
    id: string,
    description: string,
    metric: { namespace: string; name: string; dim: [string, string]; statistic: string },
  ) =>
    new CloudwatchMetricAlarm(scope, `alarm-${id}`, {
      alarmName: `${t.functionName}-${id}`,
      alarmDescription: description,
      namespace: metric.namespace,
      metricName: metric.name,
      dimensions: { [metric.dim[0]]: metric.dim[1] },
      statistic: metric.statistic,
      period: 300,
      evaluationPeriods: 1,
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: actions,
      okActions: actions,
    });
  return [
    alarm('dead-letters', 'Events EventBridge could not deliver to the reconciler: a desired count may be wrong', {
      namespace: 'AWS/SQS',
      name: 'ApproximateNumberOfMessagesVisible',
      dim: ['QueueName', t.deadLetterQueueName],
      statistic: 'Maximum',
    }),
    alarm('failed-messages', 'Events the reconciler failed on after its retries: a desired count may be wrong', {
      namespace: 'AWS/SQS',
      name: 'ApproximateNumberOfMessagesVisible',
      dim: ['QueueName', t.failedQueueName],
      statistic: 'Maximum',
    }),
    alarm('errors', 'Reconciler invocations that failed', {
      namespace: 'AWS/Lambda',
      name: 'Errors',
      dim: ['FunctionName', t.functionName],
      statistic: 'Sum',
    }),
  ];
}
