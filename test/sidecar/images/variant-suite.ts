import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../../../packages/bench/src/sidecar/local/runner';
import { APP_HEALTH_PATH, defaultRenderOptions, renderVariantImages, SOCKET_FILE } from '../../../src/sidecar/render';
import { type SidecarVariantName, variantSpec } from '../../../src/sidecar/variants';
import { sidecarContainers } from '../../../src/sidecar/container-definitions';
import { buildImage, inspectImage, type BuiltImage, type ImageArch, type ImageConfig } from './buildah';
import { LocalTask, waitFor } from './task';

/** A cold build of every image of one architecture (base included) takes minutes, arm64 under emulation far more. */
export const BUILD_TIMEOUT_MS = 60 * 60_000;
const { listenPort, appPort, socketDir } = defaultRenderOptions;

interface Started {
  readonly container: string;
  readonly image: BuiltImage;
  readonly config: ImageConfig;
  readonly volumes: string[];
  readonly readOnly: boolean;
}

/** The variant's container definitions as the task definition has them (image references aside). */
function taskContainers(variant: SidecarVariantName) {
  const images = renderVariantImages(variant).map((i) => ({ ...i, image: `${i.name}:test` }));
  return sidecarContainers({
    variant: variantSpec(variant),
    images,
    listenPort,
    logGroupName: 'test',
    region: 'us-east-1',
  });
}

/** The HEALTHCHECK's command, run as Docker and ECS run it. */
function healthCommand(config: ImageConfig): string[] {
  const test = config.Healthcheck?.Test ?? [];
  if (test[0] === 'CMD') return test.slice(1);
  if (test[0] === 'CMD-SHELL') return ['/bin/sh', '-c', test[1]];
  throw new Error(`image has no HEALTHCHECK command: ${JSON.stringify(test)}`);
}

/**
 * Builds a variant's images from generated/sidecar/images for `arch`, runs them as the Fargate task does (one network
 * namespace; the app first, nginx once the app's health check passes, as `dependsOn: HEALTHY`; each container on a
 * read-only root filesystem with the task volumes its definition mounts, sharedvol's socket volume shared) and checks
 * that the variant answers through nginx with every process non-root.
 */
export function describeVariantImages(variant: SidecarVariantName, arch: ImageArch): void {
  const healthTimeoutMs = arch === 'amd64' ? 120_000 : 600_000;
  const requestTimeoutMs = arch === 'amd64' ? 60_000 : 300_000;
  const testTimeoutMs = 4 * requestTimeoutMs;

  const spec = variantSpec(variant);
  describe(`${variant} images (${arch})`, () => {
    let task: LocalTask | undefined;
    const started = new Map<string, Started>();
    const healthy = async (s: Started) =>
      (await task!.exec(s.container, healthCommand(s.config), s.volumes, requestTimeoutMs)).status === 0;
    const waitHealthy = async (s: Started) => {
      try {
        await waitFor(() => healthy(s), healthTimeoutMs, 500);
      } catch (err) {
        throw new Error(
          `${variant}/${s.container} never became healthy: ${(err as Error).message}\n${task!.log(s.container)}`,
          { cause: err },
        );
      }
    };

    beforeAll(async () => {
      // In the task definition's order: the app first (nginx waits for it).
      const definitions = taskContainers(variant);
      const images = definitions.map((d) => [d, buildImage(arch, variant, d.name!)] as const);
      task = await LocalTask.start(arch, `${variant}-${arch}`);
      const taskVolumes = new Map<string, string>();
      for (const [definition, image] of images) {
        const name = definition.name!;
        const container = task.container(image, name);
        const { config } = inspectImage(image);
        const volumes = (definition.mountPoints ?? []).map((m) => {
          if (!taskVolumes.has(m.sourceVolume!)) {
            const declared = Object.keys(config.Volumes ?? {}).includes(m.containerPath!);
            taskVolumes.set(m.sourceVolume!, task!.taskVolume(container, m.containerPath!, declared));
          }
          return `${taskVolumes.get(m.sourceVolume!)}:${m.containerPath}`;
        });
        task.dropImageVolumes(container, Object.keys(config.Volumes ?? {}));
        const readOnly = definition.readonlyRootFilesystem === true;
        if (readOnly) task.readOnlyRoot(container);
        const s: Started = { container, image, config, volumes, readOnly };
        started.set(name, s);
        task.startContainer(container, config, volumes);
        await waitHealthy(s);
      }
    }, BUILD_TIMEOUT_MS);

    afterAll(() => task?.stop(), 120_000);

    it(
      'declares a non-root user, a HEALTHCHECK and the architecture',
      () => {
        for (const s of started.values()) {
          const { config, architecture } = inspectImage(s.image);
          expect(architecture).toBe(arch);
          expect(config.User).toMatch(/^(www-data|app)$/);
          expect(config.Healthcheck?.Test[0]).toBe('CMD');
        }
      },
      testTimeoutMs,
    );

    it(
      'answers through nginx on its port with the app JSON',
      async () => {
        const r = await task!.get(listenPort, `/${variant}/hello`, requestTimeoutMs);
        expect(r.status).toBe(200);
        const body = JSON.parse(r.body);
        expect(body).toEqual({
          hello: 'world',
          utcnow: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          random: expect.any(Number),
        });
        const health = await task!.get(listenPort, APP_HEALTH_PATH, requestTimeoutMs);
        expect(health).toEqual({ status: 200, body: 'ok' });
      },
      testTimeoutMs,
    );

    it(
      "passes each image's own HEALTHCHECK",
      async () => {
        for (const s of started.values()) {
          const r = await task!.exec(s.container, healthCommand(s.config), s.volumes, requestTimeoutMs);
          expect({
            container: s.container,
            status: r.status,
            output: r.status === 0 ? '' : r.stdout + r.stderr,
          }).toEqual({ container: s.container, status: 0, output: '' });
        }
      },
      testTimeoutMs,
    );

    it(
      'runs nginx as its non-root user on its port, and gunicorn as the app user',
      async () => {
        const one = spec.containers === 'one';
        const nginxContainer = started.get(one ? 'combined' : 'nginx')!;
        const appContainer = started.get(one ? 'combined' : 'app')!;
        // A failed exec names its status and output: under qemu and heavy load its stdout has come back empty.
        const uidOf = async (s: Started) => {
          const r = await task!.exec(s.container, ['id', '-u'], [], requestTimeoutMs);
          expect({ container: s.container, status: r.status, stderr: r.stderr }).toEqual({
            container: s.container,
            status: 0,
            stderr: '',
          });
          return Number(r.stdout.trim());
        };
        const nginxUid = await uidOf(nginxContainer);
        const appUid = await uidOf(appContainer);
        expect(nginxUid).toBeGreaterThan(0);
        expect(appUid).toBeGreaterThan(0);

        const nginx = task!.socketOwners({ tcpPort: listenPort });
        expect(nginx.length).toBeGreaterThan(0);
        // Under qemu the command line is the emulator's (nginx's retitled "nginx: master process" is not visible).
        for (const p of nginx)
          expect({ uid: p.uid, nginx: p.cmdline.includes('nginx') }).toEqual({ uid: nginxUid, nginx: true });

        const gunicorn = task!.socketOwners(
          spec.appBind === 'tcp' ? { tcpPort: appPort } : { unixPath: `${socketDir}/${SOCKET_FILE}` },
        );
        expect(gunicorn.length).toBeGreaterThan(0);
        for (const p of gunicorn)
          expect({ uid: p.uid, gunicorn: p.cmdline.includes('gunicorn') }).toEqual({ uid: appUid, gunicorn: true });
        // Every process of the task runs as one of the images' users, none as root.
        for (const p of task!.processes().filter((q) => !/buildah|nsenter/.test(q.cmdline)))
          expect([nginxUid, appUid]).toContain(p.uid);
      },
      testTimeoutMs,
    );

    if (spec.sharedSocketVolume) {
      it(
        'shares the unix socket through the volume both containers mount',
        () => {
          const socketVolume = (s: Started) => s.volumes.find((v) => v.endsWith(`:${socketDir}`));
          const volume = socketVolume(started.get('app')!)!.split(':')[0];
          expect(existsSync(join(volume, SOCKET_FILE))).toBe(true);
          expect(socketVolume(started.get('nginx')!)).toBe(socketVolume(started.get('app')!));
        },
        testTimeoutMs,
      );
    }

    it(
      'runs every container on a read-only root filesystem, as its task definition says, writing only to its volumes',
      async () => {
        for (const s of started.values()) {
          expect({ container: s.container, readOnly: s.readOnly }).toEqual({ container: s.container, readOnly: true });
          const r = await task!.exec(s.container, ['/bin/sh', '-c', 'touch /probe 2>&1'], s.volumes, requestTimeoutMs);
          expect({ status: r.status, out: r.stdout }).toEqual({
            status: 1,
            out: expect.stringContaining('Read-only file system'),
          });
          expect({ container: s.container, wroteUnderRun: task!.runWrites(s.container) }).toEqual({
            container: s.container,
            wroteUnderRun: [],
          });
        }
      },
      testTimeoutMs,
    );

    it(
      'stops leaving no process behind',
      async () => {
        const pids = task!.processes().map((p) => p.pid);
        expect(pids.length).toBeGreaterThan(0);
        await task!.stop();
        await waitFor(() => pids.every((pid) => !isAlive(pid)), 30_000);
        expect(pids.filter(isAlive)).toEqual([]);
      },
      testTimeoutMs,
    );
  });
}
