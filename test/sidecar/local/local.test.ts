import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import {
  isAlive,
  killAllSync,
  registeredCount,
  type RunningVariant,
  startVariant,
  startVariants,
} from '../../../packages/bench/src/sidecar/local/runner';
import { renderHealthcheck } from '../../../src/sidecar/render';
import { type SidecarVariantName, sidecarVariantNames, variantSpec } from '../../../src/sidecar/variants';
import { inSessions, LOADED_START_MS, sessionOf } from '../../helpers/processes';

/** Live end to end: each variant runs natively from the rendered configs, once for the whole file. */

interface Reply {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

function get(url: string, userAgent = 'stackwright-test'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { 'User-Agent': userAgent } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
const uid = (pid: number) => Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

let running: RunningVariant[] = [];
const variant = (v: SidecarVariantName) => running.find((r) => r.variant === v) as RunningVariant;

beforeAll(async () => {
  running = await startVariants(sidecarVariantNames, { startTimeoutMs: LOADED_START_MS });
}, 2 * LOADED_START_MS);

// Also when a test failed: nothing may outlive the file.
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  killAllSync();
});

describe.each(sidecarVariantNames)('%s, natively', (v) => {
  it('answers any path through nginx with the JSON of the original app', async () => {
    const first = await get(`${variant(v).url}some/path?x=1`);
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/json');
    const json = JSON.parse(first.body) as { hello: string; utcnow: string; random: number };
    expect(Object.keys(json)).toEqual(['hello', 'utcnow', 'random']);
    expect(json.hello).toBe('world');
    expect(json.utcnow).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect(json.random).toBeGreaterThanOrEqual(0);
    expect(json.random).toBeLessThan(1);
    const second = JSON.parse((await get(variant(v).url)).body) as { random: number };
    expect(second.random).not.toBe(json.random);
  });

  it('serves the app health route through nginx and nginx its own', async () => {
    expect(await get(`${variant(v).url}healthz`)).toMatchObject({ status: 200, body: 'ok' });
    expect(await get(`${variant(v).url}nginx-health`)).toMatchObject({ status: 200, body: 'ok\n' });
  });

  it('runs nginx and gunicorn (and supervisord for combined) as its own processes, never as root', () => {
    const r = variant(v);
    const commands = r.pids.map(cmdline);
    expect(commands.some((c) => c.startsWith('nginx: master process'))).toBe(true);
    expect(commands.some((c) => c.startsWith('nginx: worker process'))).toBe(true);
    expect(commands.filter((c) => c.includes('gunicorn')).length).toBeGreaterThanOrEqual(2); // arbiter + one worker
    expect(commands.some((c) => c.includes('supervisord'))).toBe(variantSpec(v).containers === 'one');
    expect(r.pids.map(uid).filter((u) => u === 0)).toEqual([]);
    const others = running.filter((o) => o !== r).flatMap((o) => o.pids);
    expect(r.pids.filter((p) => others.includes(p))).toEqual([]);
  });

  it('connects nginx to the app over loopback TCP (tcp) or a unix socket in its directory', () => {
    const r = variant(v);
    if (variantSpec(v).appBind === 'tcp') {
      expect(r.upstream).toEqual({ kind: 'tcp', port: expect.any(Number) });
    } else {
      expect(r.upstream).toEqual({ kind: 'unix', socketPath: join(r.dir, 'run', 'gunicorn.sock') });
    }
  });

  it("passes the images' health check script, against the app directly and through nginx", () => {
    const r = variant(v);
    const target =
      r.upstream.kind === 'tcp' ? ['--tcp', `127.0.0.1:${r.upstream.port}`] : ['--unix', r.upstream.socketPath];
    const check = (args: string[]) =>
      spawnSync('/usr/bin/python3', ['-c', renderHealthcheck(), ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(check([...target, '/healthz']).status).toBe(0);
    expect(check(['--tcp', `127.0.0.1:${r.port}`, '/healthz']).status).toBe(0);
    const closed = check(['--unix', join(r.dir, 'no-such.sock'), '/healthz']);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toContain('unhealthy');
  });
});

describe('stopping', () => {
  it('ends every process and removes the directory', async () => {
    const pids = running.flatMap((r) => r.pids);
    expect(pids.length).toBeGreaterThanOrEqual(12);
    expect(pids.every(isAlive)).toBe(true);
    const sessions = new Set(pids.map(sessionOf));
    await Promise.all(running.map((r) => r.stop()));
    expect(pids.filter(isAlive)).toEqual([]);
    expect(inSessions(sessions)).toEqual([]);
    expect(running.filter((r) => existsSync(r.dir))).toEqual([]);
    expect(registeredCount()).toBe(0);
    // stop() is idempotent.
    await running[0].stop();
  });
});

describe('quietDatadogAgentLogs', () => {
  let quiet: RunningVariant | undefined;
  afterAll(async () => quiet?.stop());

  it("logs requests but not the Datadog Agent's HTTP check", async () => {
    quiet = await startVariant('tcp', { render: { quietDatadogAgentLogs: true }, startTimeoutMs: LOADED_START_MS });
    await get(quiet.url, 'Datadog Agent/7.52.0');
    await get(`${quiet.url}seen`, 'curl/8.0');
    const log = readFileSync(join(quiet.dir, 'nginx', 'logs', 'access.log'), 'utf8');
    expect(log).toContain('"GET /seen HTTP/1.1" 200');
    expect(log).toContain('curl/8.0');
    expect(log).not.toContain('Datadog Agent');
    // Besides the runner's own health polls, only the one request.
    const lines = log
      .trim()
      .split('\n')
      .filter((l) => !l.includes('stackwright-local-runner'));
    expect(lines).toHaveLength(1);
  });
});
