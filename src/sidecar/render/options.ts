import { checkInt, checkPort, checkToken, SidecarRenderError } from './files';
import {
  sidecarVariantTable,
  type SidecarContainer,
  type SidecarVariantSpec,
  type SidecarVariantTable,
} from '../variants';

/** What the rendered images and configs can vary. */
export interface SidecarRenderOptions {
  /**
   * Port nginx listens on (the container port behind the load balancer). Unprivileged, so nginx binds it as its
   * non-root user with no capability at all (a privileged port needs cap_net_bind_service on the binary, which
   * breaks wherever capabilities are dropped, and under qemu emulation). @default 8080
   */
  readonly listenPort: number;
  /** Loopback port of the app in the tcp variant. @default 8000 */
  readonly appPort: number;
  /** gunicorn workers. @default 1 (as in the original experiment) */
  readonly workers: number;
  /** nginx worker processes. @default 1 (a Fargate task of 256 CPU units has a quarter of a vCPU) */
  readonly nginxWorkerProcesses: number | 'auto';
  /** Idle upstream connections nginx keeps to the app per worker; 0 opens one per request as the original did. @default 16 */
  readonly upstreamKeepalive: number;
  /** Keep an access log but skip the Datadog Agent's HTTP check ("Reduce logging volume"). @default false: no access log */
  readonly quietDatadogAgentLogs: boolean;
  /** Directory of gunicorn's unix socket; in sharedvol, where the task volume is mounted in both containers. @default /run/sidecar */
  readonly socketDir: string;
  /** Base image of every image: multi-arch (amd64, arm64) and pinned to a Debian point release. @default debian:12.11-slim */
  readonly baseImage: string;
}

export const defaultRenderOptions: SidecarRenderOptions = {
  listenPort: 8080,
  appPort: 8000,
  workers: 1,
  nginxWorkerProcesses: 1,
  upstreamKeepalive: 16,
  quietDatadogAgentLogs: false,
  socketDir: '/run/sidecar',
  baseImage: 'debian:12.11-slim',
};

/** Fixed paths and ids inside the images. The app user and socket group ids match across images (sharedvol). */
export const imageLayout = {
  appDir: '/app',
  nginxPrefix: '/var/lib/nginx-sidecar',
  nginxConf: '/etc/nginx/sidecar.conf',
  supervisorDir: '/var/lib/supervisor-sidecar',
  /** The app's TMPDIR: gunicorn's worker heartbeat files and supervisord's default child log directory. */
  appStateDir: '/var/lib/sidecar-app',
  appUid: 10001,
  socketGid: 10001,
  socketGroup: 'sidecar-sock',
} as const;

/**
 * Timing of every image's HEALTHCHECK (seconds), the same as the task definitions' health checks
 * (src/sidecar/container-definitions.ts), so docker compose runs the containers as ECS does.
 */
export const healthCheckTiming = { interval: 10, timeout: 5, startPeriod: 10, retries: 3 } as const;

/** A directory a container writes, and the task volume mounted there. */
export interface WritableDir {
  readonly volume: string;
  readonly path: string;
}

/** The directories each container of a variant writes (pid and temp files, the socket), as task volumes. */
export function writableDirs(
  variant: SidecarVariantSpec,
  container: SidecarContainer,
  socketDir: string,
): readonly WritableDir[] {
  const L = imageLayout;
  const nginx = { volume: 'nginx-state', path: L.nginxPrefix };
  const app = { volume: 'app-state', path: L.appStateDir };
  const socket = { volume: 'socket', path: socketDir };
  if (container === 'combined') return [nginx, app, { volume: 'supervisor-state', path: L.supervisorDir }, socket];
  const own = container === 'nginx' ? nginx : app;
  return variant.sharedSocketVolume ? [own, socket] : [own];
}

/** The variant named `name` in `variants`, or a SidecarRenderError naming the known ones. */
export function renderedVariant(name: string, variants: SidecarVariantTable = sidecarVariantTable): SidecarVariantSpec {
  const spec = variants.find((v) => v.name === name);
  if (!spec) throw new SidecarRenderError(`unknown variant "${name}" (${variants.map((v) => v.name).join(', ')})`);
  return spec;
}

/** Defaults merged with `options`, validated. */
export function resolveRenderOptions(options: Partial<SidecarRenderOptions> = {}): SidecarRenderOptions {
  const o = { ...defaultRenderOptions, ...options };
  checkPort('listenPort', o.listenPort);
  checkPort('appPort', o.appPort);
  checkInt('workers', o.workers, 1, 64);
  checkInt('upstreamKeepalive', o.upstreamKeepalive, 0, 1024);
  if (o.nginxWorkerProcesses !== 'auto') checkInt('nginxWorkerProcesses', o.nginxWorkerProcesses, 1, 64);
  if (!o.socketDir.startsWith('/') || o.socketDir.endsWith('/')) {
    throw new SidecarRenderError(
      `socketDir "${o.socketDir}" must be an absolute directory path without a trailing slash`,
    );
  }
  checkToken('socketDir', o.socketDir);
  if (!/^[a-z0-9./_-]+(:[A-Za-z0-9._-]+)?(@sha256:[0-9a-f]{64})?$/.test(o.baseImage)) {
    throw new SidecarRenderError(`baseImage "${o.baseImage}" must be an image reference such as debian:12.11-slim`);
  }
  if (o.listenPort === o.appPort) {
    throw new SidecarRenderError(
      'listenPort and appPort must differ: in the tcp variant nginx and the app share localhost',
    );
  }
  return o;
}
