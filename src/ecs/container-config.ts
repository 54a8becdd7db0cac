import { z } from 'zod';
import type { EcsContainerDefinition } from './container-definition';

/**
 * Container definitions in config, in ECS's own field names (camelCase, as in the task definition JSON). Only the
 * fields Stackwright knows how to check are accepted (strict objects); the log configuration is not among them
 * because every container logs to its service's log group.
 */

const port = z.number().int().min(1).max(65535);
const containerName = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'letters, digits, _ and -, at most 255');
const absolutePath = z.string().startsWith('/', 'must be an absolute path');

const portMapping = z.strictObject({
  containerPort: port,
  /** Empty (dynamic port in bridge mode) or equal to containerPort in awsvpc and host modes. */
  hostPort: port.optional(),
  protocol: z.enum(['tcp', 'udp']).optional(),
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, _ and -, at most 64')
    .optional(),
  appProtocol: z.enum(['http', 'http2', 'grpc']).optional(),
});

const linuxParameters = z.strictObject({
  initProcessEnabled: z.boolean().optional(),
  capabilities: z
    .strictObject({
      add: z.array(z.string().regex(/^[A-Z_]+$/)).optional(),
      drop: z.array(z.string().regex(/^[A-Z_]+$/)).optional(),
    })
    .optional(),
  devices: z
    .array(
      z.strictObject({
        hostPath: absolutePath,
        containerPath: absolutePath.optional(),
        permissions: z.array(z.enum(['read', 'write', 'mknod'])).optional(),
      }),
    )
    .optional(),
  sharedMemorySize: z.number().int().min(1).optional(),
  tmpfs: z
    .array(
      z.strictObject({
        containerPath: absolutePath,
        size: z.number().int().min(1),
        mountOptions: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

export const containerDefinitionSchema = z.strictObject({
  name: containerName,
  /** Image reference, e.g. `public.ecr.aws/nginx/nginx:1.27` or a private ECR URI (the execution role may pull it). */
  image: z.string().min(1).max(255),
  /** ECS stops the task when an essential container stops; every task needs at least one. */
  essential: z.boolean().default(true),
  cpu: z.number().int().min(0).optional(),
  /** Hard limit in MiB. */
  memory: z.number().int().min(6).optional(),
  /** Soft limit in MiB. */
  memoryReservation: z.number().int().min(6).optional(),
  portMappings: z.array(portMapping).optional(),
  command: z.array(z.string()).optional(),
  entryPoint: z.array(z.string()).optional(),
  environment: z.array(z.strictObject({ name: z.string().min(1), value: z.string() })).optional(),
  /** Secrets Manager or SSM Parameter Store references; the execution role may read exactly these. */
  secrets: z.array(z.strictObject({ name: z.string().min(1), valueFrom: z.string().min(1) })).optional(),
  mountPoints: z
    .array(
      z.strictObject({
        sourceVolume: z.string().min(1),
        containerPath: absolutePath,
        readOnly: z.boolean().optional(),
      }),
    )
    .optional(),
  dependsOn: z
    .array(z.strictObject({ containerName, condition: z.enum(['START', 'COMPLETE', 'SUCCESS', 'HEALTHY']) }))
    .optional(),
  healthCheck: z
    .strictObject({
      command: z.array(z.string()).min(1),
      interval: z.number().int().min(5).max(300).optional(),
      timeout: z.number().int().min(2).max(120).optional(),
      retries: z.number().int().min(1).max(10).optional(),
      startPeriod: z.number().int().min(0).max(300).optional(),
    })
    .optional(),
  user: z.string().min(1).optional(),
  workingDirectory: absolutePath.optional(),
  readonlyRootFilesystem: z.boolean().optional(),
  stopTimeout: z.number().int().min(2).max(120).optional(),
  startTimeout: z.number().int().min(2).optional(),
  dockerLabels: z.record(z.string().min(1), z.string()).optional(),
  ulimits: z
    .array(
      z.strictObject({
        name: z.enum([
          'core',
          'cpu',
          'data',
          'fsize',
          'locks',
          'memlock',
          'msgqueue',
          'nice',
          'nofile',
          'nproc',
          'rss',
          'rtprio',
          'rttime',
          'sigpending',
          'stack',
        ]),
        softLimit: z.number().int().min(0),
        hardLimit: z.number().int().min(0),
      }),
    )
    .optional(),
  linuxParameters: linuxParameters.optional(),
  // EC2-only settings (rejected on Fargate, see FARGATE_INVALID_CONTAINER_FIELDS in ./container-definition).
  privileged: z.boolean().optional(),
  hostname: z.string().min(1).optional(),
  links: z.array(z.string().min(1)).optional(),
  disableNetworking: z.boolean().optional(),
  dnsServers: z.array(z.string().min(1)).optional(),
  dnsSearchDomains: z.array(z.string().min(1)).optional(),
  extraHosts: z.array(z.strictObject({ hostname: z.string().min(1), ipAddress: z.string().min(1) })).optional(),
  dockerSecurityOptions: z.array(z.string().min(1)).optional(),
});

export type ContainerConfig = z.infer<typeof containerDefinitionSchema>;

/** Compile-time proof that every container the schema accepts is a valid ECS ContainerDefinition (ClusterService's props). */
export function asContainerDefinition(container: ContainerConfig): EcsContainerDefinition {
  return container;
}

/** A task volume: a name the containers' mountPoints refer to, optionally backed by a host path (EC2 only). */
export const taskVolumeSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'letters, digits, _ and -, at most 255'),
  hostPath: absolutePath.optional(),
});
export type TaskVolumeConfig = z.infer<typeof taskVolumeSchema>;
