import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { SidecarVariantName } from './variants';

/** One image of a variant, as the task runs it. */
export interface TaskImage {
  /** nginx, app or combined: also the container's name. */
  readonly container: string;
  /** Image reference (repository@digest). */
  readonly image: string;
  /** Exec-form health check command (without the leading CMD). */
  readonly healthCheck: readonly string[];
}

export interface SidecarContainersInput {
  /** How nginx reaches the app: decides the containers and the shared volume. */
  readonly variant: SidecarVariantName;
  /** The image of each container of the variant. */
  readonly images: readonly TaskImage[];
  /** The port nginx listens on: the only mapped port. */
  readonly listenPort: number;
  /** sharedvol: where the socket volume is mounted in both containers. */
  readonly socketDir: string;
  /** The log group every container writes to (awslogs). */
  readonly logGroupName: string;
  /** The log group's region. */
  readonly region: string;
}

/** Name of the task volume sharedvol's containers share. */
export const SOCKET_VOLUME = 'socket';

/** The container that receives load balancer traffic: nginx, or the combined container. */
export function loadBalancedContainer(variant: SidecarVariantName): string {
  return variant === 'combined' ? 'combined' : 'nginx';
}

/**
 * The task's containers for a variant. tcp: nginx + app sharing localhost; sharedvol: nginx + app mounting one task
 * volume that holds the app's unix socket; combined: one container. Every container has a health check, nginx
 * starts only once the app is HEALTHY, and only the load-balanced container maps a port (hostPort = containerPort,
 * as awsvpc requires). Logs go to the deployment's log group through awslogs.
 */
export function sidecarContainers(input: SidecarContainersInput): ContainerDefinition[] {
  const expected = input.variant === 'combined' ? ['combined'] : ['app', 'nginx'];
  const found = input.images.map((i) => i.container).sort();
  if (found.join(',') !== expected.join(',')) {
    throw new Error(
      `variant ${input.variant} needs images for ${expected.join(' and ')}, got ${found.join(', ') || 'none'}`,
    );
  }
  const byName = new Map(input.images.map((i) => [i.container, i]));
  const sharedSocket =
    input.variant === 'sharedvol'
      ? [{ sourceVolume: SOCKET_VOLUME, containerPath: input.socketDir, readOnly: false }]
      : undefined;
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
      ...(sharedSocket ? { mountPoints: sharedSocket } : {}),
      healthCheck: { command: ['CMD', ...img.healthCheck], interval: 10, timeout: 5, retries: 3, startPeriod: 10 },
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': input.logGroupName,
          'awslogs-region': input.region,
          'awslogs-stream-prefix': input.variant,
        },
      },
    };
  };
  // The app first: it is what nginx waits for.
  return input.variant === 'combined' ? [definition('combined')] : [definition('app'), definition('nginx')];
}
