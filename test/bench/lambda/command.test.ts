import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { runCli } from '../../helpers/cli';
import type { LambdaBenchReport } from '../../../packages/bench/src/lambda/report';

const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const TOKEN = 'session-token-example';
/** The PutItem milliseconds the fake functions report, per path and call number. */
const FAKE_MS: Record<string, number[]> = { '/python-on': [150, 6], '/python-off': [180, 12.5] };

/**
 * A stand-in for Lambda function URLs: recomputes the SigV4 signature of every request with the expected
 * credentials (service lambda, us-east-1) and answers 403 unless it matches exactly, like the real thing.
 */
function fakeFunctionUrls(secret: string): Promise<{ server: Server; base: string; seen: string[] }> {
  const seen: string[] = [];
  const signer = new SignatureV4({
    service: 'lambda',
    region: 'us-east-1',
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: secret, sessionToken: TOKEN },
    sha256: Sha256,
  });
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const valid = await verify(signer, req, body);
    seen.push(`${req.url} ${valid ? 'signed' : 'rejected'}`);
    if (!valid) {
      res.writeHead(403, { 'content-type': 'application/json' }).end('{"Message":"Forbidden"}');
      return;
    }
    const seq = (JSON.parse(body) as { seq: number }).seq;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ms: FAKE_MS[req.url ?? '']?.[seq] ?? 1, coldStart: seq === 0 }));
  };
  // A failure in the fake answers 500 (and fails the test through the client), never an unhandled rejection.
  const server = createServer((req, res) => {
    answer(req, res).catch((err: Error) => res.writeHead(500).end(err.message));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  );
}

async function verify(signer: SignatureV4, req: IncomingMessage, body: string): Promise<boolean> {
  const auth = String(req.headers.authorization ?? '');
  const m =
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/(\d{8})\/us-east-1\/lambda\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/.exec(
      auth,
    );
  const date = String(req.headers['x-amz-date'] ?? '');
  if (!m || !m[2].split(';').includes('host') || !m[2].split(';').includes('x-amz-date') || !date.startsWith(m[1]))
    return false;
  if (req.headers['x-amz-security-token'] !== TOKEN) return false;
  const headers: Record<string, string> = {};
  for (const name of m[2].split(';')) headers[name] = String(req.headers[name]);
  const signingDate = new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
  );
  const resigned = await signer.sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: req.url ?? '/',
      query: {},
      headers,
      body,
    },
    { signingDate },
  );
  return resigned.headers.authorization === auth;
}

let dir: string;
const savedEnv = { ...process.env };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-lambda-cmd-'));
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: TOKEN,
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});
afterAll(() => {
  process.env = savedEnv;
  rmSync(dir, { recursive: true, force: true });
});

describe('stackwright bench lambda against signature-checking fake function URLs', () => {
  let fake: Awaited<ReturnType<typeof fakeFunctionUrls>>;
  beforeEach(async () => {
    fake = await fakeFunctionUrls(SECRET);
  });
  afterEach(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));

  it('signs every call, calls each function once per interval and prints the distributions side by side', async () => {
    const outputs = join(dir, 'outputs.json');
    writeFileSync(
      outputs,
      JSON.stringify({
        function_urls: { value: { 'python-on': `${fake.base}/python-on`, 'python-off': `${fake.base}/python-off` } },
      }),
    );
    const chart = join(dir, 'latency.svg');
    const r = await runCli([
      'bench',
      'lambda',
      '--from-terraform',
      outputs,
      '--region',
      'us-east-1',
      '--duration',
      '2',
      '--chart',
      chart,
    ]);

    expect(r.stderr).toContain('calling python-on, python-off: 2 calls each, every 1000 ms');
    expect(r.code).toBe(0);
    expect([...fake.seen].sort()).toEqual([
      '/python-off signed',
      '/python-off signed',
      '/python-on signed',
      '/python-on signed',
    ]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^PutItem latency\s+python-on\s+python-off$/);
    expect(lines).toContainEqual(expect.stringMatching(/^calls ok\s+2\/2\s+2\/2$/));
    expect(lines).toContainEqual(expect.stringMatching(/^p50 ms\s+6\.00\s+12\.50$/));
    expect(lines).toContainEqual(expect.stringMatching(/^max ms\s+150\.00\s+180\.00$/));
    expect(lines).toContainEqual(expect.stringMatching(/^over 10 ms\s+1\s+2$/));
    expect(lines).toContainEqual(expect.stringMatching(/^cold starts\s+1\s+1$/));
    expect(r.stdout).toContain(`chart: ${chart}`);
    expect(readFileSync(chart, 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('prints JSON with every call with --json', async () => {
    const chart = join(dir, 'json.svg');
    const r = await runCli([
      'bench',
      'lambda',
      '--url',
      `python-on=${fake.base}/python-on`,
      '--region',
      'us-east-1',
      '--duration',
      '2',
      '--json',
      '--chart',
      chart,
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as LambdaBenchReport;
    expect(report).toMatchObject({ durationSeconds: 2, intervalMs: 1000, chart });
    expect(report.functions).toHaveLength(1);
    expect(report.functions[0].summary).toMatchObject({
      calls: 2,
      ok: 2,
      errors: 0,
      p50: 6,
      p90: 150,
      p99: 150,
      max: 150,
      over10ms: 1,
      coldStarts: 1,
    });
    expect(report.functions[0]!.calls.map((c) => [c.seq, c.ms, c.coldStart, c.status])).toEqual([
      [0, 150, true, 200],
      [1, 6, false, 200],
    ]);
  });

  it('reports calls the function URL refuses and exits 1', async () => {
    await new Promise<void>((resolve) => fake.server.close(() => resolve()));
    fake = await fakeFunctionUrls('a-different-secret');
    const r = await runCli([
      'bench',
      'lambda',
      '--url',
      `python-on=${fake.base}/python-on`,
      '--region',
      'us-east-1',
      '--duration',
      '1',
      '--chart',
      join(dir, 'x.svg'),
    ]);
    expect(r.code).toBe(1);
    expect(fake.seen).toEqual(['/python-on rejected']);
    expect(r.stderr).toContain('python-on: 1 of 1 calls failed; first: HTTP 403: {"Message":"Forbidden"}');
    expect(r.stdout).toMatch(/calls ok\s+0\/1/);
  });
});

describe('stackwright bench lambda bad input', () => {
  it('exits 2 when there are no AWS credentials, before calling anything', async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const r = await runCli([
        'bench',
        'lambda',
        '--url',
        'a=http://127.0.0.1:9/',
        '--region',
        'us-east-1',
        '--chart',
        join(dir, 'n.svg'),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/error: credentials: no AWS credentials: .* \(set AWS_PROFILE/);
      expect(existsSync(join(dir, 'n.svg'))).toBe(false);
    } finally {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: saved.id, AWS_SECRET_ACCESS_KEY: saved.secret });
    }
  });

  it.each([
    [
      ['--url', 'python-on=http://127.0.0.1:9/', '--region', 'us-east-1', '--duration', '0'],
      '--duration: 0 is out of range (a whole number of seconds from 1 to 3600)',
    ],
    [['--url', 'python-on'], '--url: python-on: expected name=URL'],
    [[], 'no functions to call'],
    [['--from-terraform', '/nonexistent/outputs.json'], '--from-terraform: /nonexistent/outputs.json: not found'],
    [
      ['--url', 'a=http://127.0.0.1:9/', '--region', 'us-east-1', '--chart', '/nonexistent/dir/c.svg'],
      "folder '/nonexistent/dir' does not exist",
    ],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await runCli(['bench', 'lambda', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync('keepalive-latency.svg')).toBe(false);
  });
});
