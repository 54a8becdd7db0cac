import { resultFromSamples } from '../../../packages/bench/src/sidecar/load';
import type { Measurement, MeasureSettings, RunRecord } from '../../../packages/bench/src/sidecar/measure';
import { buildReport, type ReportContext, type SidecarBenchReport } from '../../../packages/bench/src/sidecar/report';
import { interleavedSchedule } from '../../../packages/bench/src/sidecar/schedule';
import { benchTarget } from '../../../packages/bench/src/sidecar/targets';

export const settings: MeasureSettings = {
  requests: 100,
  concurrency: 1,
  warmup: 10,
  repetitions: 3,
  timeoutSeconds: 10,
};

/** A run of 100 requests at `rps` requests per second: latencies 1/rps s apart from 0.2 ms, slowest `slowestMs`. */
export function fakeRun(rps: number, slowestMs = 2, failed = 0) {
  const per = 1000 / rps;
  const latencies = Array.from({ length: 100 - failed }, (_, i) => (i === 99 ? slowestMs : 0.2 + (i / 100) * per));
  return resultFromSamples({
    latencies,
    completed: 100 - failed,
    failed,
    non2xx: 0,
    durationMs: ((100 - failed) * 1000) / rps,
    concurrency: 1,
  });
}

export const context = (benchmark: 'local' | 'remote', repetitions = settings.repetitions): ReportContext => ({
  benchmark,
  command: `node bin/stackwright.js bench ${benchmark} --requests 100`,
  tool: { name: 'autocannon', version: 'autocannon 9.0.0', keepAlive: true, connections: 'kept alive (reused)' },
  settings: { ...settings, repetitions },
  machine: {
    cpus: 2,
    cpuModel: 'Test CPU',
    memoryGiB: 4,
    kernel: 'Linux 6.1',
    node: 'v20.0.0',
    loadAverageAtStart: [1.5, 1, 0.5],
    loadAverageAtEnd: [2, 1.2, 0.6],
  },
  servers: { nginx: 'nginx version: nginx/1.22.1' },
  startedAt: '2025-01-02T03:04:05.000Z',
  finishedAt: '2025-01-02T03:09:05.000Z',
});

/** requests/s per repetition for each target name (every target has as many values as there are repetitions). */
export function fakeReport(
  benchmark: 'local' | 'remote',
  rps: Record<string, number[]>,
  options: { failedIn?: string; slowestMs?: number } = {},
): SidecarBenchReport {
  const names = Object.keys(rps);
  const targets = names.map((n, i) => benchTarget(n, new URL(`http://127.0.0.1:${8081 + i}/`)));
  const repetitions = rps[names[0]].length;
  const schedule = interleavedSchedule(names, repetitions);
  const runs: RunRecord[] = schedule.flatMap(({ repetition, order }) =>
    order.map((name, i) => ({
      target: name,
      repetition,
      position: i + 1,
      result: fakeRun(
        rps[name][repetition - 1],
        options.slowestMs ?? 2,
        options.failedIn === name && repetition === 2 ? 3 : 0,
      ),
    })),
  );
  const measurement: Measurement = { schedule, runs };
  return buildReport(targets, measurement, context(benchmark, repetitions));
}
