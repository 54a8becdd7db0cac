import { runSchedule, type Callable } from '../../packages/bench/src/lambda/runner';
import { buildReport } from '../../packages/bench/src/lambda/report';
import { formatGapTable, summarizeByGap } from '../../packages/bench/src/lambda/gaps';
import type { CallResult } from '../../packages/bench/src/lambda/invoke';
import {
  LINUX_DEFAULT_KEEPIDLE_SECONDS,
  PATH_IDLE_TIMEOUTS,
  PYTHON_ON_TIMERS,
  shortestProbeableTimeout,
} from '../../src/keepalive/idle-timeouts';
import { DEFAULT_IDLE_GAP_PLAN, idleGapSequenceMs, planProblems, planSeconds } from '../../src/keepalive/schedule';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

/**
 * A model of one pooled connection between a warm function and DynamoDB: it survives an idle gap unless a timeout
 * on the path expires first and no keep-alive probe refreshed that timeout in time. A call on a lost connection
 * pays for a new one. (What Lambda's freezing does to probes between invocations is what the real run measures.)
 */
function connectionSurvives(idleSeconds: number, firstProbeSeconds: number | undefined): boolean {
  return PATH_IDLE_TIMEOUTS.every(
    (t) =>
      idleSeconds < t.seconds || (t.probesHelp && firstProbeSeconds !== undefined && firstProbeSeconds < t.seconds),
  );
}

describe('keep-alive idle timers against the path timeouts', () => {
  it("the post's schedule (one call a second) cannot separate the variants: at 1 s idle every connection survives", () => {
    expect(connectionSurvives(1, undefined)).toBe(true);
    expect(connectionSurvives(1, LINUX_DEFAULT_KEEPIDLE_SECONDS)).toBe(true);
  });

  it('SO_KEEPALIVE alone (Linux: first probe at 7,200 s) behaves exactly like no keep-alive at every gap of the sweep', () => {
    for (const gap of DEFAULT_IDLE_GAP_PLAN.gapsSeconds) {
      expect(connectionSurvives(gap, LINUX_DEFAULT_KEEPIDLE_SECONDS)).toBe(connectionSurvives(gap, undefined));
    }
  });

  it('probes at 30 s keep the flow state past 350 s; without them it is lost', () => {
    const flowOnly = PATH_IDLE_TIMEOUTS.filter((t) => t.probesHelp);
    const survives = (idle: number, probe?: number) =>
      flowOnly.every((t) => idle < t.seconds || (probe !== undefined && probe < t.seconds));
    const past = DEFAULT_IDLE_GAP_PLAN.gapsSeconds.filter((g) => g > shortestProbeableTimeout());
    expect(past.length).toBeGreaterThan(0);
    for (const gap of past)
      expect([
        survives(gap),
        survives(gap, PYTHON_ON_TIMERS.idleSeconds),
        survives(gap, LINUX_DEFAULT_KEEPIDLE_SECONDS),
      ]).toEqual([false, true, false]);
  });

  it("python-on's first probe comes before every timeout on the path, and a dead peer is found within a minute", () => {
    for (const t of PATH_IDLE_TIMEOUTS) expect(PYTHON_ON_TIMERS.idleSeconds).toBeLessThan(t.seconds);
    expect(
      PYTHON_ON_TIMERS.idleSeconds + PYTHON_ON_TIMERS.intervalSeconds * PYTHON_ON_TIMERS.count,
    ).toBeLessThanOrEqual(60);
  });

  it('every timeout names its source', () => {
    for (const t of PATH_IDLE_TIMEOUTS) expect(t.source).toMatch(/^https:\/\//);
  });
});

describe('the idle-gap schedule', () => {
  it('has a control gap and gaps on both sides of every timeout, and stays under an hour', () => {
    expect(planProblems(DEFAULT_IDLE_GAP_PLAN)).toEqual([]);
    expect(planSeconds(DEFAULT_IDLE_GAP_PLAN)).toBeLessThan(3600);
  });

  it('with every timeout on the path, the model predicts no difference: the run tests whether DynamoDB counts probes', () => {
    const differs = DEFAULT_IDLE_GAP_PLAN.gapsSeconds.filter(
      (g) => connectionSurvives(g, PYTHON_ON_TIMERS.idleSeconds) !== connectionSurvives(g, undefined),
    );
    // With DynamoDB's observed 60 s HTTP close (which probes cannot refresh), no gap past 60 s keeps a connection in
    // either variant: the model predicts no difference, and the run tests whether DynamoDB counts probes after all.
    expect(differs).toEqual([]);
    expect(DEFAULT_IDLE_GAP_PLAN.gapsSeconds.filter((g) => connectionSurvives(g, undefined))).toEqual([1, 20, 45]);
  });

  it('reports what a sweep cannot show', () => {
    expect(planProblems({ gapsSeconds: [1], rounds: 3 })).toEqual([
      expect.stringContaining('60 s idle timeout'),
      expect.stringContaining('350 s idle timeout'),
    ]);
    expect(planProblems({ gapsSeconds: [45, 400], rounds: 1 })).toContain(
      'no gap under the first keep-alive probe (30 s): no control',
    );
    expect(planProblems({ gapsSeconds: [20, 10], rounds: 1 })).toContain('gaps must be strictly ascending');
  });

  it('is one warm-up call and then the sweep, round after round', () => {
    expect(idleGapSequenceMs({ gapsSeconds: [1, 20], rounds: 2 })).toEqual([0, 1000, 20000, 1000, 20000]);
  });
});

describe('running an idle-gap schedule', () => {
  it('waits each gap after the previous call returned, records it, and groups the latencies by gap', async () => {
    const events: string[] = [];
    const fake = (name: string, ms: (seq: number) => number): Callable => ({
      async call(seq: number): Promise<CallResult> {
        events.push(`${name}:${seq}`);
        return { seq, offsetMs: 0, roundTripMs: 1, ms: ms(seq), coldStart: seq === 0 };
      },
    });
    const gaps = [0, 2, 5, 2, 5];
    const results = await runSchedule(
      [fake('on', (s) => [90, 6, 7, 6, 8][s]), fake('off', (s) => [95, 6, 40, 7, 45][s])],
      { calls: 1, intervalMs: 1, idleGapsMs: gaps },
    );
    expect(results.map((r) => r.map((c) => c.idleBeforeMs))).toEqual([gaps, gaps]);
    expect(events.filter((e) => e.startsWith('on:'))).toEqual(['on:0', 'on:1', 'on:2', 'on:3', 'on:4']);
    const targets = [
      { name: 'python-on', url: new URL('https://a.lambda-url.us-east-1.on.aws/') },
      { name: 'python-off', url: new URL('https://b.lambda-url.us-east-1.on.aws/') },
    ];
    const report = buildReport(targets, results, { durationSeconds: 0, intervalMs: 0 });
    expect(summarizeByGap(report)).toEqual([
      {
        gapMs: 2,
        cells: [
          { warm: 2, coldStarts: 0, p50: 6, max: 6, overSlow: 0 },
          { warm: 2, coldStarts: 0, p50: 6, max: 7, overSlow: 0 },
        ],
      },
      {
        gapMs: 5,
        cells: [
          { warm: 2, coldStarts: 0, p50: 7, max: 8, overSlow: 0 },
          { warm: 2, coldStarts: 0, p50: 40, max: 45, overSlow: 2 },
        ],
      },
    ]);
    expect(formatGapTable(report)).toMatch(/^0\.005 s\s+7\.0\/8\.0 \(0\/2, 0\)\s+40\.0\/45\.0 \(2\/2, 0\)$/m);
  });

  it('the CLI refuses a malformed sweep before calling anything (exit 2)', async () => {
    const base = [
      'bench',
      'lambda',
      '--url',
      'python-on=http://127.0.0.1:9/',
      '--region',
      'us-east-1',
      '--schedule',
      'idle-gaps',
    ];
    const descending = await runCli([...base, '--gaps', '90,45']);
    expect(descending.code).toBe(2);
    expect(descending.stderr).toContain('--gaps: 90,45: must be strictly ascending');
    const tooLong = await runCli([...base, '--gaps', '1,1000']);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('must be whole seconds from 1 to 900');
  });
});

describe('stackwright bench lambda --schedule idle-gaps, end to end against a stand-in function URL', () => {
  const saved = { ...process.env };
  let server: Server;
  let base: string;
  const bodies: string[] = [];
  beforeAll(async () => {
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    // Answers like a warm function: 40 ms after the longer gap (a new connection), 6 ms otherwise.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        const seq = (JSON.parse(body) as { seq: number }).seq;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ms: seq === 2 ? 40 : 6, coldStart: seq === 0 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    process.env = saved;
    await new Promise((resolve) => server.close(resolve));
  });

  it('runs the warm-up and each gap once, prints latency per gap and warns what the short sweep cannot show', async () => {
    const chart = join(tempDir('sw-idle-gaps-'), 'chart.svg');
    const r = await runCli([
      'bench',
      'lambda',
      '--url',
      `python-on=${base}/`,
      '--region',
      'us-east-1',
      '--schedule',
      'idle-gaps',
      '--gaps',
      '1,2',
      '--rounds',
      '1',
      '--chart',
      chart,
    ]);
    expect(r.code).toBe(0);
    expect(bodies).toHaveLength(3);
    expect(r.stderr).toContain('3 calls each after idle gaps of 1, 2 s, 1 round(s)');
    expect(r.stderr).toMatch(/warning: --gaps: no gaps on both sides of the 60 s idle timeout/);
    expect(r.stdout).toMatch(/^1 s\s+6\.0\/6\.0 \(0\/1, 0\)$/m);
    expect(r.stdout).toMatch(/^2 s\s+40\.0\/40\.0 \(1\/1, 0\)$/m);
  });

  it('refuses --gaps without --schedule idle-gaps', async () => {
    const r = await runCli([
      'bench',
      'lambda',
      '--url',
      `python-on=${base}/`,
      '--region',
      'us-east-1',
      '--gaps',
      '1,2',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--gaps: 1,2: only used with --schedule idle-gaps');
  });
});
