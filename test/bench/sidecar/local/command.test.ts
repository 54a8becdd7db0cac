import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, killAllSync, registeredCount } from '../../../../packages/bench/src/sidecar/local/runner';
import type { SidecarBenchReport } from '../../../../packages/bench/src/sidecar/report';
import { runCli } from '../../../helpers/cli';
import { killLeftovers, LOADED_START_MS, watchProcesses } from '../../../helpers/processes';

/**
 * The whole harness against real servers: all three variants started natively from the rendered configs, a
 * small benchmark of two interleaved repetitions, every output, and nothing left running afterwards.
 */

let work: string;
let out: string;
let seen: number[] = [];
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bench-local-work-'));
  chmodSync(work, 0o755); // the servers run as nobody when the tests run as root
  out = mkdtempSync(join(tmpdir(), 'bench-local-out-'));
});
afterAll(() => {
  killAllSync();
  killLeftovers(seen);
  rmSync(work, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('stackwright bench local against the three variants', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: SidecarBenchReport & { readonly reportFile: string; readonly chartFile: string };
  beforeAll(async () => {
    const watch = watchProcesses(work);
    result = await runCli([
      'bench',
      'local',
      '--requests',
      '30',
      '--warmup',
      '5',
      '--repetitions',
      '2',
      '--json',
      '--work-dir',
      work,
      '--start-timeout',
      String(LOADED_START_MS),
      '--report',
      join(out, 'local.md'),
      '--chart',
      join(out, 'local.svg'),
      '--note',
      'test run',
    ]);
    seen = watch.stop();
    report = JSON.parse(result.stdout) as typeof report;
  }, 2 * LOADED_START_MS);

  it('exits 0 with nothing on stderr (no progress display without a terminal)', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('measured every variant in every repetition, interleaved', () => {
    expect(report).toMatchObject({
      benchmark: 'local',
      tool: { name: 'autocannon', keepAlive: true },
      settings: { requests: 30, concurrency: 1, warmup: 5, repetitions: 2, timeoutSeconds: 10 },
      schedule: [
        { repetition: 1, order: ['tcp', 'sharedvol', 'combined'] },
        { repetition: 2, order: ['sharedvol', 'combined', 'tcp'] },
      ],
      reportFile: join(out, 'local.md'),
      chartFile: join(out, 'local.svg'),
    });
    expect(report.command).toBe(
      `node bin/stackwright.js bench local --requests 30 --concurrency 1 --warmup 5 --repetitions 2 --tool autocannon --report ${join(out, 'local.md')} --chart ${join(out, 'local.svg')} --note 'test run'`,
    );
    expect(report.targets.map((t) => t.name)).toEqual(['tcp', 'sharedvol', 'combined']);
    for (const t of report.targets) {
      expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(t.problems).toEqual([]);
      expect(t.runs.map((r) => r.repetition)).toEqual([1, 2]);
      for (const r of t.runs) {
        expect(r).toMatchObject({ completed: 30, failed: 0, non2xx: 0 });
        expect(r.percentilesMs).toHaveLength(101);
      }
      for (const figure of ['requestsPerSecond', 'timePerRequestMs', 'p99Ms'] as const) {
        const s = t[figure]!;
        expect(s.values).toHaveLength(2);
        expect(s.min).toBeLessThanOrEqual(s.median);
        expect(s.median).toBeLessThanOrEqual(s.max);
        expect(s.min).toBeGreaterThan(0);
      }
    }
    expect(report.targets[2]!.runs.map((r) => r.position)).toEqual([3, 2]);
    expect(report.targets[1]!.vsBaseline!.baseline).toBe('tcp');
    expect(report.servers!.nginx).toMatch(/nginx\/1\.\d+/);
    expect(report.servers!.gunicorn).toMatch(/gunicorn \(version \d+/);
    expect(report.servers!.supervisord).toMatch(/^\d+\.\d+/);
    expect(report.machine.cpus).toBeGreaterThan(0);
  });

  it("wrote the Markdown report with the post's numbers, and the chart", () => {
    const md = readFileSync(join(out, 'local.md'), 'utf8');
    expect(md).toContain(report.command);
    expect(md).toContain('> test run');
    expect(md).toMatch(/\| `sharedvol` \| [\d.]+ \| 715\.62 \| [\d.]+ \| 1\.053 \|/);
    expect(md).toContain('![Latency by percentile, one line per repetition](local.svg)');
    expect(md).toContain('| 2 | sharedvol, combined, tcp |');
    const svg = readFileSync(join(out, 'local.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<polyline /g)).toHaveLength(3 * 2 * 2);
  });

  it('stopped every server process and removed every directory', () => {
    // Per variant at least nginx master + worker and gunicorn master + worker; combined adds supervisord.
    expect(seen.length).toBeGreaterThanOrEqual(13);
    expect(seen.filter(isAlive)).toEqual([]);
    expect(readdirSync(work)).toEqual([]);
    expect(registeredCount()).toBe(0);
  });
});
