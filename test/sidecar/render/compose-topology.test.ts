import { parse } from 'yaml';
import { sidecarVariantNames } from '../../../src/sidecar/variants';
import { containersOf, resourceAt, dPath, synthSidecar } from '../stack/helpers';
import type { Json } from '../../helpers/json';

/** The parts of the rendered docker-compose.yml read here. */
interface ComposeProject {
  readonly services: Record<string, ComposeService>;
  readonly volumes: Record<string, object | null>;
}
interface ComposeService {
  readonly build: string;
  readonly healthcheck?: object;
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly volumes?: readonly string[];
  readonly network_mode?: string;
  readonly ports?: readonly string[];
}

/**
 * The docker compose project rendered for local runs describes the same topology as the Fargate task definitions the
 * stack synthesizes (one synth gives both): the same containers built from the same contexts, the same shared volume
 * and mount path, nginx waiting for a healthy app, the same health checks, the load-balanced port published.
 */

interface HealthCheck {
  readonly command: string[];
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly retries: number;
}

/** A Dockerfile's HEALTHCHECK in the task definition's terms (compose runs the image's own health check). */
function dockerfileHealthCheck(dockerfile: string): HealthCheck {
  const m = /^HEALTHCHECK --interval=(\d+)s --timeout=(\d+)s --start-period=(\d+)s --retries=(\d+) CMD (\[.*\])$/m.exec(
    dockerfile,
  );
  if (!m) throw new Error(`no exec-form HEALTHCHECK in:\n${dockerfile}`);
  return {
    command: ['CMD', ...JSON.parse(m[5])],
    interval: Number(m[1]),
    timeout: Number(m[2]),
    startPeriod: Number(m[3]),
    retries: Number(m[4]),
  };
}

const serviceName = (variant: string, container: string) =>
  container === 'combined' ? variant : `${variant}-${container}`;

describe('docker compose project vs. the Fargate task definitions', () => {
  let json: Json;
  let files: ReadonlyMap<string, string | Uint8Array>;
  let compose: ComposeProject;
  beforeAll(async () => {
    ({ json, files } = await synthSidecar());
    compose = parse(files.get('compose/docker-compose.yml') as string) as ComposeProject;
  });
  const text = (path: string) => {
    const f = files.get(path);
    if (typeof f !== 'string') throw new Error(`${path} not synthesized`);
    return f;
  };

  describe.each(sidecarVariantNames)('%s', (variant) => {
    const deployment = { variant, architecture: 'X86_64' } as const;
    const containers = () => containersOf(json, deployment);
    const task = () => resourceAt(json, 'aws_ecs_task_definition', `${dPath(deployment)}/task`);
    const services = () => Object.keys(compose.services).filter((s) => s === variant || s.startsWith(`${variant}-`));

    it('has one service per task container, built from the context the task image is built from', () => {
      expect(services().sort()).toEqual(
        containers()
          .map((c) => serviceName(variant, c.name))
          .sort(),
      );
      for (const c of containers()) {
        const service = compose.services[serviceName(variant, c.name)];
        // Relative to compose/: the very context Terraform builds the task's image from.
        expect(service.build).toBe(`../images/${variant}/${c.name}`);
        const context = [...files.keys()].filter((k) => k.startsWith(`images/${variant}/${c.name}/`));
        expect(context).toContain(`images/${variant}/${c.name}/Dockerfile`);
      }
    });

    it('runs the health check of each task container, with the same timing', () => {
      for (const c of containers()) {
        expect(compose.services[serviceName(variant, c.name)].healthcheck).toBeUndefined(); // the image's own
        expect(dockerfileHealthCheck(text(`images/${variant}/${c.name}/Dockerfile`))).toEqual(c.healthCheck);
      }
    });

    it('starts nginx only once the app is healthy, as the task does', () => {
      for (const c of containers()) {
        const dependsOn = compose.services[serviceName(variant, c.name)].depends_on ?? {};
        const expected = Object.fromEntries(
          (c.dependsOn ?? []).map((d: Json) => [
            serviceName(variant, d.containerName),
            { condition: d.condition === 'HEALTHY' ? 'service_healthy' : d.condition },
          ]),
        );
        expect(dependsOn).toEqual(expected);
      }
    });

    it('shares the same volumes at the same paths', () => {
      const taskVolumes = ((task().volume ?? []) as { name: string }[]).map((v) => v.name);
      const composeVolumeOf = (taskVolume: string) => `${variant}-${taskVolume}`;
      for (const c of containers()) {
        const fromTask = (c.mountPoints ?? []).map(
          (m: Json) => `${composeVolumeOf(m.sourceVolume)}:${m.containerPath}`,
        );
        expect(compose.services[serviceName(variant, c.name)].volumes ?? []).toEqual(fromTask);
      }
      for (const v of taskVolumes) expect(Object.keys(compose.volumes)).toContain(composeVolumeOf(v));
    });

    it("shares one network namespace where the task's containers talk over localhost, and publishes the load-balanced port on loopback", () => {
      const mapped = containers().filter((c) => c.portMappings);
      expect(mapped).toHaveLength(1);
      const port = mapped[0].portMappings[0].containerPort;
      // tcp: nginx joins the app's namespace (awsvpc gives the task one), so the app service publishes nginx's port.
      const publisher = variant === 'tcp' ? `${variant}-app` : serviceName(variant, mapped[0].name);
      if (variant === 'tcp') expect(compose.services['tcp-nginx'].network_mode).toBe('service:tcp-app');
      const published = Object.entries(compose.services)
        .filter(([name]) => services().includes(name))
        .flatMap(([name, s]) => (s.ports ?? []).map((p) => [name, p]));
      expect(published).toEqual([[publisher, expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1:\\d+:${port}$`))]]);
    });
  });

  it('describes no service or volume the tasks do not have', () => {
    const expected = sidecarVariantNames.flatMap((v) =>
      containersOf(json, { variant: v, architecture: 'X86_64' }).map((c) => serviceName(v, c.name)),
    );
    expect(Object.keys(compose.services).sort()).toEqual(expected.sort());
    const taskVolumes = sidecarVariantNames.flatMap((v) =>
      (resourceAt(json, 'aws_ecs_task_definition', `${v}-x86_64/task`).volume as Json[]).map((t) => `${v}-${t.name}`),
    );
    expect(Object.keys(compose.volumes).sort()).toEqual(taskVolumes.sort());
  });
});
