import { createHash } from 'node:crypto';
import {
  APP_HEALTH_PATH,
  appBindFor,
  checkInt,
  checkPort,
  checkToken,
  NGINX_HEALTH_PATH,
  renderApp,
  renderGunicornConf,
  renderHealthcheck,
  renderNginxConf,
  renderStrict,
  renderSupervisordConf,
  SidecarRenderError,
  type SidecarVariant,
  sidecarVariants,
} from './files';

export * from './files';

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

export type SidecarContainer = 'nginx' | 'app' | 'combined';

/** One image's build context. */
export interface RenderedImage {
  readonly variant: SidecarVariant;
  readonly container: SidecarContainer;
  /** `tcp-nginx`, `sharedvol-app`, `combined`: the context folder's name and a good repository/container name. */
  readonly name: string;
  /** File name (relative to the context) to content; includes `Dockerfile`. */
  readonly files: ReadonlyMap<string, string>;
  /** The port the container serves on, if any (sharedvol's app serves only on its socket). */
  readonly containerPort?: number;
  /** Exec-form health check command, the same as the Dockerfile's HEALTHCHECK (ECS wants `['CMD', ...command]`). */
  readonly healthCheck: readonly string[];
  /**
   * The only directories the container writes (its root filesystem is read-only), each a task volume: the image
   * declares each one with `VOLUME`, so ECS seeds the volume with the directory's contents, owner and mode. A volume
   * of the same name in two containers of a task is one shared directory (sharedvol's socket).
   */
  readonly writableDirs: readonly WritableDir[];
}

/** A directory a container writes, and the task volume mounted there. */
export interface WritableDir {
  readonly volume: string;
  readonly path: string;
}

/** The directories each container of a variant writes (pid and temp files, the socket), as task volumes. */
export function writableDirs(
  variant: SidecarVariant,
  container: SidecarContainer,
  socketDir: string,
): readonly WritableDir[] {
  const L = imageLayout;
  const nginx = { volume: 'nginx-state', path: L.nginxPrefix };
  const app = { volume: 'app-state', path: L.appStateDir };
  const socket = { volume: 'socket', path: socketDir };
  if (container === 'combined') return [nginx, app, { volume: 'supervisor-state', path: L.supervisorDir }, socket];
  const own = container === 'nginx' ? nginx : app;
  return variant === 'sharedvol' ? [own, socket] : [own];
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

/** The images of one variant: nginx + app (tcp, sharedvol) or one combined image. */
export function renderVariantImages(variant: SidecarVariant, options?: Partial<SidecarRenderOptions>): RenderedImage[] {
  if (!sidecarVariants.includes(variant))
    throw new SidecarRenderError(`unknown variant "${variant}" (${sidecarVariants.join(', ')})`);
  const o = resolveRenderOptions(options);
  const L = imageLayout;
  const bind = appBindFor(variant, o.appPort, o.socketDir);
  const unixSocket = bind.kind === 'unix';
  const nginxConf = renderNginxConf({
    variant,
    listen: String(o.listenPort),
    upstream: bind,
    upstreamKeepalive: o.upstreamKeepalive,
    quietDatadogAgentLogs: o.quietDatadogAgentLogs,
    workerProcesses: o.nginxWorkerProcesses,
    pidFile: 'nginx.pid',
    tempDir: 'temp',
    errorLog: 'stderr',
    accessLog: '/dev/stdout',
  });
  const appFiles: [string, string][] = [
    ['app.py', renderApp()],
    ['gunicorn.conf.py', renderGunicornConf({ variant, bind, workers: o.workers, appDir: L.appDir })],
    ['healthcheck.py', renderHealthcheck()],
  ];
  // Below 1024 nginx needs cap_net_bind_service to bind as its non-root user; from 1024 up the image sets no capability.
  const privilegedPort = o.listenPort < 1024;
  const volumesOf = (c: SidecarContainer) => writableDirs(variant, c, o.socketDir).map((d) => d.path);
  const common = {
    variant,
    baseImage: o.baseImage,
    socketDir: o.socketDir,
    unixSocket,
    privilegedPort,
    health: healthCheckTiming,
    ...L,
  };
  const python = ['/usr/bin/python3', `${L.appDir}/healthcheck.py`];

  if (variant === 'combined') {
    const healthCheck = [...python, '--tcp', `127.0.0.1:${o.listenPort}`, APP_HEALTH_PATH];
    const supervisord = renderSupervisordConf({
      pidFile: `${L.supervisorDir}/supervisord.pid`,
      logFile: '/dev/stdout',
      appCommand: `/usr/bin/gunicorn --config ${L.appDir}/gunicorn.conf.py`,
      nginxCommand: `/usr/sbin/nginx -p ${L.nginxPrefix}/ -c ${L.nginxConf}`,
      appLog: '/dev/stdout',
      nginxLog: '/dev/stdout',
    });
    const dockerfile = renderStrict('Dockerfile.combined.hbs', {
      ...common,
      volumes: JSON.stringify(volumesOf('combined')),
      listenPort: o.listenPort,
      healthCheck: JSON.stringify(healthCheck),
    });
    return [
      image(
        variant,
        'combined',
        [['Dockerfile', dockerfile], ['nginx.conf', nginxConf], ['supervisord.conf', supervisord], ...appFiles],
        healthCheck,
        o.listenPort,
        writableDirs(variant, 'combined', o.socketDir),
      ),
    ];
  }

  const nginxHealth = [
    '/usr/bin/curl',
    '-fsS',
    '-o',
    '/dev/null',
    `http://127.0.0.1:${o.listenPort}${NGINX_HEALTH_PATH}`,
  ];
  const appHealth = [
    ...python,
    ...(bind.kind === 'tcp' ? ['--tcp', `127.0.0.1:${bind.port}`] : ['--unix', bind.socketPath]),
    APP_HEALTH_PATH,
  ];
  const nginxDockerfile = renderStrict('Dockerfile.nginx.hbs', {
    ...common,
    // The socket volume is seeded from the app image, which starts first; nginx only mounts it.
    volumes: JSON.stringify([imageLayout.nginxPrefix]),
    listenPort: o.listenPort,
    healthCheck: JSON.stringify(nginxHealth),
  });
  const appDockerfile = renderStrict('Dockerfile.app.hbs', {
    ...common,
    volumes: JSON.stringify(volumesOf('app')),
    appPort: o.appPort,
    healthCheck: JSON.stringify(appHealth),
  });
  return [
    image(
      variant,
      'nginx',
      [
        ['Dockerfile', nginxDockerfile],
        ['nginx.conf', nginxConf],
      ],
      nginxHealth,
      o.listenPort,
      writableDirs(variant, 'nginx', o.socketDir),
    ),
    image(
      variant,
      'app',
      [['Dockerfile', appDockerfile], ...appFiles],
      appHealth,
      unixSocket ? undefined : o.appPort,
      writableDirs(variant, 'app', o.socketDir),
    ),
  ];
}

function image(
  variant: SidecarVariant,
  container: SidecarContainer,
  files: [string, string][],
  healthCheck: readonly string[],
  containerPort: number | undefined,
  writable: readonly WritableDir[],
): RenderedImage {
  const name = container === 'combined' ? variant : `${variant}-${container}`;
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    variant,
    container,
    name,
    files: sorted,
    healthCheck,
    writableDirs: writable,
    ...(containerPort === undefined ? {} : { containerPort }),
  };
}

/** Host ports docker compose publishes each variant on (loopback only). */
export interface ComposePorts {
  readonly tcp: number;
  readonly sharedvol: number;
  readonly combined: number;
}
export const defaultComposePorts: ComposePorts = { tcp: 8081, sharedvol: 8082, combined: 8083 };

/** Which variants docker compose runs, and where their build contexts are. */
export interface ComposeLayout {
  /** The variants to run, in `sidecarVariants` order. @default all three */
  readonly variants?: readonly SidecarVariant[];
  /**
   * The folder holding the build contexts, relative to docker-compose.yml, laid out `<variant>/<container>/` as the
   * stack's images/ folder is: compose builds the very contexts Terraform builds, so none is written twice.
   * @default '../images'
   */
  readonly contextDir?: string;
}

/** docker-compose.yml running the variants of `layout`, each built from its image's context folder. */
export function renderCompose(
  options?: Partial<SidecarRenderOptions>,
  ports: ComposePorts = defaultComposePorts,
  layout: ComposeLayout = {},
): string {
  const o = resolveRenderOptions(options);
  const variants = layout.variants ?? sidecarVariants;
  const unknown = variants.filter((v) => !sidecarVariants.includes(v));
  if (unknown.length > 0 || variants.length === 0) {
    throw new SidecarRenderError(
      `compose variants must be some of ${sidecarVariants.join(', ')} (got ${JSON.stringify(variants)})`,
    );
  }
  for (const v of variants) checkPort(`compose port for ${v}`, ports[v]);
  const dir = (layout.contextDir ?? '../images').replace(/\/+$/, '');
  const run = Object.fromEntries(sidecarVariants.map((v) => [v, variants.includes(v)]));
  // A task volume `v` of variant `x` is the compose volume `x-v`, mounted where the task mounts it.
  const mountsOf = (v: SidecarVariant, c: SidecarContainer) =>
    writableDirs(v, c, o.socketDir).map((d) => `${v}-${d.volume}:${d.path}`);
  const mounts = {
    tcpApp: mountsOf('tcp', 'app'),
    tcpNginx: mountsOf('tcp', 'nginx'),
    sharedvolApp: mountsOf('sharedvol', 'app'),
    sharedvolNginx: mountsOf('sharedvol', 'nginx'),
    combined: mountsOf('combined', 'combined'),
  };
  const containersOf = (v: SidecarVariant): SidecarContainer[] => (v === 'combined' ? ['combined'] : ['app', 'nginx']);
  const namedVolumes = [
    ...new Set(variants.flatMap((v) => containersOf(v).flatMap((c) => mountsOf(v, c).map((m) => m.split(':')[0]!)))),
  ];
  return renderStrict('docker-compose.yml.hbs', {
    listenPort: o.listenPort,
    ports,
    run,
    mounts,
    namedVolumes,
    contextDir: dir,
    contexts: {
      tcpApp: `${dir}/tcp/app`,
      tcpNginx: `${dir}/tcp/nginx`,
      sharedvolApp: `${dir}/sharedvol/app`,
      sharedvolNginx: `${dir}/sharedvol/nginx`,
      combined: `${dir}/combined/combined`,
    },
  });
}

/**
 * sha256 (hex) over the context's file names and contents in name order: an image tag that changes exactly when the
 * build context changes (renames included; no timestamps, no absolute paths).
 */
export function contextHash(image: RenderedImage): string {
  const hash = createHash('sha256');
  const names = [...image.files.keys()].sort();
  for (const name of names) {
    const content = Buffer.from(image.files.get(name) as string, 'utf8');
    hash.update(`${Buffer.byteLength(name)}:${name}:${content.length}:`);
    hash.update(content);
  }
  return hash.digest('hex');
}
