import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import type { Context } from 'aws-lambda';
import { ecs, handler } from '../../../../src/ecs/reconciler/handler/index';
import { clusterArn, instanceEvent } from '../sample-events';
import { hosts, installFakeEcs } from './fake-ecs';

const ecsMock = mockClient(ECSClient);
const context = {
  functionName: 'test-reconciler',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:test-reconciler',
} as Context;

/** JSON log lines the Powertools logger writes to stdout and stderr during `run`. */
async function captureLogs(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => (lines.push(chunk.toString()), true);
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

// One module instance for the whole file, as in one Lambda container: the steps below run in order.
describe('the Lambda entry point, over the life of one container', () => {
  beforeEach(() => ecsMock.reset());

  it('fails every invocation while the environment is wrong, before any API call', async () => {
    delete process.env.MANAGED_SERVICES;
    await expect(handler(instanceEvent('web'), context)).rejects.toMatchObject({ name: 'SettingsError' });
    process.env.MANAGED_SERVICES = 'not json';
    await expect(handler(instanceEvent('web'), context)).rejects.toMatchObject({
      name: 'SettingsError',
      message: expect.stringMatching(/not JSON/),
    });
    expect(ecsMock.calls()).toHaveLength(0);
  });

  it('reconciles with the environment settings and writes structured JSON logs with the invocation context', async () => {
    process.env.MANAGED_SERVICES = '{"web":["agent"]}';
    installFakeEcs(ecsMock, { web: { instances: hosts(2), services: { agent: { desiredCount: 1 } } } });
    const logs = await captureLogs(() => handler(instanceEvent('web'), context));
    expect(ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      expect.objectContaining({ cluster: clusterArn('web'), desiredCount: 2 }),
    ]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'INFO',
        message: 'Set the desired count',
        service: 'ecs-desired-count-reconciler',
        function_request_id: 'req-1',
        cluster: 'web',
        hosts: 2,
        oldDesiredCount: 1,
        newDesiredCount: 2,
      }),
    );
  });

  it('keeps the settings it read for the rest of the container, and works without a context', async () => {
    process.env.MANAGED_SERVICES = 'broken';
    process.env.DRY_RUN = 'true';
    installFakeEcs(ecsMock, { web: { instances: hosts(3), services: { agent: { desiredCount: 2 } } } });
    let result: unknown;
    await captureLogs(async () => (result = await handler(instanceEvent('web'))));
    expect(result).toMatchObject({ services: [{ action: 'updated', newDesiredCount: 3 }] });
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it('uses one module-scope ECS client with the SDK defaults: keep-alive on, 3 attempts', async () => {
    expect(ecs).toBeInstanceOf(ECSClient);
    const handlerConfig = await (
      ecs.config.requestHandler as unknown as { configProvider: Promise<{ httpsAgent: { keepAlive: boolean } }> }
    ).configProvider;
    expect(handlerConfig.httpsAgent.keepAlive).toBe(true);
    expect(await ecs.config.maxAttempts()).toBe(3);
  });
});
