/** Sample EventBridge events for the handler and rule tests. */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const clusterArn = (cluster: string, account = ACCOUNT) => `arn:aws:ecs:${REGION}:${account}:cluster/${cluster}`;

let counter = 0;

/** An "ECS Container Instance State Change" event as EventBridge delivers it. */
export function instanceEvent(cluster: string, status = 'ACTIVE', version = 1, id?: string): Record<string, unknown> {
  counter += 1;
  return {
    version: '0',
    id: id ?? `00000000-0000-0000-0000-${String(counter).padStart(12, '0')}`,
    'detail-type': 'ECS Container Instance State Change',
    source: 'aws.ecs',
    account: '123456789012',
    time: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    resources: [`arn:aws:ecs:us-east-1:123456789012:container-instance/${cluster}/i0`],
    detail: {
      agentConnected: true,
      clusterArn: clusterArn(cluster),
      containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/${cluster}/i0`,
      ec2InstanceId: 'i-0123456789abcdef0',
      status,
      version,
      registeredResources: [{ name: 'CPU', type: 'INTEGER', integerValue: 2048 }],
      updatedAt: '2026-01-01T00:00:00Z',
    },
  };
}

/** An "ECS Task State Change" event: same source, other detail-type. */
export function taskEvent(cluster: string): Record<string, unknown> {
  return {
    version: '0',
    id: 'task-event-1',
    'detail-type': 'ECS Task State Change',
    source: 'aws.ecs',
    account: '123456789012',
    region: 'us-east-1',
    resources: [`arn:aws:ecs:us-east-1:123456789012:task/${cluster}/abc`],
    detail: { clusterArn: clusterArn(cluster), lastStatus: 'RUNNING', desiredStatus: 'RUNNING' },
  };
}

/** A batch of the reconciler's FIFO queue as the Lambda event source mapping delivers it; bodies are JSON text. */
export function sqsBatch(...bodies: (Record<string, unknown> | string)[]): Record<string, unknown> {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `m-${i + 1}`,
      receiptHandle: `r-${i + 1}`,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: { MessageGroupId: 'instance-state-changes', SequenceNumber: String(1000 + i) },
      messageAttributes: {},
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:test-ecs-reconciler-events.fifo',
      awsRegion: 'us-east-1',
    })),
  };
}
