import { createHash } from 'node:crypto';
import {
  APP_HEALTH_PATH,
  appBindFor,
  NGINX_HEALTH_PATH,
  renderApp,
  renderGunicornConf,
  renderHealthcheck,
  renderNginxConf,
  renderStrict,
  renderSupervisordConf,
} from './files';
import {
  healthCheckTiming,
  imageLayout,
  renderedVariant,
  resolveRenderOptions,
  type SidecarRenderOptions,
  type WritableDir,
  writableDirs,
} from './options';
import {
  imageName,
  sidecarVariantTable,
  type SidecarContainer,
  type SidecarVariantSpec,
  type SidecarVariantTable,
} from '../variants';

export * from './files';
export * from './options';
export * from './compose';
export type { SidecarContainer } from '../variants';

/** One image's build context. */
export interface RenderedImage {
  /** The variant's name. */
  readonly variant: string;
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

/** The images of one variant of `variants`: nginx + app, or one combined image (the variant's `containers`). */
export function renderVariantImages(
  name: string,
  options?: Partial<SidecarRenderOptions>,
  variants: SidecarVariantTable = sidecarVariantTable,
): RenderedImage[] {
  const spec = renderedVariant(name, variants);
  const variant = spec.name;
  const o = resolveRenderOptions(options);
  const L = imageLayout;
  const bind = appBindFor(spec, o.appPort, o.socketDir);
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
  const volumesOf = (c: SidecarContainer) => writableDirs(spec, c, o.socketDir).map((d) => d.path);
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

  if (spec.containers === 'one') {
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
        spec,
        'combined',
        [['Dockerfile', dockerfile], ['nginx.conf', nginxConf], ['supervisord.conf', supervisord], ...appFiles],
        healthCheck,
        o.listenPort,
        writableDirs(spec, 'combined', o.socketDir),
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
      spec,
      'nginx',
      [
        ['Dockerfile', nginxDockerfile],
        ['nginx.conf', nginxConf],
      ],
      nginxHealth,
      o.listenPort,
      writableDirs(spec, 'nginx', o.socketDir),
    ),
    image(
      spec,
      'app',
      [['Dockerfile', appDockerfile], ...appFiles],
      appHealth,
      unixSocket ? undefined : o.appPort,
      writableDirs(spec, 'app', o.socketDir),
    ),
  ];
}

function image(
  spec: SidecarVariantSpec,
  container: SidecarContainer,
  files: [string, string][],
  healthCheck: readonly string[],
  containerPort: number | undefined,
  writable: readonly WritableDir[],
): RenderedImage {
  const name = imageName(spec, container);
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    variant: spec.name,
    container,
    name,
    files: sorted,
    healthCheck,
    writableDirs: writable,
    ...(containerPort === undefined ? {} : { containerPort }),
  };
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
