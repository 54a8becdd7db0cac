import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, killAllSync, registeredCount } from '../../../../packages/bench/src/sidecar/local/runner';
import { runCli } from '../../../helpers/cli';
import { portInUseDuringEachTest } from '../../../helpers/ports';
import {
  fakeBinary as sharedFakeBinary,
  killLeftovers,
  LOADED_START_MS,
  watchProcesses,
  withoutProgress,
} from '../../../helpers/processes';

/** Every way `bench local` cannot run: a clear message, exit 2, and no process or directory left behind. */

let work: string;
let fakes: string;
const everySeen: number[] = [];
beforeAll(() => {
  fakes = mkdtempSync(join(tmpdir(), 'bench-local-fakes-'));
  chmodSync(fakes, 0o755);
});
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'bench-local-fail-'));
  chmodSync(work, 0o755);
});
afterEach(() => {
  killAllSync();
  rmSync(work, { recursive: true, force: true });
});
afterAll(() => {
  killLeftovers(everySeen);
  rmSync(fakes, { recursive: true, force: true });
});

const fakeBinary = (name: string, body: string): string => sharedFakeBinary(fakes, name, body);

/** Runs `bench local` with small numbers in the test's work dir, watching the processes it starts. */
async function benchLocal(args: string[]) {
  const watch = watchProcesses(work, 50);
  const small = Object.entries({
    requests: '5',
    warmup: '0',
    repetitions: '1',
    'start-timeout': String(LOADED_START_MS),
  }).flatMap(([k, v]) => (args.includes(`--${k}`) ? [] : [`--${k}`, v]));
  const result = await runCli(['bench', 'local', ...small, '--work-dir', work, ...args]);
  const seen = watch.stop();
  everySeen.push(...seen);
  return { ...result, seen };
}

function expectNothingLeft(seen: readonly number[]): void {
  expect(seen.filter(isAlive)).toEqual([]);
  expect(readdirSync(work)).toEqual([]);
  expect(registeredCount()).toBe(0);
}

describe('a port in use', () => {
  const taken = portInUseDuringEachTest();

  it('names the port; a variant that did start is stopped again', async () => {
    const { port } = taken;
    // --base-port puts combined's nginx on port + 2: block that one, so tcp starts and must be stopped again.
    const r = await benchLocal(['--variants', 'tcp', 'combined', '--base-port', String(port - 2), '--json']);
    expect(withoutProgress(r.stderr)).toBe(
      `error: bench local: port 127.0.0.1:${port} for combined nginx is already in use: stop what listens there or choose another port\n`,
    );
    expect(r.code).toBe(2);
    // --json: the same problem as a JSON error object on stdout.
    expect(JSON.parse(r.stdout)).toEqual({
      error: {
        exitCode: 2,
        problems: [
          {
            file: 'bench local',
            path: '',
            message: `port 127.0.0.1:${port} for combined nginx is already in use: stop what listens there or choose another port`,
          },
        ],
      },
    });
    expect(r.seen.length).toBeGreaterThan(0);
    expectNothingLeft(r.seen);
  });
});

describe('a missing binary', () => {
  it('nginx: names it and the Debian package, before anything starts', async () => {
    const r = await benchLocal(['--nginx', '/nonexistent/sbin/nginx']);
    expect(withoutProgress(r.stderr)).toBe(
      'error: bench local: /nonexistent/sbin/nginx is not an executable file: install the Debian package(s) nginx-light (or nginx)\n',
    );
    expect(r.code).toBe(2);
    expect(r.seen).toEqual([]);
    expectNothingLeft(r.seen);
  });

  it('ab with --tool ab: checked before any server starts', async () => {
    const r = await benchLocal(['--tool', 'ab', '--ab', '/nonexistent/bin/ab']);
    expect(withoutProgress(r.stderr)).toBe(
      'error: bench local: /nonexistent/bin/ab is not installed: install the Debian package(s) apache2-utils\n',
    );
    expect(r.code).toBe(2);
    expect(r.seen).toEqual([]);
    expectNothingLeft(r.seen);
  });
});

describe('a server that does not come up', () => {
  it('that hangs: reported after --start-timeout, and killed with everything else', async () => {
    const gunicorn = fakeBinary('gunicorn-hangs', 'sleep 30');
    const r = await benchLocal(['--variants', 'sharedvol', '--gunicorn', gunicorn, '--start-timeout', '1000']);
    expect(withoutProgress(r.stderr)).toMatch(
      new RegExp(
        `^error: bench local: sharedvol: .*nginx \\+ ${gunicorn} did not answer 200 on http://127\\.0\\.0\\.1:\\d+/healthz within 1000 ms`,
      ),
    );
    expect(r.code).toBe(2);
    // nginx (master and worker), the fake gunicorn and its sleep all ran, and are all gone.
    expect(r.seen.length).toBeGreaterThanOrEqual(4);
    expectNothingLeft(r.seen);
  });

  it('that exits: names it and shows its log', async () => {
    const gunicorn = fakeBinary('gunicorn-exits', 'echo "cannot start: on purpose" >&2; exit 3');
    const r = await benchLocal(['--variants', 'tcp', '--gunicorn', gunicorn]);
    expect(withoutProgress(r.stderr)).toContain(`error: bench local: tcp: app (${gunicorn}) exited during startup`);
    expect(withoutProgress(r.stderr)).toContain('cannot start: on purpose');
    expect(r.code).toBe(2);
    expectNothingLeft(r.seen);
  });
});

describe('a load generator that fails while measuring', () => {
  it('is reported per run (exit 1), and the servers are stopped all the same', async () => {
    const ab = fakeBinary(
      'ab-breaks',
      'if [ "$1" = "-V" ]; then echo "This is ApacheBench, Version 2.3"; exit 0; fi\necho "apr_socket_recv: broken on purpose" >&2; exit 1',
    );
    const r = await benchLocal(['--variants', 'tcp', '--tool', 'ab', '--ab', ab]);
    expect(withoutProgress(r.stderr)).toBe(
      'tcp: repetition 1: ab failed (exit 1): apr_socket_recv: broken on purpose\n',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^tcp\s+-\s+-\s+-$/m);
    expect(r.seen.length).toBeGreaterThanOrEqual(4);
    expectNothingLeft(r.seen);
  });
});

describe('bad options: exit 2 before anything starts', () => {
  it.each([
    [['--requests', '0'], 'error: --requests: 0 is out of range (a whole number from 1 to 10000000)'],
    [['--concurrency', '10'], 'error: --concurrency: 10 is more than --requests 5 (at most the number of requests)'],
    [['--warmup', '1', '--concurrency', '2'], 'error: --warmup: 1 is fewer than --concurrency 2 (0 or at least 2)'],
    [['--requests', 'abc'], 'error: --requests: is not a number (a whole number from 1 to 10000000)'],
    [['--repetitions', '1.5'], 'error: --repetitions: 1.5 is not a whole number (a whole number from 1 to 100)'],
    [
      ['--report', '/nonexistent/dir/r.md'],
      "error: --report: /nonexistent/dir/r.md: folder '/nonexistent/dir' does not exist (an existing folder)",
    ],
    [['--base-port', '80'], 'error: --base-port: 80 is out of range (a whole number from 1024 to 65532)'],
    [['--variants', 'udp'], 'error: command line: Invalid values:'],
  ])('%j', async (args, message) => {
    const r = await benchLocal(args);
    expect(withoutProgress(r.stderr).startsWith(message)).toBe(true);
    expect(r.code).toBe(2);
    expectNothingLeft(r.seen);
  });

  it('a --work-dir that does not exist', async () => {
    const r = await runCli(['bench', 'local', '--work-dir', join(work, 'missing')]);
    expect(withoutProgress(r.stderr)).toBe(`error: --work-dir: ${join(work, 'missing')}: is not an existing folder\n`);
    expect(r.code).toBe(2);
  });
});
