import { reconcilerReadmeSection } from '../../../src/ecs/reconciler/desired-count-reconciler';
import { resourcesOf } from '../../helpers/synth';
import { problems } from '../helpers';
import { synthReconciler } from './synth-reconciler';
import type { Json } from '../../helpers/json';

/** A wrong desired count must not go unnoticed: each way the reconciler can fail raises an alarm. */
describe('reconciler alarms', () => {
  const alarms = (json: Json) =>
    Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).sort((a, b) =>
      String(a.alarm_name).localeCompare(String(b.alarm_name)),
    ) as Json[];

  it('alarm on a visible message in either dead-letter queue and on function errors', () => {
    const { json } = synthReconciler();
    const queues = Object.values(resourcesOf(json, 'aws_sqs_queue')).map((q) => q.name);
    expect(alarms(json).map((a) => [a.namespace, a.metric_name, a.dimensions, a.statistic])).toEqual([
      ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: 'test-ecs-reconciler-dlq' }, 'Maximum'],
      ['AWS/Lambda', 'Errors', { FunctionName: 'test-ecs-reconciler' }, 'Sum'],
      ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: 'test-ecs-reconciler-failed.fifo' }, 'Maximum'],
    ]);
    expect(queues).toEqual(expect.arrayContaining(['test-ecs-reconciler-dlq', 'test-ecs-reconciler-failed.fifo']));
    for (const a of alarms(json)) {
      expect(a).toMatchObject({
        threshold: 0,
        comparison_operator: 'GreaterThanThreshold',
        treat_missing_data: 'notBreaching',
      });
      expect(a).not.toHaveProperty('alarm_actions');
    }
  });

  it('notify the configured actions, and the README says where', () => {
    const topic = 'arn:aws:sns:us-east-1:123456789012:ops';
    const { json, props } = synthReconciler({ alarmActions: [topic] });
    for (const a of alarms(json)) expect(a).toMatchObject({ alarm_actions: [topic], ok_actions: [topic] });
    expect(reconcilerReadmeSection(props).body).toContain(`They notify \`${topic}\``);
    expect(reconcilerReadmeSection(synthReconciler().props).body).toContain('They notify nobody until');
  });

  it('refuses an alarm action that is not an ARN, at its path', () => {
    expect(problems({ clusters: [{ name: 'main' }], reconciler: { alarmActions: ['ops@example.com'] } })).toEqual([
      'cfg.yaml: stacks.ecs.reconciler.alarmActions.0: an ARN such as arn:aws:sns:us-east-1:123456789012:ops',
    ]);
  });

  it('the README says that only invocations through the queue are serialized', () => {
    expect(reconcilerReadmeSection(synthReconciler().props).body).toContain(
      "a direct\ninvocation (`aws lambda invoke`, the console's Test button) bypasses the queue and can overlap one of them",
    );
  });
});
