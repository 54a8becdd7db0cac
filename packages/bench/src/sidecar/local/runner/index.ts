import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppBind,
  APP_HEALTH_PATH,
  checkPort,
  defaultRenderOptions,
  resolveRenderOptions,
  SidecarRenderError,
  type SidecarRenderOptions,
  sidecarVariantTable,
  type SidecarVariantSpec,
  type SidecarVariantTable,
} from '@stackwright/generator';
import { LocalRunnerError, MissingBinaryError, PortInUseError, ServerStartError } from './errors';
import { chownTree, defaultBinaries, type LocalBinaries, writeVariantLayout } from './layout';
import { assertPortFree, freePort, LOOPBACK } from './ports';
import {
  isAlive,
  killNow,
  processTree,
  register,
  removeDir,
  type ServerProcess,
  spawnServer,
  stopServers,
  trackChild,
  unregister,
} from './processes';

export * from './errors';
export { defaultBinaries, type LocalBinaries } from './layout';
export { isAlive, killAllSync, processTree, registeredCount, trackChild } from './processes';

export interface StartVariantOptions {
  /** Loopback port nginx listens on. @default a free port */
  readonly port?: number;
  /** Loopback port of the app (tcp variant only). @default a free port */
  readonly appPort?: number;
  /** Rendering options (the same as the images'). @default defaultRenderOptions */
  readonly render?: Partial<
    Pick<SidecarRenderOptions, 'workers' | 'nginxWorkerProcesses' | 'upstreamKeepalive' | 'quietDatadogAgentLogs'>
  >;
  /** How long to wait for a 200 from the app through nginx. @default 20000 */
  readonly startTimeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL on stop. @default 5000 */
  readonly stopGraceMs?: number;
  readonly binaries?: Partial<LocalBinaries>;
  /** Where the variant's temporary directory is created. @default os.tmpdir() */
  readonly baseDir?: string;
  /** The table the variant's name refers to. @default sidecarVariantTable */
  readonly variants?: SidecarVariantTable;
}

/** A variant running natively; `stop()` ends every process and removes its directory. */
export interface RunningVariant {
  /** The variant's name. */
  readonly variant: string;
  /** `http://127.0.0.1:PORT/` (nginx; the app answers JSON on any path). */
  readonly url: string;
  readonly port: number;
  /** Where the app itself listens (behind nginx): loopback TCP for tcp, a unix socket for sharedvol and combined. */
  readonly upstream: AppBind;
  /** Temporary directory with configs, socket and logs (removed by stop). */
  readonly dir: string;
  /** Every process of the variant once it was healthy (masters, workers, supervisord's children). */
  readonly pids: readonly number[];
  stop(): Promise<void>;
}

/** Bad options are the caller's input: a LocalRunnerError (exit 2) before anything starts. */
function validateOptions(options: StartVariantOptions): void {
  try {
    resolveRenderOptions(options.render);
    if (options.port !== undefined) checkPort('port', options.port);
    if (options.appPort !== undefined) checkPort('appPort', options.appPort);
  } catch (err) {
    if (err instanceof SidecarRenderError) throw new LocalRunnerError(err.message);
    throw err;
  }
}

/** Fails with MissingBinaryError unless the binaries and the app's Python modules are there. */
export async function checkBinaries(variant: SidecarVariantSpec, binaries: LocalBinaries): Promise<void> {
  const needed: [string, string][] = [
    [binaries.nginx, 'nginx-light (or nginx)'],
    [binaries.gunicorn, 'gunicorn'],
    [binaries.python, 'python3'],
  ];
  if (variant.containers === 'one') needed.push([binaries.supervisord, 'supervisor']);
  for (const [binary, pkg] of needed) {
    try {
      accessSync(binary, constants.X_OK);
    } catch {
      throw new MissingBinaryError(binary, pkg);
    }
  }
  await checkPythonModules(binaries.python);
}

const modulesChecked = new Map<string, Promise<void>>();

function checkPythonModules(python: string): Promise<void> {
  let check = modulesChecked.get(python);
  if (!check) {
    check = new Promise<void>((resolve, reject) => {
      // The timeout only guards against a hang: on a loaded machine these imports take many seconds.
      const child = execFile(
        python,
        ['-c', 'import starlette, uvicorn.workers'],
        { timeout: 60_000, env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' } },
        (err) => {
          if (err)
            reject(
              new MissingBinaryError(
                python,
                'python3-starlette python3-uvicorn',
                'cannot import starlette and uvicorn.workers',
              ),
            );
          else resolve();
        },
      );
      trackChild(child);
    });
    modulesChecked.set(python, check);
    check.catch(() => modulesChecked.delete(python));
  }
  return check;
}

/** A clean environment: nothing from the caller's Python setup (PYTHONPATH, virtualenvs) leaks in. */
function serverEnv(dir: string): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    HOME: dir,
    TMPDIR: join(dir, 'tmp'),
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
  };
}

/** When we are root, servers run as `nobody` (as the images run non-root); otherwise as ourselves. */
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  if (!line) throw new LocalRunnerError('running as root, but there is no "nobody" user to run the servers as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Ports handed out to variants of this process that are still running: parallel starts must not share one. */
const reservedPorts = new Set<number>();

async function reserveFreePort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (!reservedPorts.has(port)) {
      reservedPorts.add(port);
      return port;
    }
  }
}

function tail(files: readonly string[], lines = 15): string {
  return files
    .filter((f) => existsSync(f))
    .map((f) => ({ f, text: readFileSync(f, 'utf8').trimEnd() }))
    .filter(({ text }) => text.length > 0)
    .map(({ f, text }) => `${f}:\n${text.split('\n').slice(-lines).join('\n')}`)
    .join('\n');
}

function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: LOOPBACK,
        port,
        path,
        agent: false,
        timeout: 1000,
        headers: { 'User-Agent': 'stackwright-local-runner' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Starts one variant natively and resolves once a request through nginx reaches the app. */
export async function startVariant(name: string, options: StartVariantOptions = {}): Promise<RunningVariant> {
  validateOptions(options);
  const table = options.variants ?? sidecarVariantTable;
  const variant = table.find((v) => v.name === name);
  if (!variant) throw new LocalRunnerError(`unknown variant "${name}" (${table.map((v) => v.name).join(', ')})`);
  const binaries = { ...defaultBinaries, ...options.binaries };
  await checkBinaries(variant, binaries);
  const ports: number[] = [];
  const releasePorts = () => ports.forEach((p) => reservedPorts.delete(p));
  try {
    return await startOn(variant, options, binaries, ports);
  } catch (err) {
    releasePorts();
    throw err;
  }
}

async function startOn(
  spec: SidecarVariantSpec,
  options: StartVariantOptions,
  binaries: LocalBinaries,
  ports: number[],
): Promise<RunningVariant> {
  const variant = spec.name;
  const user = unprivilegedUser();
  const port = options.port ?? (await reserveFreePort());
  ports.push(port);
  await assertPortFree(port, `${variant} nginx`);
  // Only an app on loopback TCP needs a port of its own; over a unix socket the app port is never bound.
  const tcpApp = spec.appBind === 'tcp';
  const appPort = tcpApp ? (options.appPort ?? (await reserveFreePort())) : defaultRenderOptions.appPort;
  if (tcpApp) {
    ports.push(appPort);
    if (appPort === port) throw new PortInUseError(port, `both nginx and the ${variant} app`);
    await assertPortFree(appPort, `the ${variant} app`);
  }

  const dir = mkdtempSync(join(options.baseDir ?? tmpdir(), `stackwright-${variant}-`));
  const servers: ServerProcess[] = [];
  let pids: number[] = [];
  let stopping: Promise<void> | undefined;
  const cleanup = {
    killSync: () => {
      killNow(servers, pids);
      removeDir(dir);
    },
  };
  register(cleanup);
  const stop = () => {
    stopping ??= (async () => {
      try {
        await stopServers(servers, pids, options.stopGraceMs ?? 5000);
      } finally {
        removeDir(dir);
        unregister(cleanup);
        ports.forEach((p) => reservedPorts.delete(p));
      }
    })();
    return stopping;
  };

  try {
    const render = { ...defaultRenderOptions, ...options.render };
    const layout = writeVariantLayout({ variant: spec, dir, port, appPort, render, binaries });
    if (user) chownTree(dir, user.uid, user.gid);
    const env = serverEnv(dir);
    // The app first, so nginx's first proxied request finds it sooner; stop order is the reverse.
    for (const s of [...layout.servers].reverse()) {
      servers.unshift(spawnServer({ ...s, cwd: dir, env, user }));
    }
    await waitHealthy(variant, port, servers, layout.logFiles, options.startTimeoutMs ?? 20000);
    pids = processTree(servers.map((s) => s.pid));
    return { variant, url: `http://${LOOPBACK}:${port}/`, port, upstream: layout.upstream, dir, pids, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitHealthy(
  variant: string,
  port: number,
  servers: readonly ServerProcess[],
  logFiles: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exited = servers.find((s) => s.child.exitCode !== null || s.child.signalCode !== null || !isAlive(s.pid));
    if (exited) {
      const logs = tail(logFiles);
      if (/Address already in use/.test(logs)) throw new PortInUseError(port, `${variant} nginx`);
      throw new ServerStartError(variant, `${exited.name} (${exited.child.spawnfile})`, 'exited during startup', logs);
    }
    if ((await httpStatus(port, APP_HEALTH_PATH)) === 200) return;
    if (Date.now() >= deadline) {
      throw new ServerStartError(
        variant,
        servers.map((s) => s.child.spawnfile).join(' + '),
        `did not answer 200 on http://${LOOPBACK}:${port}${APP_HEALTH_PATH} within ${timeoutMs} ms`,
        tail(logFiles),
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts several variants, each with its own processes and ports, in parallel. If any fails, the others are
 * stopped before the first error is thrown.
 */
export async function startVariants(
  variants: readonly string[],
  options: Omit<StartVariantOptions, 'port' | 'appPort'> = {},
): Promise<RunningVariant[]> {
  const results = await Promise.allSettled(variants.map((v) => startVariant(v, options)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (failed) {
    await Promise.all(started.map((r) => r.stop()));
    throw failed.reason;
  }
  return started;
}
