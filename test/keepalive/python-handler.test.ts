import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionCode } from '../../src/keepalive/function-code';

/** Debian's interpreter, which has python3-botocore and python3-boto3; `python3` on PATH may be another one. */
const PYTHON = '/usr/bin/python3';
const DRIVER = join(__dirname, 'fixtures', 'run_python_handler.py');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keepalive-py-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the driver (fixtures/run_python_handler.py) prints: per scenario, the fields read here. */
interface DriverOutput {
  readonly results: readonly {
    readonly response?: { readonly statusCode: number; readonly headers: object; readonly body: string };
    readonly error?: { readonly type: string; readonly message: string };
  }[];
  readonly logs: readonly string[];
  readonly soKeepalive?: boolean;
  readonly importError?: { readonly type: string; readonly message: string };
  readonly socketOptions?: readonly string[];
}

/** Writes the variant's rendered handler (the exact text of its zip) and runs the scenario against it. */
function runRendered(variant: 'python-on' | 'python-off', scenario: object): DriverOutput {
  const file = join(dir, `${variant}.py`);
  writeFileSync(file, String(functionCode(variant).files[0].contents));
  const out = execFileSync(PYTHON, [DRIVER, file], {
    input: JSON.stringify(scenario),
    encoding: 'utf8',
    // A clean environment: fake credentials, no shared config that could switch keep-alive on behind our back.
    env: {
      PATH: '/usr/bin:/bin',
      HOME: dir,
      TABLE_NAME: 'test-keepalive-posts',
      ITEM_TTL_SECONDS: '86400',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    },
  });
  return JSON.parse(out) as DriverOutput;
}

const item = (variant: string, requestId: string, body: string) => ({
  userId: { S: `bench-${variant}` },
  postId: { S: requestId },
  body: { S: body },
  expiresAt: { N: String(1_700_000_000 + 86400) },
});

describe.each([
  ['python-on', true],
  ['python-off', false],
] as const)('rendered %s handler under /usr/bin/python3', (variant, keepAlive) => {
  // Two calls through one interpreter (each run imports boto3: about a second of CPU); two tests read it.
  let twoCalls: DriverOutput | undefined;
  const runTwoCalls = () =>
    (twoCalls ??= runRendered(variant, {
      clock: { time: 1_700_000_000.5, perfCounter: [100.0, 100.00725, 200.0, 200.012] },
      calls: [
        {
          event: { body: '{"seq":0}' },
          requestId: 'req-1',
          put: 'ok',
          expectItem: item(variant, 'req-1', '{"seq":0}'),
        },
        { event: {}, requestId: 'req-2', put: 'ok', expectItem: item(variant, 'req-2', '') },
      ],
    }));

  it('does one PutItem per call and returns the milliseconds measured around it', () => {
    const out = runTwoCalls();
    const [first, second] = out.results.map((r) => r.response!);
    expect(first.statusCode).toBe(200);
    expect(first.headers).toEqual({ 'content-type': 'application/json' });
    const a = JSON.parse(first.body);
    const b = JSON.parse(second.body);
    expect(a).toMatchObject({ variant, coldStart: true, tcpKeepalive: keepAlive, soKeepalive: keepAlive });
    expect(a.ms).toBeCloseTo(7.25, 6);
    expect(b).toMatchObject({ coldStart: false });
    expect(b.ms).toBeCloseTo(12, 6);
    expect(a.sdk).toMatch(/^botocore \d+\.\d+\.\d+/);
    expect(out.logs.map((line: string) => JSON.parse(line))).toEqual([
      { variant, putItemMs: 7.25, coldStart: true },
      { variant, putItemMs: 12, coldStart: false },
    ]);
  });

  it(`creates its client with SO_KEEPALIVE ${keepAlive ? 'on' : 'off'}`, () => {
    // The driver reads the socket option off the module's client after the calls.
    expect(runTwoCalls().soKeepalive).toBe(keepAlive);
  });

  it('refuses a body over 4096 characters without writing', () => {
    const out = runRendered(variant, { calls: [{ event: { body: 'x'.repeat(4097) }, requestId: 'big', put: 'none' }] });
    const res = out.results[0]!.response!;
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body).error).toBe('body has 4097 characters, at most 4096 are stored');
  });

  it('fails the invocation when DynamoDB refuses the put', () => {
    const out = runRendered(variant, { calls: [{ event: {}, requestId: 'denied', put: 'denied' }] });
    expect(out.results[0]!.error!.type).toBe('ClientError');
    expect(out.results[0]!.error!.message).toContain('AccessDeniedException');
  });

  it("fails at start-up on a runtime whose botocore predates tcp_keepalive (the post's python3.9: 1.23.32)", () => {
    const out = runRendered(variant, { fakeBotocoreVersion: '1.23.32', calls: [] });
    expect(out.importError).toEqual({
      type: 'BotocoreTooOldError',
      message: 'botocore 1.23.32 has no Config(tcp_keepalive=...); use a Python runtime that ships botocore >= 1.27.84',
    });
  });
});

describe('what each Python variant does to its sockets (a real connection to a stand-in on 127.0.0.1)', () => {
  // The kernel's view of the pooled connection after three puts, read with getsockopt.
  const kernelDefaultIdle = Number(readFileSync('/proc/sys/net/ipv4/tcp_keepalive_time', 'utf8').trim());

  it('python-on: SO_KEEPALIVE with its own timers (first probe after 30 s, not the OS default), one reused connection', () => {
    const out = runRendered('python-on', { realSocket: { puts: 3 } });
    expect(out).toMatchObject({
      connectionsOpened: 1,
      SO_KEEPALIVE: 1,
      TCP_KEEPIDLE: 30,
      TCP_KEEPINTVL: 10,
      TCP_KEEPCNT: 3,
      TCP_NODELAY: 1,
    });
    expect(out.socketOptions).toEqual([
      'TCP_NODELAY=1',
      'SO_KEEPALIVE=1',
      'TCP_KEEPIDLE=30',
      'TCP_KEEPINTVL=10',
      'TCP_KEEPCNT=3',
    ]);
  });

  it('python-off: the same single reused connection, no SO_KEEPALIVE, kernel default timers untouched', () => {
    const out = runRendered('python-off', { realSocket: { puts: 3 } });
    expect(out).toMatchObject({
      connectionsOpened: 1,
      SO_KEEPALIVE: 0,
      TCP_KEEPIDLE: kernelDefaultIdle,
      TCP_NODELAY: 1,
    });
    expect(out.socketOptions).toEqual(['TCP_NODELAY=1']);
  });
});
