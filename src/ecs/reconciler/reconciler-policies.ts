import { INSTANCE_STATE_CHANGE } from './handler/event';
import { policyJson, type PolicyStatement } from '../../iam/policy-document';

/** The aggregate size IAM allows for all inline policies of one role (non-whitespace characters). */
export const INLINE_POLICIES_MAX_CHARS = 10240;

/** ARN of an ECS service (new ARN format: the cluster name is part of it). */
export function ecsServiceArn(
  partition: string,
  region: string,
  account: string,
  cluster: string,
  service: string,
): string {
  return `arn:${partition}:ecs:${region}:${account}:service/${cluster}/${service}`;
}

/** The EventBridge pattern: container instance state changes of the managed clusters only. */
export function instanceStateChangePattern(clusterArns: readonly string[]): Record<string, unknown> {
  return {
    source: [INSTANCE_STATE_CHANGE.source],
    'detail-type': [INSTANCE_STATE_CHANGE.detailType],
    detail: { clusterArn: [...clusterArns] },
  };
}

export interface ReconcilerPolicyInput {
  /** The managed clusters (the function lists their container instances). */
  readonly clusterArns: readonly string[];
  /** The managed services (the only ones it may update). */
  readonly serviceArns: readonly string[];
  /** The function's own log group. */
  readonly logGroupArn: string;
  /** The FIFO queue the function's event source mapping reads. */
  readonly queueArn: string;
}

/**
 * The function's permissions, each on exact resources: count instances of the managed clusters, read and update
 * the managed services, write its own logs, and read and delete the messages of its queue (the event source
 * mapping uses the function's role).
 */
export function reconcilerRolePolicy(p: ReconcilerPolicyInput): string {
  return policyJson([
    {
      Sid: 'CountInstancesOfManagedClusters',
      Effect: 'Allow',
      Action: 'ecs:ListContainerInstances',
      Resource: [...p.clusterArns],
    },
    {
      Sid: 'ReadAndResizeManagedServices',
      Effect: 'Allow',
      Action: ['ecs:DescribeServices', 'ecs:UpdateService'],
      Resource: [...p.serviceArns],
    },
    {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `${p.logGroupArn}:*`,
    },
    {
      Sid: 'ConsumeOwnQueue',
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'],
      Resource: p.queueArn,
    },
  ]);
}

/** Only the rule may send to the queue (events or dead letters), and only over TLS. */
export function ruleQueuePolicy(queueArn: string, ruleArn: string, sid: string): string {
  return policyJson([
    {
      Sid: sid,
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
    },
    denyInsecureTransport(queueArn),
  ]);
}

/** Every queue: nothing but TLS. */
export function denyInsecureTransport(queueArn: string): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 'sqs:*',
    Resource: queueArn,
    Condition: { Bool: { 'aws:SecureTransport': false } },
  };
}
