import { simulate } from '../../helpers/iam-simulation';
import { onlyResource } from '../../helpers/synth';
import { ACCOUNT } from './sample-events';
import { resolveRefs, synthReconciler } from './synth-reconciler';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/test-ecs-reconciler-role`;
const service = (cluster: string, name: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service/${cluster}/${name}`;
const cluster = (name: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${name}`;
const LOG_GROUP = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/test-ecs-reconciler`;
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:test-ecs-reconciler-events.fifo`;
const DLQ = `arn:aws:sqs:us-east-1:${ACCOUNT}:test-ecs-reconciler-dlq`;
const FAILED = `arn:aws:sqs:us-east-1:${ACCOUNT}:test-ecs-reconciler-failed.fifo`;

/** Allowed / ImplicitlyDenied / ExplicitlyDenied for one request against the role's identity policy. */
function decide(policy: unknown, action: string, resource: string): Promise<string> {
  return simulate({ principal: ROLE, action, resource, identityPolicies: [policy] });
}

describe("the reconciler's role by IAM simulation", () => {
  let policy: unknown;
  beforeAll(() => {
    policy = JSON.parse(resolveRefs(onlyResource(synthReconciler().json, 'aws_iam_role_policy').policy));
  });

  it('may describe and update the desired count of every managed service', async () => {
    for (const [c, s] of [
      ['test-web', 'log-agent'],
      ['test-web', 'node-exporter'],
      ['test-api', 'log-agent'],
    ]) {
      expect(await decide(policy, 'ecs:UpdateService', service(c, s))).toBe('Allowed');
      expect(await decide(policy, 'ecs:DescribeServices', service(c, s))).toBe('Allowed');
    }
  });

  it('may not update another service of a managed cluster, nor a managed name in another cluster', async () => {
    expect(await decide(policy, 'ecs:UpdateService', service('test-web', 'frontend'))).toBe('ImplicitlyDenied');
    expect(await decide(policy, 'ecs:UpdateService', service('test-api', 'node-exporter'))).toBe('ImplicitlyDenied');
    expect(await decide(policy, 'ecs:UpdateService', service('other', 'log-agent'))).toBe('ImplicitlyDenied');
    expect(
      await decide(policy, 'ecs:UpdateService', `arn:aws:ecs:us-west-2:${ACCOUNT}:service/test-web/log-agent`),
    ).toBe('ImplicitlyDenied');
  });

  it('may list container instances of the managed clusters only', async () => {
    expect(await decide(policy, 'ecs:ListContainerInstances', cluster('test-web'))).toBe('Allowed');
    expect(await decide(policy, 'ecs:ListContainerInstances', cluster('test-api'))).toBe('Allowed');
    expect(await decide(policy, 'ecs:ListContainerInstances', cluster('other'))).toBe('ImplicitlyDenied');
  });

  it('may do nothing else to clusters and services', async () => {
    expect(await decide(policy, 'ecs:DeleteService', service('test-web', 'log-agent'))).toBe('ImplicitlyDenied');
    expect(await decide(policy, 'ecs:UpdateCluster', cluster('test-web'))).toBe('ImplicitlyDenied');
    expect(await decide(policy, 'ecs:DeleteCluster', cluster('test-web'))).toBe('ImplicitlyDenied');
    expect(await decide(policy, 'ecs:CreateService', service('test-web', 'new'))).toBe('ImplicitlyDenied');
  });

  it('may write to its own log group only', async () => {
    expect(await decide(policy, 'logs:PutLogEvents', `${LOG_GROUP}:log-stream:2026/01/01/[$LATEST]abc`)).toBe(
      'Allowed',
    );
    expect(await decide(policy, 'logs:CreateLogStream', `${LOG_GROUP}:log-stream:x`)).toBe('Allowed');
    expect(
      await decide(
        policy,
        'logs:PutLogEvents',
        `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/lambda/other:log-stream:x`,
      ),
    ).toBe('ImplicitlyDenied');
    expect(await decide(policy, 'logs:CreateLogGroup', LOG_GROUP)).toBe('ImplicitlyDenied');
  });

  it('may consume its own queue, as the event source mapping does with its role, and nothing more in SQS', async () => {
    for (const action of [
      'sqs:ReceiveMessage',
      'sqs:DeleteMessage',
      'sqs:ChangeMessageVisibility',
      'sqs:GetQueueAttributes',
    ]) {
      expect(await decide(policy, action, QUEUE)).toBe('Allowed');
      expect(await decide(policy, action, FAILED)).toBe('ImplicitlyDenied');
      expect(await decide(policy, action, `arn:aws:sqs:us-east-1:${ACCOUNT}:other.fifo`)).toBe('ImplicitlyDenied');
    }
    for (const queue of [QUEUE, DLQ, FAILED]) {
      expect(await decide(policy, 'sqs:SendMessage', queue)).toBe('ImplicitlyDenied');
      expect(await decide(policy, 'sqs:PurgeQueue', queue)).toBe('ImplicitlyDenied');
      expect(await decide(policy, 'sqs:SetQueueAttributes', queue)).toBe('ImplicitlyDenied');
    }
  });
});
