import {
  DescribeServicesCommand,
  ECSClient,
  ListContainerInstancesCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { reconcileMessages } from '../../../../src/ecs/reconciler/handler/messages';
import type { ReconcilerDeps } from '../../../../src/ecs/reconciler/handler/reconcile';
import { clusterArn, instanceEvent, sqsBatch, taskEvent } from '../sample-events';
import { ecsError, hosts, installFakeEcs } from './fake-ecs';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });
let warnings: { message: string; fields: Record<string, unknown> }[];

function deps(managed: Record<string, string[]>): ReconcilerDeps {
  return {
    ecs,
    logger: {
      info: () => undefined,
      warn: (message: string, fields: Record<string, unknown>) => warnings.push({ message, fields }),
    } as unknown as ReconcilerDeps['logger'],
    settings: { managed: new Map(Object.entries(managed)), dryRun: false },
  };
}

const updates = () => ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input);

beforeEach(() => {
  ecsMock.reset();
  warnings = [];
});

describe('reconcileMessages: a batch of the FIFO queue', () => {
  it('a task event of a managed cluster does not take the place of its instance events', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(2), services: { agent: { desiredCount: 1 } } } });
    const result = await reconcileMessages(sqsBatch(instanceEvent('web'), taskEvent('web')), deps({ web: ['agent'] }));
    expect(result).toMatchObject({
      results: [
        { outcome: 'ignored', reason: 'unrelated' },
        { outcome: 'reconciled', cluster: 'web', hosts: 2 },
      ],
    });
    expect(updates()).toEqual([expect.objectContaining({ desiredCount: 2 })]);
  });

  it('reconciles each cluster of the batch once, however many of its events the batch holds', async () => {
    installFakeEcs(ecsMock, {
      web: { instances: hosts(3), services: { agent: { desiredCount: 1 } } },
      api: { instances: hosts(2), services: { agent: { desiredCount: 2 } } },
    });
    const batch = sqsBatch(
      instanceEvent('web', 'ACTIVE'),
      instanceEvent('api'),
      instanceEvent('web', 'DRAINING'),
      instanceEvent('web', 'ACTIVE'),
    );
    const result = await reconcileMessages(batch, deps({ web: ['agent'], api: ['agent'] }));
    expect(result).toMatchObject({
      outcome: 'batch',
      messages: 4,
      results: [
        {
          outcome: 'reconciled',
          cluster: 'web',
          hosts: 3,
          services: [{ action: 'updated', oldDesiredCount: 1, newDesiredCount: 3 }],
        },
        { outcome: 'reconciled', cluster: 'api', hosts: 2, services: [{ action: 'in-sync' }] },
      ],
    });
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)).toHaveLength(2);
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(2);
    expect(updates()).toEqual([expect.objectContaining({ cluster: clusterArn('web'), desiredCount: 3 })]);
  });

  it('drops messages no retry could fix: not JSON, unrelated, unmanaged cluster; without an API call', async () => {
    const batch = sqsBatch(
      '{not json',
      taskEvent('web'),
      { source: 'custom', 'detail-type': 'x' },
      instanceEvent('other'),
    );
    const result = await reconcileMessages(batch, deps({ web: ['agent'] }));
    expect(result).toEqual({
      outcome: 'batch',
      messages: 4,
      results: [
        { outcome: 'ignored', reason: 'malformed' },
        { outcome: 'ignored', reason: 'unrelated' },
        { outcome: 'ignored', reason: 'unrelated' },
        { outcome: 'ignored', reason: 'unmanaged-cluster' },
      ],
    });
    expect(warnings[0]).toEqual({ message: 'Ignored a queue message that is not JSON', fields: { messageId: 'm-1' } });
    expect(ecsMock.calls()).toHaveLength(0);
  });

  it('fails the whole batch on an ECS error, so SQS delivers it again and nothing overtakes it', async () => {
    ecsMock.on(DescribeServicesCommand).rejects(ecsError('ThrottlingException', 'Rate exceeded'));
    await expect(
      reconcileMessages(sqsBatch(instanceEvent('web'), instanceEvent('web')), deps({ web: ['agent'] })),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(updates()).toEqual([]);
  });

  it('reconciles an event invoked directly (not through the queue) as one event', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(2), services: { agent: { desiredCount: 0 } } } });
    const result = await reconcileMessages(instanceEvent('web'), deps({ web: ['agent'] }));
    expect(result).toMatchObject({ outcome: 'reconciled', cluster: 'web', hosts: 2 });
    expect(await reconcileMessages({ Records: [] }, deps({ web: ['agent'] }))).toEqual({
      outcome: 'ignored',
      reason: 'malformed',
    });
  });
});
