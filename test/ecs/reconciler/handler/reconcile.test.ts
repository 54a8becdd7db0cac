import {
  DescribeServicesCommand,
  ECSClient,
  ListContainerInstancesCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeServicesFailure } from '../../../../src/ecs/reconciler/handler/ecs-calls';
import { reconcile, type ReconcilerDeps } from '../../../../src/ecs/reconciler/handler/reconcile';
import { clusterArn, instanceEvent, taskEvent } from '../sample-events';
import { ecsError, hosts, installFakeEcs, serviceArn, type FakeEcsState } from './fake-ecs';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });

interface LogLine {
  level: 'info' | 'warn';
  message: string;
  fields: Record<string, unknown>;
}
let logs: LogLine[];

function deps(managed: Record<string, string[]>, dryRun = false): ReconcilerDeps {
  const record = (level: LogLine['level']) => (message: string, fields: Record<string, unknown>) =>
    logs.push({ level, message, fields });
  return {
    ecs,
    logger: { info: record('info'), warn: record('warn') } as unknown as ReconcilerDeps['logger'],
    settings: { managed: new Map(Object.entries(managed)), dryRun },
  };
}

const calls = () => ecsMock.calls().length;
const callsOf = (command: Parameters<typeof ecsMock.commandCalls>[0]) => ecsMock.commandCalls(command).length;
const updates = () => ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input);

beforeEach(() => {
  ecsMock.reset();
  logs = [];
});

describe('reconcile: counting and updating', () => {
  it('makes 2 API calls and no update when the service is in sync', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(3), services: { agent: { desiredCount: 3 } } } });
    const result = await reconcile(instanceEvent('web'), deps({ web: ['agent'] }));
    expect(result).toEqual({
      outcome: 'reconciled',
      cluster: 'web',
      hosts: 3,
      services: [{ service: 'agent', action: 'in-sync', oldDesiredCount: 3, newDesiredCount: 3 }],
    });
    expect(calls()).toBe(2);
    expect(callsOf(UpdateServiceCommand)).toBe(0);
  });

  it('makes 3 API calls when one service is out of sync, and logs the change with its context', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(3), services: { agent: { desiredCount: 2 } } } });
    await reconcile(instanceEvent('web'), deps({ web: ['agent'] }));
    expect(calls()).toBe(3);
    expect(updates()).toEqual([{ cluster: clusterArn('web'), service: serviceArn('web', 'agent'), desiredCount: 3 }]);
    expect(logs).toContainEqual({
      level: 'info',
      message: 'Set the desired count',
      fields: expect.objectContaining({
        cluster: 'web',
        service: 'agent',
        hosts: 3,
        oldDesiredCount: 2,
        newDesiredCount: 3,
      }),
    });
  });

  it('asks only for ACTIVE instances, 100 a page: DRAINING hosts are not counted', async () => {
    installFakeEcs(ecsMock, {
      web: {
        instances: [...hosts(4), ...hosts(2, 'DRAINING'), ...hosts(1, 'REGISTERING')],
        services: { agent: { desiredCount: 7 } },
      },
    });
    const result = await reconcile(instanceEvent('web', 'DRAINING'), deps({ web: ['agent'] }));
    expect(result).toMatchObject({ hosts: 4 });
    expect(ecsMock.commandCalls(ListContainerInstancesCommand)[0].args[0].input).toEqual({
      cluster: clusterArn('web'),
      status: 'ACTIVE',
      maxResults: 100,
      nextToken: undefined,
    });
    expect(updates()).toEqual([expect.objectContaining({ desiredCount: 4 })]);
  });

  it('scales to zero when no host is ACTIVE', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(2, 'DRAINING'), services: { agent: { desiredCount: 2 } } } });
    await reconcile(instanceEvent('web', 'DRAINING'), deps({ web: ['agent'] }));
    expect(updates()).toEqual([expect.objectContaining({ desiredCount: 0 })]);
  });

  it('still makes 2 calls in sync at exactly 100 hosts', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(100), services: { agent: { desiredCount: 100 } } } });
    await reconcile(instanceEvent('web'), deps({ web: ['agent'] }));
    expect(calls()).toBe(2);
  });

  it('reads every page above 100 hosts: one more call per further 100 hosts', async () => {
    installFakeEcs(ecsMock, {
      web: { instances: [...hosts(250), ...hosts(30, 'DRAINING')], services: { agent: { desiredCount: 10 } } },
    });
    const result = await reconcile(instanceEvent('web'), deps({ web: ['agent'] }));
    expect(result).toMatchObject({ hosts: 250 });
    expect(callsOf(ListContainerInstancesCommand)).toBe(3);
    expect(ecsMock.commandCalls(ListContainerInstancesCommand).map((c) => c.args[0].input.nextToken)).toEqual([
      undefined,
      '100',
      '200',
    ]);
    expect(calls()).toBe(3 + 1 + 1);
    expect(updates()).toEqual([expect.objectContaining({ desiredCount: 250 })]);
  });

  it('handles several services of one cluster with one DescribeServices call', async () => {
    installFakeEcs(ecsMock, {
      web: {
        instances: hosts(5),
        services: { a: { desiredCount: 5 }, b: { desiredCount: 1 }, c: { desiredCount: 9 } },
      },
    });
    const result = await reconcile(instanceEvent('web'), deps({ web: ['a', 'b', 'c'] }));
    expect(callsOf(DescribeServicesCommand)).toBe(1);
    expect(calls()).toBe(2 + 2);
    expect(updates().map((u) => [u.service, u.desiredCount])).toEqual([
      [serviceArn('web', 'b'), 5],
      [serviceArn('web', 'c'), 5],
    ]);
    expect(result).toMatchObject({
      services: [
        { action: 'in-sync' },
        { action: 'updated', oldDesiredCount: 1 },
        { action: 'updated', oldDesiredCount: 9 },
      ],
    });
  });

  it('describes more than 10 services in calls of at most 10', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `svc-${i}`);
    installFakeEcs(ecsMock, {
      web: { instances: hosts(2), services: Object.fromEntries(names.map((n) => [n, { desiredCount: 2 }])) },
    });
    await reconcile(instanceEvent('web'), deps({ web: names }));
    expect(ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input.services)).toEqual([
      names.slice(0, 10),
      names.slice(10),
    ]);
    expect(calls()).toBe(3);
  });

  it('touches only the cluster of the event when it manages several', async () => {
    const state: FakeEcsState = {
      web: { instances: hosts(2), services: { agent: { desiredCount: 1 } } },
      api: { instances: hosts(4), services: { agent: { desiredCount: 1 } } },
    };
    installFakeEcs(ecsMock, state);
    await reconcile(instanceEvent('api'), deps({ web: ['agent'], api: ['agent'] }));
    expect(ecsMock.calls().every((c) => (c.args[0].input as { cluster: string }).cluster === clusterArn('api'))).toBe(
      true,
    );
    expect(state.api.services.agent.desiredCount).toBe(4);
    expect(state.web.services.agent.desiredCount).toBe(1);
  });
});

describe('reconcile: idempotence and dry run', () => {
  it('does nothing more for a duplicate event', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(3), services: { agent: { desiredCount: 2 } } } });
    const event = instanceEvent('web', 'ACTIVE', 5, 'same-id');
    await reconcile(event, deps({ web: ['agent'] }));
    expect(calls()).toBe(3);
    const second = await reconcile(structuredClone(event), deps({ web: ['agent'] }));
    expect(calls()).toBe(3 + 2);
    expect(callsOf(UpdateServiceCommand)).toBe(1);
    expect(second).toMatchObject({ services: [{ action: 'in-sync' }] });
  });

  it('converges on the current state whatever order the events arrive in', async () => {
    const state: FakeEcsState = {
      web: { instances: [...hosts(3), 'DRAINING'], services: { agent: { desiredCount: 4 } } },
    };
    installFakeEcs(ecsMock, state);
    // The newer event (version 9: instance 3 draining) arrives before the older one (version 8: it was ACTIVE).
    await reconcile(instanceEvent('web', 'DRAINING', 9), deps({ web: ['agent'] }));
    await reconcile(instanceEvent('web', 'ACTIVE', 8), deps({ web: ['agent'] }));
    expect(state.web.services.agent.desiredCount).toBe(3);
    expect(callsOf(UpdateServiceCommand)).toBe(1);
  });

  it('in dry run, logs what it would change and changes nothing', async () => {
    const state: FakeEcsState = { web: { instances: hosts(3), services: { agent: { desiredCount: 1 } } } };
    installFakeEcs(ecsMock, state);
    const result = await reconcile(instanceEvent('web'), deps({ web: ['agent'] }, true));
    expect(calls()).toBe(2);
    expect(state.web.services.agent.desiredCount).toBe(1);
    expect(result).toMatchObject({
      services: [{ service: 'agent', action: 'would-update', oldDesiredCount: 1, newDesiredCount: 3 }],
    });
    expect(logs).toContainEqual({
      level: 'info',
      message: 'Dry run: would set the desired count',
      fields: expect.objectContaining({
        service: 'agent',
        hosts: 3,
        oldDesiredCount: 1,
        newDesiredCount: 3,
        dryRun: true,
      }),
    });
  });
});

describe('reconcile: services it cannot update', () => {
  it('logs and skips a managed service missing from the cluster, and updates the others', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(2), services: { agent: { desiredCount: 1 } } } });
    const result = await reconcile(instanceEvent('web'), deps({ web: ['gone', 'agent'] }));
    expect(result).toMatchObject({
      services: [
        { service: 'gone', action: 'missing' },
        { service: 'agent', action: 'updated' },
      ],
    });
    expect(logs).toContainEqual({
      level: 'warn',
      message: 'Managed service is missing from the cluster; skipped',
      fields: expect.objectContaining({ service: 'gone', cluster: 'web' }),
    });
    expect(calls()).toBe(3);
  });

  it('does not count hosts when every managed service is missing (1 API call)', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(2), services: {} } });
    const result = await reconcile(instanceEvent('web'), deps({ web: ['gone'] }));
    expect(result).toEqual({
      outcome: 'reconciled',
      cluster: 'web',
      services: [{ service: 'gone', action: 'missing' }],
    });
    expect(calls()).toBe(1);
  });

  it('skips a service that is not ACTIVE and one that uses DAEMON scheduling', async () => {
    installFakeEcs(ecsMock, {
      web: {
        instances: hosts(2),
        services: {
          old: { desiredCount: 0, status: 'DRAINING' },
          daemon: { desiredCount: 0, schedulingStrategy: 'DAEMON' },
        },
      },
    });
    const result = await reconcile(instanceEvent('web'), deps({ web: ['old', 'daemon'] }));
    expect(result).toMatchObject({
      services: [
        { service: 'old', action: 'not-active' },
        { service: 'daemon', action: 'not-replica' },
      ],
    });
    expect(callsOf(UpdateServiceCommand)).toBe(0);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.fields.service)).toEqual(['old', 'daemon']);
  });

  it('fails on a DescribeServices failure other than MISSING, naming it', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({
      failures: [
        { arn: serviceArn('web', 'a'), reason: 'MISSING' },
        { arn: serviceArn('web', 'b'), reason: 'INTERNAL', detail: 'try later' },
        { arn: serviceArn('web', 'c'), reason: 'UNKNOWN' },
      ],
    });
    const run = reconcile(instanceEvent('web'), deps({ web: ['a', 'b', 'c'] }));
    await expect(run).rejects.toThrow(DescribeServicesFailure);
    await expect(reconcile(instanceEvent('web'), deps({ web: ['a', 'b', 'c'] }))).rejects.toThrow(
      /service\/web\/b: INTERNAL \(try later\); .*service\/web\/c: UNKNOWN$/,
    );
    expect(callsOf(ListContainerInstancesCommand)).toBe(0);
  });

  it('copes with sparse ECS answers: no lists, no names, no ARNs', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [{ serviceName: 'agent', desiredCount: 1, status: 'ACTIVE' }, { desiredCount: 1 }],
      failures: [{ reason: 'MISSING' }],
    });
    ecsMock.on(ListContainerInstancesCommand).resolves({});
    ecsMock.on(UpdateServiceCommand).resolves({});
    const result = await reconcile(instanceEvent('web'), deps({ web: ['agent'] }));
    expect(result).toEqual({
      outcome: 'reconciled',
      cluster: 'web',
      hosts: 0,
      services: [
        { service: '', action: 'missing' },
        { service: 'agent', action: 'updated', oldDesiredCount: 1, newDesiredCount: 0 },
      ],
    });
    expect(updates()).toEqual([{ cluster: clusterArn('web'), service: 'agent', desiredCount: 0 }]);

    ecsMock.reset();
    ecsMock.on(DescribeServicesCommand).resolves({});
    await expect(reconcile(instanceEvent('web'), deps({ web: ['agent'] }))).resolves.toEqual({
      outcome: 'reconciled',
      cluster: 'web',
      services: [],
    });
  });
});

describe('reconcile: ECS errors fail the invocation', () => {
  it('propagates throttling; the retried invocation then succeeds', async () => {
    const state: FakeEcsState = { web: { instances: hosts(3), services: { agent: { desiredCount: 2 } } } };
    installFakeEcs(ecsMock, state);
    ecsMock.on(ListContainerInstancesCommand).rejects(ecsError('ThrottlingException', 'Rate exceeded'));
    const event = instanceEvent('web');
    await expect(reconcile(event, deps({ web: ['agent'] }))).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(calls()).toBe(2);
    expect(callsOf(UpdateServiceCommand)).toBe(0);
    installFakeEcs(ecsMock, state); // the throttling has passed
    await expect(reconcile(event, deps({ web: ['agent'] }))).resolves.toMatchObject({
      services: [{ action: 'updated' }],
    });
    expect(calls()).toBe(2 + 3);
  });

  it('propagates access denied on UpdateService', async () => {
    installFakeEcs(ecsMock, { web: { instances: hosts(3), services: { agent: { desiredCount: 2 } } } });
    ecsMock
      .on(UpdateServiceCommand)
      .rejects(ecsError('AccessDeniedException', 'not authorized to perform ecs:UpdateService'));
    await expect(reconcile(instanceEvent('web'), deps({ web: ['agent'] }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(calls()).toBe(3);
  });

  it('propagates access denied on DescribeServices without further calls', async () => {
    ecsMock.on(DescribeServicesCommand).rejects(ecsError('AccessDeniedException', 'denied'));
    await expect(reconcile(instanceEvent('web'), deps({ web: ['agent'] }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(calls()).toBe(1);
  });
});

describe('reconcile: events it ignores without an API call', () => {
  const malformed: [string, unknown][] = [
    ['null', null],
    ['a string', 'ECS Container Instance State Change'],
    ['an empty object', {}],
    ['no detail', { ...instanceEvent('web'), detail: undefined }],
    [
      'a cluster ARN that is not one',
      { ...instanceEvent('web'), detail: { ...(instanceEvent('web').detail as object), clusterArn: 'web' } },
    ],
    ['no id', { ...instanceEvent('web'), id: '' }],
    [
      'a non-integer version',
      { ...instanceEvent('web'), detail: { ...(instanceEvent('web').detail as object), version: 'x' } },
    ],
  ];

  it.each(malformed)('ignores a malformed event (%s) with a warning', async (_what, event) => {
    await expect(reconcile(event, deps({ web: ['agent'] }))).resolves.toEqual({
      outcome: 'ignored',
      reason: 'malformed',
    });
    expect(calls()).toBe(0);
    expect(logs).toEqual([
      { level: 'warn', message: 'Ignored a malformed event', fields: { problems: expect.any(Array) } },
    ]);
  });

  it('ignores an unrelated event (a task state change)', async () => {
    await expect(reconcile(taskEvent('web'), deps({ web: ['agent'] }))).resolves.toEqual({
      outcome: 'ignored',
      reason: 'unrelated',
    });
    expect(calls()).toBe(0);
    expect(logs[0].fields).toEqual({ source: 'aws.ecs', detailType: 'ECS Task State Change' });
  });

  it('ignores an event for a cluster it does not manage', async () => {
    await expect(reconcile(instanceEvent('other'), deps({ web: ['agent'] }))).resolves.toEqual({
      outcome: 'ignored',
      reason: 'unmanaged-cluster',
    });
    expect(calls()).toBe(0);
    expect(logs).toEqual([
      {
        level: 'info',
        message: expect.stringMatching(/does not manage/),
        fields: expect.objectContaining({ cluster: 'other' }),
      },
    ]);
  });
});
