import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../src/core/errors';
import { portInUseDuringEachTest } from '../../helpers/ports';
import { fakeBinary as sharedFakeBinary, processesWith } from '../../helpers/processes';
import {
  killAllSync,
  LocalRunnerError,
  MissingBinaryError,
  PortInUseError,
  registeredCount,
  ServerStartError,
  startVariant,
  startVariants,
} from '../../../packages/bench/src/sidecar/local/runner';

/** Every way a start fails: a typed error (exit code 2 in the harness) and nothing left running or on disk. */

let base: string;
let fakes: string;
beforeAll(() => {
  fakes = mkdtempSync(join(tmpdir(), 'sidecar-fakes-'));
  chmodSync(fakes, 0o755); // the servers may run as nobody
});
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'sidecar-base-'));
  chmodSync(base, 0o755);
});
afterEach(() => {
  killAllSync();
  rmSync(base, { recursive: true, force: true });
});
afterAll(() => rmSync(fakes, { recursive: true, force: true }));

const fakeBinary = (name: string, body: string): string => sharedFakeBinary(fakes, name, body);

function expectNothingLeft(): void {
  expect(registeredCount()).toBe(0);
  expect(readdirSync(base)).toEqual([]);
}

describe('a missing binary', () => {
  it('names the binary and the Debian package', async () => {
    const failure = startVariant('tcp', { baseDir: base, binaries: { nginx: '/nonexistent/sbin/nginx' } });
    await expect(failure).rejects.toThrow(MissingBinaryError);
    await expect(failure).rejects.toThrow(
      '/nonexistent/sbin/nginx is not an executable file: install the Debian package(s) nginx-light (or nginx)',
    );
    await expect(failure).rejects.toMatchObject({ binary: '/nonexistent/sbin/nginx', name: 'MissingBinaryError' });
    // Bad input, not a bug: exit 2 wherever it surfaces.
    await expect(failure).rejects.toBeInstanceOf(InputError);
    expectNothingLeft();
  });

  it('checks supervisord only for combined', async () => {
    await expect(
      startVariant('combined', { baseDir: base, binaries: { supervisord: '/nonexistent/supervisord' } }),
    ).rejects.toThrow('install the Debian package(s) supervisor');
    expectNothingLeft();
  });

  it("reports a python without the app's modules", async () => {
    const python = fakeBinary('python-without-modules', 'exit 1');
    await expect(startVariant('sharedvol', { baseDir: base, binaries: { python } })).rejects.toThrow(
      `${python} cannot import starlette and uvicorn.workers: install the Debian package(s) python3-starlette python3-uvicorn`,
    );
    expectNothingLeft();
  });
});

describe('bad options', () => {
  it('are a LocalRunnerError naming the option, before anything starts', async () => {
    await expect(startVariant('tcp', { baseDir: base, render: { workers: 0 } })).rejects.toThrow(
      new LocalRunnerError('workers must be an integer from 1 to 64, got 0'),
    );
    await expect(startVariant('tcp', { baseDir: base, port: 70000 })).rejects.toThrow(
      /^port must be an integer from 1 to 65535/,
    );
    expectNothingLeft();
  });
});

describe('a port in use', () => {
  const taken = portInUseDuringEachTest();

  it('is reported for nginx before anything starts', async () => {
    const { port } = taken;
    const failure = startVariant('sharedvol', { baseDir: base, port });
    await expect(failure).rejects.toThrow(PortInUseError);
    await expect(failure).rejects.toThrow(`port 127.0.0.1:${port} for sharedvol nginx is already in use`);
    expectNothingLeft();
  });

  it("is reported for the tcp variant's app port", async () => {
    const { port } = taken;
    await expect(startVariant('tcp', { baseDir: base, appPort: port })).rejects.toMatchObject({
      port,
      server: 'the tcp app',
    });
    expectNothingLeft();
  });
});

describe('a server that does not come up', () => {
  it('that exits: names it and shows its log, and stops the other', async () => {
    const gunicorn = fakeBinary('gunicorn-that-exits', 'echo "cannot start: on purpose" >&2; exit 3');
    const failure = startVariant('tcp', { baseDir: base, binaries: { gunicorn } });
    await expect(failure).rejects.toThrow(ServerStartError);
    await expect(failure).rejects.toThrow(`tcp: app (${gunicorn}) exited during startup`);
    await expect(failure).rejects.toThrow('cannot start: on purpose');
    // nginx had started before the app died; it must be gone too.
    expect(processesWith(base)).toEqual([]);
    expectNothingLeft();
  });

  it('that never answers: times out naming the port, and kills it', async () => {
    const marker = `never-answers-${process.pid}`;
    const gunicorn = fakeBinary(
      'gunicorn-that-hangs',
      `exec /usr/bin/python3 -c "import time; time.sleep(120)" ${marker}`,
    );
    const failure = startVariant('sharedvol', { baseDir: base, binaries: { gunicorn }, startTimeoutMs: 1500 });
    await expect(failure).rejects.toThrow(
      /sharedvol: .*nginx \+ .*gunicorn-that-hangs did not answer 200 on http:\/\/127\.0\.0\.1:\d+\/healthz within 1500 ms/,
    );
    await expect(failure).rejects.toBeInstanceOf(LocalRunnerError);
    expect(processesWith(marker)).toEqual([]);
    expect(processesWith(base)).toEqual([]);
    expectNothingLeft();
  });

  it('under supervisord: the whole tree is stopped', async () => {
    const marker = `under-supervisord-${process.pid}`;
    const gunicorn = fakeBinary(
      'gunicorn-under-supervisord',
      `exec /usr/bin/python3 -c "import time; time.sleep(120)" ${marker}`,
    );
    await expect(
      startVariant('combined', { baseDir: base, binaries: { gunicorn }, startTimeoutMs: 2500 }),
    ).rejects.toThrow(ServerStartError);
    expect(processesWith(marker)).toEqual([]);
    expect(processesWith(base)).toEqual([]);
    expectNothingLeft();
  });

  it('in startVariants: the variants that did start are stopped too', async () => {
    // Only combined uses supervisord: tcp comes up, combined does not.
    const supervisord = fakeBinary('supervisord-that-exits', 'sleep 0.5; exit 3');
    const failure = startVariants(['tcp', 'combined'], { baseDir: base, binaries: { supervisord } });
    await expect(failure).rejects.toThrow(`combined: supervisord (${supervisord}) exited during startup`);
    expect(processesWith(base)).toEqual([]);
    expectNothingLeft();
  });
});
