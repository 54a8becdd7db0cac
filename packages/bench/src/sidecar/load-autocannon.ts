import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type autocannonModule from 'autocannon';
import { type LoadRequest, type LoadResult, type LoadTool, resultFromSamples } from './load';

/** How often autocannon checks whether the run is over (its default, 1 s, would idle up to a second per run). */
const CHECK_INTERVAL_MS = 20;

/**
 * autocannon in this process: `concurrency` connections, kept alive, each sending its share of the requests one
 * after the other. Each response's latency is kept exactly (autocannon's own histogram rounds), 2xx only, as ab
 * does; the wall time runs from the first request to the last response.
 */
export const autocannonTool: LoadTool = {
  name: 'autocannon',
  keepAlive: true,
  connections: 'kept alive (each concurrent connection is opened once and reused: no TCP handshake per request)',
  // eslint-disable-next-line @typescript-eslint/require-await -- async so an unreadable package rejects, as every tool's version() does
  async version() {
    const pkg = JSON.parse(readFileSync(require.resolve('autocannon/package.json'), 'utf8')) as { version: string };
    return `autocannon ${pkg.version}`;
  },
  async run(request: LoadRequest): Promise<LoadResult> {
    // Loaded on first use: `bench remote --tool ab` and --help need none of it.
    const autocannon = (await import('autocannon')).default as typeof autocannonModule;
    const latencies: number[] = [];
    let completed = 0;
    let non2xx = 0;
    let failed = 0;
    let firstError: string | undefined;
    const started = performance.now();
    let lastResponse = started;
    await new Promise<void>((resolve, reject) => {
      const instance = autocannon(
        {
          url: request.url.toString(),
          connections: request.concurrency,
          amount: request.requests,
          timeout: request.timeoutSeconds,
          // Without a bail-out, a server that refuses connections keeps autocannon reconnecting forever.
          bailout: request.requests,
          sampleInt: CHECK_INTERVAL_MS,
          headers: { 'user-agent': 'stackwright-bench' },
        },
        (err) => (err ? reject(err as Error) : resolve()),
      );
      instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        lastResponse = performance.now();
        completed++;
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        else non2xx++;
        request.onProgress?.(completed);
      });
      instance.on('reqError', (err: Error) => {
        failed++;
        firstError ??= err.message;
      });
    });
    const durationMs = (completed > 0 ? lastResponse : performance.now()) - started;
    return resultFromSamples({
      latencies,
      completed,
      failed,
      non2xx,
      durationMs,
      concurrency: request.concurrency,
      ...(completed === 0 && firstError ? { error: `no request got a response: ${firstError}` } : {}),
    });
  },
};
