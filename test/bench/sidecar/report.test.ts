import { formatTable, problemLines } from '../../../packages/bench/src/sidecar/report';
import { fakeReport } from './fixtures';

describe('the report built from the runs', () => {
  const report = fakeReport('local', { tcp: [700, 690, 710], sharedvol: [720, 730, 740], combined: [705, 680, 700] });

  it('has one summary per target with median and range over the repetitions', () => {
    const [tcp, sharedvol, combined] = report.targets;
    expect(tcp).toMatchObject({
      name: 'tcp',
      url: 'http://127.0.0.1:8081/',
      variant: 'tcp',
      architecture: null,
      problems: [],
      vsBaseline: null,
    });
    expect(tcp.requestsPerSecond).toEqual({ median: 700, min: 690, max: 710, values: [700, 690, 710] });
    expect(tcp.timePerRequestMs?.median).toBeCloseTo(1000 / 700, 9);
    expect(tcp.p99Ms?.values).toHaveLength(3);
    expect(tcp.runs.map((r) => [r.repetition, r.position])).toEqual([
      [1, 1],
      [2, 3],
      [3, 2],
    ]);
    expect(tcp.runs[0].percentilesMs).toHaveLength(101);
    // sharedvol's range lies above tcp's; combined's overlaps it.
    expect(sharedvol.vsBaseline).toEqual({ baseline: 'tcp', requestsPerSecondChangePercent: 4.3, beyondSpread: true });
    expect(combined.vsBaseline).toEqual({ baseline: 'tcp', requestsPerSecondChangePercent: 0, beyondSpread: false });
  });

  it('with one repetition there is no range, so it claims neither beyond nor within spread', () => {
    const once = fakeReport('local', { tcp: [700], sharedvol: [900], combined: [710] });
    expect(once.targets[1].vsBaseline).toEqual({
      baseline: 'tcp',
      requestsPerSecondChangePercent: 28.6,
      beyondSpread: null,
    });
    expect(formatTable(once)).toContain('+28.6% req/s (one repetition: no spread)');
    expect(formatTable(once)).not.toMatch(/beyond spread|within spread/);
  });

  it("sets the post's local figures beside local variants", () => {
    expect(report.targets.map((t) => t.published)).toEqual([
      { source: 'the post, Docker Desktop (local)', requestsPerSecond: 679.77 },
      { source: 'the post, Docker Desktop (local)', requestsPerSecond: 715.62 },
      { source: 'the post, Docker Desktop (local)', requestsPerSecond: 705.55 },
    ]);
  });

  it('JSON carries settings, schedule, tool, machine and servers', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(Object.keys(json).sort()).toEqual([
      'benchmark',
      'command',
      'finishedAt',
      'machine',
      'schedule',
      'servers',
      'settings',
      'startedAt',
      'targets',
      'tool',
    ]);
    expect(json.schedule[1]).toEqual({ repetition: 2, order: ['sharedvol', 'combined', 'tcp'] });
    expect(json.settings).toEqual({ requests: 100, concurrency: 1, warmup: 10, repetitions: 3, timeoutSeconds: 10 });
  });

  it("prints the post's table: median [min-max] per figure and the comparison with tcp", () => {
    const lines = formatTable(report).split('\n');
    expect(lines[0]).toMatch(/^variant\s+requests\/s \(mean\)\s+time per request ms \(mean\)\s+p99 ms\s+vs tcp$/);
    expect(lines[2]).toMatch(
      /^tcp\s+700\.0 \[690\.0-710\.0\]\s+1\.429 \[1\.408-1\.449\]\s+\d+\.\d\d \[[\d.]+-[\d.]+\]$/,
    );
    expect(lines[3]).toMatch(/^sharedvol\s+730\.0 \[720\.0-740\.0\].*\+4\.3% req\/s \(beyond spread\)$/);
    expect(lines[4]).toMatch(/^combined\s+700\.0 \[680\.0-705\.0\].*0\.0% req\/s \(within spread\)$/);
    expect(lines[5]).toBe(
      'median [min-max] over 3 repetitions of 100 requests at concurrency 1, each after 10 warm-up requests; autocannon 9.0.0, connections kept alive',
    );
  });

  it('deployments get the figures of their architecture and compare with tcp on the same one', () => {
    const remote = fakeReport('remote', {
      'tcp-x86_64': [440, 450, 445],
      'tcp-arm64': [470, 480, 475],
      'sharedvol-arm64': [400, 410, 405],
      custom: [100, 100, 100],
    });
    const byName = Object.fromEntries(remote.targets.map((t) => [t.name, t]));
    expect(byName['tcp-x86_64'].published).toEqual({
      source: 'the post, AWS Fargate x86_64',
      requestsPerSecond: 447.57,
      timePerRequestMs: 2.234,
      p99Ms: 5,
    });
    expect(byName['sharedvol-arm64']).toMatchObject({
      variant: 'sharedvol',
      architecture: 'ARM64',
      published: { p99Ms: 4 },
    });
    expect(byName['sharedvol-arm64'].vsBaseline).toEqual({
      baseline: 'tcp-arm64',
      requestsPerSecondChangePercent: -14.7,
      beyondSpread: true,
    });
    expect(byName.custom).toMatchObject({ variant: null, published: null, vsBaseline: null });
  });

  it('reports failed requests as problems', () => {
    const failing = fakeReport('local', { tcp: [700, 700, 700], combined: [700, 700, 700] }, { failedIn: 'combined' });
    expect(failing.targets[1].problems).toEqual([
      'repetition 2: 3 of 100 requests failed',
      'repetition 2: only 97 of 100 requests completed',
    ]);
    expect(problemLines(failing)).toEqual([
      'combined: repetition 2: 3 of 100 requests failed; repetition 2: only 97 of 100 requests completed',
    ]);
    expect(problemLines(report)).toEqual([]);
  });
});
