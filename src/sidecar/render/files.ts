import { InputError } from '../../core/errors';
import { renderTemplate, TemplateError } from '../../templates/render';
import type { SidecarVariantSpec } from '../variants';

/** The app's health route (plain "ok"); nginx proxies it, so through nginx it checks both. */
export const APP_HEALTH_PATH = '/healthz';
/** nginx's own liveness route, answered without touching the app. */
export const NGINX_HEALTH_PATH = '/nginx-health';
/** File name of gunicorn's unix socket inside the socket directory. */
export const SOCKET_FILE = 'gunicorn.sock';

/**
 * renderTemplate, and also strict about keys that are present but undefined (a caller's missing input passed on
 * through an object literal), which handlebars' strict mode lets through.
 */
export function renderStrict(template: string, data: Record<string, unknown>): string {
  const missing = Object.entries(data).find(([, value]) => value === undefined);
  if (missing) throw new TemplateError(`sidecar/${template}`, `"${missing[0]}" not defined`);
  return renderTemplate(`sidecar/${template}`, data);
}

/** A rendering input (from the config or a benchmark flag) is out of range or unsafe to put into a config file. */
export class SidecarRenderError extends InputError {
  constructor(message: string) {
    super([{ file: '', path: '', message }], 'SidecarRenderError');
  }
}

/** Where the app listens: loopback TCP or a unix socket (the variant's `appBind`). */
export type AppBind =
  { readonly kind: 'tcp'; readonly port: number } | { readonly kind: 'unix'; readonly socketPath: string };

/** The bind the variant uses: `appPort` on loopback, or the socket file in `socketDir`. */
export function appBindFor(variant: SidecarVariantSpec, appPort: number, socketDir: string): AppBind {
  return variant.appBind === 'tcp'
    ? { kind: 'tcp', port: appPort }
    : { kind: 'unix', socketPath: `${socketDir}/${SOCKET_FILE}` };
}

export interface NginxConfInput {
  /** The variant's name (the file's header names it). */
  readonly variant: string;
  /** `listen` argument: a port (`80`) or address and port (`127.0.0.1:8080`). */
  readonly listen: string;
  readonly upstream: AppBind;
  /** Idle upstream connections kept per worker; 0 opens one connection per request, as the original did. */
  readonly upstreamKeepalive: number;
  /** Log every request except the Datadog Agent's HTTP check; otherwise no access log at all. */
  readonly quietDatadogAgentLogs: boolean;
  readonly workerProcesses: number | 'auto';
  /** pid file, relative to the prefix or absolute. */
  readonly pidFile: string;
  /** Parent of nginx's temp paths, relative to the prefix or absolute. */
  readonly tempDir: string;
  /** `stderr` or a file. */
  readonly errorLog: string;
  /** Access log target when `quietDatadogAgentLogs` is on (`/dev/stdout` in images). */
  readonly accessLog: string;
}

/** nginx.conf for one variant. */
export function renderNginxConf(input: NginxConfInput): string {
  checkPort('listen port', Number(input.listen.split(':').pop()));
  checkInt('upstreamKeepalive', input.upstreamKeepalive, 0, 1024);
  if (input.workerProcesses !== 'auto') checkInt('nginx worker processes', input.workerProcesses, 1, 64);
  for (const [name, value] of Object.entries({
    listen: input.listen,
    pidFile: input.pidFile,
    tempDir: input.tempDir,
    errorLog: input.errorLog,
    accessLog: input.accessLog,
  })) {
    checkToken(name, value);
  }
  const upstream =
    input.upstream.kind === 'tcp'
      ? {
          server: `127.0.0.1:${checkPort('appPort', input.upstream.port)}`,
          comment: 'The app container, over loopback TCP.',
        }
      : {
          server: `unix:${checkToken('socket path', input.upstream.socketPath)} fail_timeout=0`,
          comment: 'The app, over a unix socket; fail_timeout=0: never mark the only server down.',
        };
  return renderStrict('nginx.conf.hbs', {
    variant: input.variant,
    workerProcesses: input.workerProcesses,
    pidFile: input.pidFile,
    errorLog: input.errorLog,
    tempDir: input.tempDir,
    quietDatadogAgentLogs: input.quietDatadogAgentLogs,
    accessLogPath: input.accessLog,
    upstreamServer: upstream.server,
    upstreamComment: upstream.comment,
    upstreamKeepalive: input.upstreamKeepalive,
    listen: input.listen,
    nginxHealthPath: NGINX_HEALTH_PATH,
  });
}

export interface GunicornConfInput {
  /** The variant's name (the file's header names it). */
  readonly variant: string;
  readonly bind: AppBind;
  readonly workers: number;
  /** Directory holding app.py. */
  readonly appDir: string;
}

/** gunicorn.conf.py: uvicorn worker class, bind per variant. */
export function renderGunicornConf(input: GunicornConfInput): string {
  checkInt('workers', input.workers, 1, 64);
  const bind =
    input.bind.kind === 'tcp'
      ? {
          bind: `127.0.0.1:${checkPort('appPort', input.bind.port)}`,
          comment: 'Loopback only: nginx shares the network namespace.',
        }
      : {
          bind: `unix:${checkToken('socket path', input.bind.socketPath)}`,
          comment: 'A unix socket on the volume nginx also mounts.',
        };
  return renderStrict('gunicorn.conf.py.hbs', {
    variant: input.variant,
    appDir: checkToken('appDir', input.appDir),
    workers: input.workers,
    bind: bind.bind,
    bindComment: bind.comment,
  });
}

/** app.py: the starlette app. */
export function renderApp(): string {
  return renderStrict('app.py.hbs', { healthPath: APP_HEALTH_PATH });
}

/** healthcheck.py: the images' health check (standard library only). */
export function renderHealthcheck(): string {
  return renderStrict('healthcheck.py.hbs', { timeoutSeconds: 2 });
}

export interface SupervisordConfInput {
  readonly pidFile: string;
  /** supervisord's own log (`/dev/stdout` in the image). */
  readonly logFile: string;
  /** Full command lines; supervisord splits them on whitespace. */
  readonly appCommand: string;
  readonly nginxCommand: string;
  readonly appLog: string;
  readonly nginxLog: string;
}

/** supervisord.conf for the combined variant. */
export function renderSupervisordConf(input: SupervisordConfInput): string {
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === 'string') for (const word of value.split(' ')) checkToken(name, word);
  }
  return renderStrict('supervisord.conf.hbs', { ...input });
}

/** Paths and words go into config files unquoted: allow only characters that need no quoting anywhere. */
export function checkToken(name: string, value: string): string {
  if (!/^[A-Za-z0-9_./:@%()-]+$/.test(value)) {
    throw new SidecarRenderError(
      `${name} "${value}" must be a plain path or word (letters, digits, _ . / : @ % ( ) -)`,
    );
  }
  return value;
}

export function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SidecarRenderError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function checkPort(name: string, value: number): number {
  return checkInt(name, value, 1, 65535);
}
