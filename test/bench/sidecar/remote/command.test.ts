import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../helpers/cli';
import { withoutProgress } from '../../../helpers/processes';
import type { SidecarBenchReport } from '../../../../packages/bench/src/sidecar/report';

/**
 * `bench remote` against a local stand-in for the deployed load balancer: one server that routes the sidecar
 * stack's path prefixes (`/tcp-x86_64/`, ...) to a JSON answer like the app's and answers 404 elsewhere.
 */

const DEPLOYED = ['tcp-x86_64', 'sharedvol-x86_64', 'combined-arm64'];
let alb: Server;
let base: string;
const hits = new Map<string, number>();
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bench-remote-'));
  alb = createServer((req, res) => {
    const prefix = (req.url ?? '/').split('/')[1];
    hits.set(prefix, (hits.get(prefix) ?? 0) + 1);
    if (!DEPLOYED.includes(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ hello: 'world', utcnow: new Date().toISOString(), random: Math.random() }));
  });
  await new Promise<void>((r) => alb.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(alb.address() as AddressInfo).port}`;
});
beforeEach(() => hits.clear());
afterAll(async () => {
  await new Promise((r) => alb.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** What `terraform output -json` prints for the sidecar stack (map keys sorted, as Terraform sorts them). */
function terraformOutputs(): Record<string, unknown> {
  const urls = Object.fromEntries([...DEPLOYED].sort().map((k) => [k, `${base}/${k}/`]));
  return {
    alb_dns_name: { sensitive: false, type: 'string', value: base.slice(7) },
    bench_command: {
      sensitive: false,
      type: 'string',
      value: 'npx stackwright bench remote --from-terraform generated/sidecar',
    },
    deployment_urls: {
      sensitive: false,
      type: ['object', Object.fromEntries(Object.keys(urls).map((k) => [k, 'string']))],
      value: urls,
    },
  };
}

const small = ['--requests', '20', '--warmup', '4', '--repetitions', '2'];

describe('stackwright bench remote', () => {
  it("reads the deployments from a terraform outputs file and prints the table in the post's order", async () => {
    const outputs = join(dir, 'outputs.json');
    writeFileSync(outputs, JSON.stringify(terraformOutputs()));
    const r = await runCli(['bench', 'remote', '--from-terraform', outputs, ...small]);
    expect(withoutProgress(r.stderr)).toBe('');
    // Off a terminal the run is not silent: plain progress lines on stderr.
    expect(r.stderr).toMatch(/^progress: benchmarking tcp-x86_64, sharedvol-x86_64, combined-arm64\n/);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^variant\s+requests\/s \(mean\)\s+time per request ms \(mean\)\s+p99 ms\s+vs tcp$/);
    expect(lines.slice(2, 5).map((l) => l.split(' ')[0])).toEqual(['tcp-x86_64', 'sharedvol-x86_64', 'combined-arm64']);
    expect(lines[3]).toMatch(
      /^sharedvol-x86_64\s+[\d.]+ \[[\d.]+-[\d.]+\]\s+[\d.]+ \[[\d.]+-[\d.]+\]\s+[\d.]+ \[[\d.]+-[\d.]+\]\s+[+-]?[\d.]+% req\/s \((beyond|within) spread\)$/,
    );
    expect(lines[5]).toBe(
      'median [min-max] over 2 repetitions of 20 requests at concurrency 1, each after 4 warm-up requests; autocannon 9.0.0, connections kept alive',
    );
    // Each deployment got its own path: (4 warm-up + 20 measured) x 2 repetitions, nothing unrouted.
    expect(Object.fromEntries(hits)).toEqual({ 'tcp-x86_64': 48, 'sharedvol-x86_64': 48, 'combined-arm64': 48 });
  });

  it("reads them from a stack folder through the Terraform CLI and writes JSON and a report with the post's AWS figures", async () => {
    // A stand-in for `terraform` (or `tofu`): answers `output -no-color -json` in the stack folder.
    const stack = join(dir, 'sidecar');
    mkdirSync(stack);
    writeFileSync(join(stack, 'outputs.json'), JSON.stringify(terraformOutputs()));
    const tofu = join(dir, 'tofu');
    writeFileSync(tofu, '#!/bin/sh\n[ "$*" = "output -no-color -json" ] && exec cat outputs.json\nexit 9\n');
    chmodSync(tofu, 0o755);
    const report = join(dir, 'remote.md');
    const r = await runCli([
      'bench',
      'remote',
      '--from-terraform',
      stack,
      '--terraform',
      tofu,
      '--variants',
      'tcp',
      'sharedvol',
      '--json',
      '--report',
      report,
      ...small,
    ]);
    expect(withoutProgress(r.stderr)).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as SidecarBenchReport;
    expect(json).toMatchObject({ benchmark: 'remote', servers: null, reportFile: report });
    expect(json.command).toBe(
      `node bin/stackwright.js bench remote --from-terraform ${stack} --terraform ${tofu} --variants tcp sharedvol --requests 20 --concurrency 1 --warmup 4 --repetitions 2 --tool autocannon --report ${report}`,
    );
    expect(json.targets.map((t) => [t.name, t.variant, t.architecture, t.published?.requestsPerSecond])).toEqual([
      ['tcp-x86_64', 'tcp', 'X86_64', 447.57],
      ['sharedvol-x86_64', 'sharedvol', 'X86_64', 394.55],
    ]);
    expect(hits.get('combined-arm64')).toBeUndefined();
    const md = readFileSync(report, 'utf8');
    expect(md).toContain('# Container-to-container benchmark: deployed environment');
    expect(md).toMatch(
      /\| `sharedvol-x86_64` \| [\d.]+ \| 394\.55 \| [\d.]+ \| 0\.882 \| [\d.]+ \/ 2\.535 \| [\d.]+ \/ 6 \| AWS Fargate x86_64 \|/,
    );
    expect(md).toContain(
      '- Every deployment is reached at its URL from this machine; the load balancer is part of every figure.',
    );
  });

  it('measures with ab as the post did, a new connection per request', async () => {
    const chart = join(dir, 'ab.svg');
    const r = await runCli([
      'bench',
      'remote',
      '--url',
      `tcp-arm64=${base}/tcp-x86_64/`,
      '--tool',
      'ab',
      '--json',
      '--chart',
      chart,
      ...small,
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as SidecarBenchReport;
    expect(json.tool).toMatchObject({ name: 'ab', keepAlive: false, version: expect.stringMatching(/^ab 2\./) });
    expect(json.targets[0]!.runs.map((x) => [x.completed, x.failed, x.percentilesMs.length])).toEqual([
      [20, 0, 101],
      [20, 0, 101],
    ]);
    expect(json.targets[0].published).toEqual({
      source: 'the post, AWS Fargate arm64',
      requestsPerSecond: 475.03,
      timePerRequestMs: 2.105,
      p99Ms: 3,
    });
    expect(readFileSync(chart, 'utf8')).toContain(
      'remote: 20 requests at concurrency 1, 2 repetitions (one line each), ab 2.',
    );
  });

  it('reports error responses and unreachable URLs on stderr and exits 1', async () => {
    const r = await runCli([
      'bench',
      'remote',
      '--url',
      `tcp=${base}/no-such-prefix/`,
      '--url',
      'combined=http://127.0.0.1:1/',
      '--requests',
      '5',
      '--warmup',
      '0',
      '--repetitions',
      '1',
    ]);
    expect(r.code).toBe(1);
    expect(withoutProgress(r.stderr)).toContain('tcp: repetition 1: 5 responses were not 2xx\n');
    expect(withoutProgress(r.stderr)).toMatch(/combined: repetition 1: no request got a response: .*ECONNREFUSED/);
    expect(r.stdout).toMatch(/^combined\s+-\s+-\s+-$/m);
  });

  it.each([
    [[], 'error: command line: no URLs to benchmark (pass --from-terraform <dir|file> or --url name=URL)'],
    [['--url', 'tcp'], 'error: --url: tcp: expected name=URL'],
    [['--url', 'tcp=ftp://x/'], "error: --url: tcp: URL must use http or https: 'ftp://x/'"],
    [['--url', 'tcp=http://user:pw@x/'], 'error: --url: tcp: URL must not contain credentials'],
    [
      ['--url', 'tcp=http://a/', '--url', 'tcp=http://b/'],
      'error: command line: tcp: target name given twice (each name once)',
    ],
    [
      ['--url', 'tcp=http://a/', '--variants', 'combined'],
      'error: --variants: combined: matches none of the targets (tcp)',
    ],
    [
      ['--from-terraform', '/nonexistent/outputs.json'],
      'error: --from-terraform: /nonexistent/outputs.json: not found',
    ],
    [
      ['--url', 'tcp=http://a/', '--tool', 'ab', '--ab', '/nonexistent/ab'],
      'error: bench remote: /nonexistent/ab is not installed: install the Debian package(s) apache2-utils',
    ],
  ])('%j exits 2', async (args, message) => {
    const r = await runCli(['bench', 'remote', ...args]);
    expect(withoutProgress(r.stderr).split('\n')[0].startsWith(message)).toBe(true);
    expect(r.code).toBe(2);
  });

  it('an outputs file without deployment URLs exits 2', async () => {
    const outputs = join(dir, 'other-stack.json');
    writeFileSync(outputs, JSON.stringify({ function_urls: { value: { a: 'https://x/' } } }));
    const r = await runCli(['bench', 'remote', '--from-terraform', outputs]);
    expect(withoutProgress(r.stderr)).toBe(
      `error: --from-terraform: ${outputs}: no 'deployment_urls' output with at least one URL (apply the sidecar stack first, or pass --url name=URL)\n`,
    );
    expect(r.code).toBe(2);
  });
});
