import { Agent } from 'node:https';
import { performance } from 'node:perf_hooks';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { loadNodeHandler } from './load-rendered';

const dynamodb = mockClient(DynamoDBClient);
const context = (awsRequestId: string) => ({ awsRequestId }) as never;

beforeAll(() => {
  process.env.TABLE_NAME = 'test-keepalive-posts';
  process.env.ITEM_TTL_SECONDS = '86400';
});
let log: jest.SpyInstance;
beforeEach(() => {
  dynamodb.reset();
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe.each(['node-on', 'node-off'] as const)('rendered %s handler', (variant) => {
  it('does one PutItem per call and returns the milliseconds measured around it', async () => {
    const mod = loadNodeHandler(variant);
    dynamodb.on(PutItemCommand).resolves({});
    jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    // The clock reads 100 before the put and 107.25 after it: the handler reports exactly that difference.
    const clock = jest.spyOn(performance, 'now').mockReturnValueOnce(100).mockReturnValueOnce(107.25);

    const res = await mod.handler({ body: '{"seq":0}' }, context('req-1'));

    expect(clock).toHaveBeenCalledTimes(2);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(res.body)).toMatchObject({
      variant,
      ms: 7.25,
      coldStart: true,
      keepAlive: variant === 'node-on',
    });
    expect(log).toHaveBeenCalledWith(JSON.stringify({ variant, putItemMs: 7.25, coldStart: true }));
    expect(dynamodb.commandCalls(PutItemCommand)).toHaveLength(1);
    expect(dynamodb.commandCalls(PutItemCommand)[0].args[0].input).toEqual({
      TableName: 'test-keepalive-posts',
      Item: {
        userId: { S: `bench-${variant}` },
        postId: { S: 'req-1' },
        body: { S: '{"seq":0}' },
        expiresAt: { N: String(1_700_000_000 + 86400) },
      },
    });
  });

  it('reports a cold start only on the first call of the environment', async () => {
    const mod = loadNodeHandler(variant);
    dynamodb.on(PutItemCommand).resolves({});
    const first = JSON.parse((await mod.handler({}, context('a'))).body);
    const second = JSON.parse((await mod.handler({}, context('b'))).body);
    expect([first.coldStart, second.coldStart]).toEqual([true, false]);
    expect(dynamodb.commandCalls(PutItemCommand).map((c) => c.args[0].input.Item?.postId)).toEqual([
      { S: 'a' },
      { S: 'b' },
    ]);
    expect(dynamodb.commandCalls(PutItemCommand)[0].args[0].input.Item?.body).toEqual({ S: '' });
  });

  it('refuses a body over 4096 characters without writing', async () => {
    const mod = loadNodeHandler(variant);
    const res = await mod.handler({ body: 'x'.repeat(4097) }, context('big'));
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body).error).toBe('body has 4097 characters, at most 4096 are stored');
    expect(dynamodb.commandCalls(PutItemCommand)).toHaveLength(0);
  });

  it('fails the invocation when DynamoDB refuses the put', async () => {
    const mod = loadNodeHandler(variant);
    const denied = Object.assign(new Error('User is not authorized to perform: dynamodb:PutItem'), {
      name: 'AccessDeniedException',
    });
    dynamodb.on(PutItemCommand).rejects(denied);
    await expect(mod.handler({}, context('denied'))).rejects.toThrow('not authorized');
  });
});

describe('keep-alive wiring of the module-scope client', () => {
  /** The options the client's NodeHttpHandler resolved (it resolves them lazily; this awaits that promise). */
  async function resolvedHandlerConfig(client: DynamoDBClient): Promise<{ httpsAgent?: Agent }> {
    const handler = client.config.requestHandler as unknown as {
      configProvider: Promise<{ httpsAgent?: Agent }>;
      constructor: { name: string };
    };
    expect(handler.constructor.name).toBe('NodeHttpHandler');
    return handler.configProvider;
  }

  it('node-on keeps the SDK default: an https agent with keep-alive', async () => {
    const mod = loadNodeHandler('node-on');
    expect(mod.clientOptions(true)).toEqual({});
    const config = await resolvedHandlerConfig(mod.client);
    expect(config.httpsAgent).toBeInstanceOf(Agent);
    expect((config.httpsAgent as Agent & { keepAlive: boolean }).keepAlive).toBe(true);
  });

  it('node-off hands NodeHttpHandler an https.Agent with keepAlive false', async () => {
    const mod = loadNodeHandler('node-off');
    const config = await resolvedHandlerConfig(mod.client);
    expect(config.httpsAgent).toBeInstanceOf(Agent);
    expect((config.httpsAgent as Agent & { keepAlive: boolean }).keepAlive).toBe(false);
  });
});
