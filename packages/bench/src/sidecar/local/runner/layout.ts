import { chownSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AppBind,
  appBindFor,
  renderApp,
  renderGunicornConf,
  renderNginxConf,
  renderSupervisordConf,
  type SidecarRenderOptions,
  type SidecarVariantSpec,
  SidecarRenderError,
} from '@stackwright/generator';
import { LOOPBACK } from './ports';

/** Debian binaries the local runner uses, overridable (tests point one at a missing path). */
export interface LocalBinaries {
  readonly nginx: string;
  readonly gunicorn: string;
  readonly supervisord: string;
  /** The interpreter gunicorn runs under (Debian's gunicorn script starts with #!/usr/bin/python3). */
  readonly python: string;
}

export const defaultBinaries: LocalBinaries = {
  nginx: '/usr/sbin/nginx',
  gunicorn: '/usr/bin/gunicorn',
  supervisord: '/usr/bin/supervisord',
  python: '/usr/bin/python3',
};

/** A server to start: program, arguments and where its output goes. */
export interface ServerCommand {
  readonly name: 'nginx' | 'app' | 'supervisord';
  readonly command: string;
  readonly args: readonly string[];
  readonly logFile: string;
}

/** What the runner needs to know about a variant's files in its directory. */
export interface VariantLayout {
  readonly dir: string;
  /** Where the app listens: loopback TCP (tcp) or the unix socket under run/. */
  readonly upstream: AppBind;
  /** In stop order: nginx before the app, or supervisord alone (it stops both). */
  readonly servers: readonly ServerCommand[];
  /** Logs worth showing when a server does not come up. */
  readonly logFiles: readonly string[];
}

export interface LayoutInput {
  readonly variant: SidecarVariantSpec;
  readonly dir: string;
  readonly port: number;
  /** Where the app listens when it binds TCP (ignored for a unix socket). */
  readonly appPort: number;
  readonly render: Pick<
    SidecarRenderOptions,
    'workers' | 'nginxWorkerProcesses' | 'upstreamKeepalive' | 'quietDatadogAgentLogs'
  >;
  readonly binaries: LocalBinaries;
}

/** Longest unix socket path the kernel accepts (sun_path is 108 bytes including the terminating NUL). */
const MAX_SOCKET_PATH = 107;

/**
 * Renders the variant's configs from the same templates as the images, with paths inside `dir`:
 * app/ (app.py, gunicorn.conf.py), nginx/ (prefix: nginx.conf, temp/, logs/), run/ (the unix socket), logs/.
 */
export function writeVariantLayout(input: LayoutInput): VariantLayout {
  const { variant: spec, dir, binaries } = input;
  const variant = spec.name;
  const paths = {
    app: join(dir, 'app'),
    nginx: join(dir, 'nginx'),
    run: join(dir, 'run'),
    logs: join(dir, 'logs'),
    tmp: join(dir, 'tmp'),
  };
  for (const p of [
    paths.app,
    paths.nginx,
    join(paths.nginx, 'temp'),
    join(paths.nginx, 'logs'),
    paths.run,
    paths.logs,
    paths.tmp,
  ]) {
    mkdirSync(p, { recursive: true, mode: 0o750 });
  }
  const bind = appBindFor(spec, input.appPort, paths.run);
  if (bind.kind === 'unix' && Buffer.byteLength(bind.socketPath) > MAX_SOCKET_PATH) {
    throw new SidecarRenderError(
      `unix socket path ${bind.socketPath} is longer than ${MAX_SOCKET_PATH} bytes: use a shorter base directory`,
    );
  }
  const nginxConf = join(paths.nginx, 'nginx.conf');
  const gunicornConf = join(paths.app, 'gunicorn.conf.py');
  writeFileSync(
    nginxConf,
    renderNginxConf({
      variant,
      listen: `${LOOPBACK}:${input.port}`,
      upstream: bind,
      upstreamKeepalive: input.render.upstreamKeepalive,
      quietDatadogAgentLogs: input.render.quietDatadogAgentLogs,
      workerProcesses: input.render.nginxWorkerProcesses,
      pidFile: 'nginx.pid',
      tempDir: 'temp',
      errorLog: 'logs/error.log',
      accessLog: 'logs/access.log',
    }),
  );
  writeFileSync(join(paths.app, 'app.py'), renderApp());
  writeFileSync(gunicornConf, renderGunicornConf({ variant, bind, workers: input.render.workers, appDir: paths.app }));

  const nginxArgs = ['-p', `${paths.nginx}/`, '-c', nginxConf];
  const appArgs = ['--config', gunicornConf];
  const logs = {
    nginx: join(paths.logs, 'nginx.log'),
    app: join(paths.logs, 'app.log'),
    supervisord: join(paths.logs, 'supervisord.log'),
    nginxError: join(paths.nginx, 'logs', 'error.log'),
  };
  if (spec.containers === 'nginx+app') {
    return {
      dir,
      upstream: bind,
      servers: [
        { name: 'nginx', command: binaries.nginx, args: nginxArgs, logFile: logs.nginx },
        { name: 'app', command: binaries.gunicorn, args: appArgs, logFile: logs.app },
      ],
      logFiles: [logs.nginxError, logs.nginx, logs.app],
    };
  }
  const supervisordConf = join(dir, 'supervisord.conf');
  writeFileSync(
    supervisordConf,
    renderSupervisordConf({
      pidFile: join(dir, 'supervisord.pid'),
      logFile: logs.supervisord,
      appCommand: [binaries.gunicorn, ...appArgs].join(' '),
      nginxCommand: [binaries.nginx, ...nginxArgs].join(' '),
      appLog: logs.app,
      nginxLog: logs.nginx,
    }),
  );
  return {
    dir,
    upstream: bind,
    servers: [
      {
        name: 'supervisord',
        command: binaries.supervisord,
        args: ['--nodaemon', '--configuration', supervisordConf],
        logFile: join(paths.logs, 'supervisord.out'),
      },
    ],
    logFiles: [logs.supervisord, logs.nginxError, logs.nginx, logs.app],
  };
}

/** Gives the whole directory tree to `uid:gid` (the unprivileged user the servers run as when we are root). */
export function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else chownSync(child, uid, gid);
  }
}
