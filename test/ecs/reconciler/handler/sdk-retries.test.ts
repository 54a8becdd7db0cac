import { Readable } from 'node:stream';
import { ECSClient } from '@aws-sdk/client-ecs';
// The SDK's own standard retry strategy, only with zero back-off so the test does not sleep (transitive dependency
// of the AWS SDK; tests only).
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { reconcile, type ReconcilerDeps } from '../../../../src/ecs/reconciler/handler/reconcile';
import { instanceEvent } from '../sample-events';

/**
 * These tests run the real SDK client (serialization, error parsing, retry middleware) against a fake HTTP
 * handler, which aws-sdk-client-mock cannot do (it replaces `send`). They show what "throttling beyond the SDK's
 * retries" means for an invocation.
 */
type Reply = { status: number; body: unknown; errorType?: string };

function clientAnswering(replies: (target: string) => Reply): { ecs: ECSClient; targets: string[] } {
  const targets: string[] = [];
  const ecs = new ECSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    retryStrategy: new ConfiguredRetryStrategy(3, () => 0),
    requestHandler: {
      handle: async (request: { headers: Record<string, string> }) => {
        const target = request.headers['x-amz-target'].split('.').pop()!;
        targets.push(target);
        const reply = replies(target);
        const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
        if (reply.errorType) headers['x-amzn-errortype'] = reply.errorType;
        return {
          response: {
            statusCode: reply.status,
            headers,
            body: Readable.from([Buffer.from(JSON.stringify(reply.body))]),
          },
        };
      },
    } as never,
  });
  return { ecs, targets };
}

const quietLogger = { info: () => undefined, warn: () => undefined } as unknown as ReconcilerDeps['logger'];
const settings = { managed: new Map([['web', ['agent']]]), dryRun: false };
const service = {
  serviceName: 'agent',
  serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/web/agent',
  desiredCount: 1,
  status: 'ACTIVE',
};
const throttled: Reply = {
  status: 400,
  errorType: 'ThrottlingException',
  body: { __type: 'ThrottlingException', message: 'Rate exceeded' },
};

describe('reconcile with the real SDK client', () => {
  it('succeeds when throttling clears within the SDK retries', async () => {
    let listAttempts = 0;
    const { ecs, targets } = clientAnswering((target) => {
      if (target === 'DescribeServices') return { status: 200, body: { services: [service], failures: [] } };
      if (target === 'ListContainerInstances') {
        listAttempts += 1;
        return listAttempts === 1 ? throttled : { status: 200, body: { containerInstanceArns: ['a', 'b'] } };
      }
      return { status: 200, body: { service: { ...service, desiredCount: 2 } } };
    });
    const result = await reconcile(instanceEvent('web'), { ecs, logger: quietLogger, settings });
    expect(result).toMatchObject({ hosts: 2, services: [{ action: 'updated', newDesiredCount: 2 }] });
    expect(targets).toEqual(['DescribeServices', 'ListContainerInstances', 'ListContainerInstances', 'UpdateService']);
  });

  it('fails the invocation with ThrottlingException once the SDK gives up (3 attempts)', async () => {
    const { ecs, targets } = clientAnswering((target) =>
      target === 'DescribeServices' ? { status: 200, body: { services: [service], failures: [] } } : throttled,
    );
    await expect(reconcile(instanceEvent('web'), { ecs, logger: quietLogger, settings })).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: expect.objectContaining({ attempts: 3 }),
    });
    expect(targets).toEqual([
      'DescribeServices',
      'ListContainerInstances',
      'ListContainerInstances',
      'ListContainerInstances',
    ]);
  });

  it('fails at once on access denied (not retryable)', async () => {
    const { ecs, targets } = clientAnswering(() => ({
      status: 400,
      errorType: 'AccessDeniedException',
      body: { __type: 'AccessDeniedException', message: 'not authorized to perform: ecs:DescribeServices' },
    }));
    await expect(reconcile(instanceEvent('web'), { ecs, logger: quietLogger, settings })).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(targets).toEqual(['DescribeServices']);
  });
});
