import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import type { StackwrightStack } from '../../../src/core/stackwright-stack';
import {
  DesiredCountReconciler,
  type DesiredCountReconcilerProps,
  type ManagedCluster,
} from '../../../src/ecs/reconciler/desired-count-reconciler';
import { emptyStack } from '../../lambda/test-stack';
import { ACCOUNT, clusterArn } from './sample-events';
import type { Json } from '../../helpers/json';

export const MANAGED: ManagedCluster[] = [
  { clusterName: 'test-web', clusterArn: clusterArn('test-web'), serviceNames: ['log-agent', 'node-exporter'] },
  { clusterName: 'test-api', clusterArn: clusterArn('test-api'), serviceNames: ['log-agent'] },
];

export interface SynthedReconciler {
  readonly stack: StackwrightStack;
  readonly reconciler: DesiredCountReconciler;
  readonly props: DesiredCountReconcilerProps;
  readonly json: Json;
}

/** A stack holding only the reconciler (literal cluster ARNs unless `withClusterResource`), synthesized to JSON. */
export function synthReconciler(
  overrides: Partial<Omit<DesiredCountReconcilerProps, 'stack'>> = {},
  options: { withClusterResource?: boolean } = {},
): SynthedReconciler {
  const stack = emptyStack('ecs');
  let managed = overrides.managed ?? MANAGED;
  if (options.withClusterResource) {
    const cluster = new EcsCluster(stack, 'cluster', { name: 'test-web' });
    managed = [{ clusterName: 'test-web', clusterArn: cluster.arn, serviceNames: ['log-agent'] }];
  }
  const props: DesiredCountReconcilerProps = { partition: 'aws', region: 'us-east-1', ...overrides, managed, stack };
  const reconciler = new DesiredCountReconciler(stack, 'reconciler', props);
  return { stack, reconciler, props, json: stack.toTerraform() };
}

/** Replaces Terraform references in a policy with the values they take at apply time. */
export function resolveRefs(text: string): string {
  return (
    text
      .replace(/\$\{data\.aws_caller_identity\.[^.}]+\.account_id\}/g, ACCOUNT)
      .replace(
        /\$\{aws_cloudwatch_log_group\.[^.}]+\.arn\}/g,
        `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/test-ecs-reconciler`,
      )
      // The queues by their construct id: events (the FIFO queue the function reads), failed, dead-letters.
      .replace(
        /\$\{aws_sqs_queue\.([^.}]+)\.arn\}/g,
        (_, key: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${queueName(key)}`,
      )
      .replace(
        /\$\{aws_cloudwatch_event_rule\.[^.}]+\.arn\}/g,
        `arn:aws:events:us-east-1:${ACCOUNT}:rule/test-ecs-reconciler-instance-changes`,
      )
  );
}

function queueName(key: string): string {
  if (key.includes('events')) return 'test-ecs-reconciler-events.fifo';
  if (key.includes('failed')) return 'test-ecs-reconciler-failed.fifo';
  return 'test-ecs-reconciler-dlq';
}
