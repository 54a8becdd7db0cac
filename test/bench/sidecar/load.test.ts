import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MissingBinaryError, registeredCount } from '../../../packages/bench/src/sidecar/local/runner';
import { abTool, parseAbOutput } from '../../../packages/bench/src/sidecar/load-ab';
import { autocannonTool } from '../../../packages/bench/src/sidecar/load-autocannon';
import { resultFromSamples, runProblems } from '../../../packages/bench/src/sidecar/load';

/** Answers JSON like the app; every `failEvery`-th request gets a 500. */
function jsonServer(failEvery = 0): Promise<{ server: Server; url: URL; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    const status = failEvery && hits % failEvery === 0 ? 500 : 200;
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ hello: 'world', random: Math.random() }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x/`),
        hits: () => hits,
      }),
    ),
  );
}

/** A loopback URL nothing listens on. */
async function closedUrl(): Promise<URL> {
  const { server, url } = await jsonServer();
  await new Promise((r) => server.close(r));
  return url;
}

const AB_OUTPUT = `This is ApacheBench, Version 2.3 <$Revision$>

Server Software:        nginx
Document Path:          /
Document Length:        Variable

Concurrency Level:      1
Time taken for tests:   0.163 seconds
Complete requests:      200
Failed requests:        0
Non-2xx responses:      2
Requests per second:    1224.01 [#/sec] (mean)
Time per request:       0.817 [ms] (mean)
Time per request:       0.817 [ms] (mean, across all concurrent requests)
`;
const AB_CSV = [
  'Percentage served,Time in ms',
  ...Array.from({ length: 101 }, (_, i) => `${i},${(0.25 + i / 100).toFixed(3)}`),
].join('\n');

describe('ab', () => {
  it("reads ab's figures and its percentile file", () => {
    const r = parseAbOutput(AB_OUTPUT, AB_CSV);
    expect(r).toMatchObject({
      completed: 200,
      failed: 0,
      non2xx: 2,
      durationMs: 163,
      requestsPerSecond: 1224.01,
      timePerRequestMs: 0.817,
    });
    expect(r.latencyMs).toEqual({ mean: null, p50: 0.75, p90: 1.15, p99: 1.24, max: 1.25 });
    expect(r.percentilesMs).toHaveLength(101);
    expect(() => parseAbOutput(AB_OUTPUT, 'Percentage served,Time in ms\n0,0.1\n')).toThrow(
      'ab percentile file has 1 rows, expected 101',
    );
  });

  it('a missing ab is a MissingBinaryError naming the Debian package', async () => {
    await expect(abTool('/nonexistent/bin/ab').version()).rejects.toThrow(
      new MissingBinaryError('/nonexistent/bin/ab', 'apache2-utils', 'is not installed'),
    );
  });

  it('measures a real server as the post did, reporting progress from its stderr', async () => {
    const { server, url, hits } = await jsonServer();
    try {
      const progress: number[] = [];
      const tool = abTool();
      expect(await tool.version()).toMatch(/^ab 2\.\d/);
      const r = await tool.run({
        url,
        requests: 200,
        concurrency: 2,
        timeoutSeconds: 5,
        onProgress: (n) => progress.push(n),
      });
      expect(r).toMatchObject({ completed: 200, failed: 0, non2xx: 0 });
      expect(r.error).toBeUndefined();
      expect(r.requestsPerSecond).toBeGreaterThan(0);
      expect(r.percentilesMs).toHaveLength(101);
      expect(hits()).toBe(200);
      expect(progress).toEqual([100, 200]);
      expect(registeredCount()).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('a refused connection is a failed run, not a crash', async () => {
    const r = await abTool().run({ url: await closedUrl(), requests: 5, concurrency: 1, timeoutSeconds: 2 });
    expect(r).toMatchObject({ completed: 0, failed: 5 });
    expect(r.error).toMatch(/^ab failed \(exit \d+\): .*Connection refused/);
    expect(runProblems(r, 5)[0]).toBe(r.error);
  });
});

describe('autocannon', () => {
  it('sends exactly the requests asked for and keeps each latency', async () => {
    const { server, url, hits } = await jsonServer(10);
    try {
      const progress: number[] = [];
      const r = await autocannonTool.run({
        url,
        requests: 40,
        concurrency: 2,
        timeoutSeconds: 5,
        onProgress: (n) => progress.push(n),
      });
      expect(hits()).toBe(40);
      expect(r).toMatchObject({ completed: 40, failed: 0, non2xx: 4 });
      expect(progress).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(r.percentilesMs).toHaveLength(101);
      expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p99);
      expect(r.latencyMs.mean).not.toBeNull();
      // ab's definitions: rate = completed / wall time, time per request = concurrency x wall time / completed.
      expect(r.requestsPerSecond).toBeCloseTo((40 * 1000) / r.durationMs, 6);
      expect(r.timePerRequestMs).toBeCloseTo((2 * r.durationMs) / 40, 6);
      expect(runProblems(r, 40)).toEqual(['4 responses were not 2xx']);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('gives up on a server that refuses connections', async () => {
    const r = await autocannonTool.run({ url: await closedUrl(), requests: 5, concurrency: 1, timeoutSeconds: 2 });
    expect(r.completed).toBe(0);
    expect(r.failed).toBeGreaterThanOrEqual(5);
    expect(r.error).toMatch(/^no request got a response: .*ECONNREFUSED/);
  });
});

it('figures from samples follow ab: rate over the wall time, time per request times the concurrency', () => {
  const r = resultFromSamples({
    latencies: [3, 1, 2, 4],
    completed: 4,
    failed: 0,
    non2xx: 0,
    durationMs: 5,
    concurrency: 2,
  });
  expect(r).toMatchObject({
    requestsPerSecond: 800,
    timePerRequestMs: 2.5,
    latencyMs: { mean: 2.5, p50: 2, p90: 4, p99: 4, max: 4 },
  });
  expect(r.percentilesMs[0]).toBe(1);
});
