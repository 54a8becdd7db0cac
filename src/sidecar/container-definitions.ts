import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { containersOf, loadBalancedContainer, type SidecarVariantSpec } from './variants';

export { loadBalancedContainer } from './variants';

/** One image of a variant, as the task runs it. */
export interface TaskImage {
  /** nginx, app or combined: also the container's name. */
  readonly container: string;
  /** Image reference (repository@digest). */
  readonly image: string;
  /** Exec-form health check command (without the leading CMD). */
  readonly healthCheck: readonly string[];
  /** The directories the container writes, each a task volume (its root filesystem is read-only). */
  readonly writableDirs: readonly { readonly volume: string; readonly path: string }[];
}

export interface SidecarContainersInput {
  /** How nginx reaches the app: decides the containers (the shared volume comes with the images' writable dirs). */
  readonly variant: SidecarVariantSpec;
  /** The image of each container of the variant. */
  readonly images: readonly TaskImage[];
  /** The port nginx listens on: the only mapped port. */
  readonly listenPort: number;
  /** The log group every container writes to (awslogs). */
  readonly logGroupName: string;
  /** The log group's region. */
  readonly region: string;
}

/**
 * The task's containers for a variant. tcp: nginx + app sharing localhost; sharedvol: nginx + app mounting one task
 * volume that holds the app's unix socket; combined: one container. Every container has a health check, nginx
 * starts only once the app is HEALTHY, and only the load-balanced container maps a port (hostPort = containerPort,
 * as awsvpc requires). Root filesystems are read-only; each container writes only to its task volumes. Logs go to
 * the deployment's log group through awslogs.
 */
export function sidecarContainers(input: SidecarContainersInput): ContainerDefinition[] {
  const order = containersOf(input.variant);
  const expected = [...order].sort();
  const found = input.images.map((i) => i.container).sort();
  if (found.join(',') !== expected.join(',')) {
    throw new Error(
      `variant ${input.variant.name} needs images for ${expected.join(' and ')}, got ${found.join(', ') || 'none'}`,
    );
  }
  const byName = new Map(input.images.map((i) => [i.container, i]));
  const lb = loadBalancedContainer(input.variant);

  const definition = (name: string): ContainerDefinition => {
    const img = byName.get(name)!;
    return {
      name,
      image: img.image,
      essential: true,
      ...(name === lb
        ? {
            portMappings: [
              {
                name: 'http',
                containerPort: input.listenPort,
                hostPort: input.listenPort,
                protocol: 'tcp',
                appProtocol: 'http',
              },
            ],
          }
        : {}),
      ...(name === 'nginx' ? { dependsOn: [{ containerName: 'app', condition: 'HEALTHY' }] } : {}),
      readonlyRootFilesystem: true,
      mountPoints: img.writableDirs.map((d) => ({ sourceVolume: d.volume, containerPath: d.path, readOnly: false })),
      healthCheck: { command: ['CMD', ...img.healthCheck], interval: 10, timeout: 5, retries: 3, startPeriod: 10 },
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': input.logGroupName,
          'awslogs-region': input.region,
          'awslogs-stream-prefix': input.variant.name,
        },
      },
    };
  };
  // The app first: it is what nginx waits for.
  return order.map(definition);
}

/** The task volumes the containers mount, each once, in first-use order. */
export function taskVolumes(containers: readonly ContainerDefinition[]): string[] {
  const names = containers.flatMap((c) => (c.mountPoints ?? []).map((m) => m.sourceVolume!));
  return [...new Set(names)];
}
