import { z } from 'zod';
import { existingNetwork, logRetention } from '../config/common';
import { containerDefinitionSchema, taskVolumeSchema } from './container-config';
import { placementSchema } from './placement-config';
import type { ConfigIssue } from '../core/config-issue';
import { clusterIssues, duplicateNames, serviceIssues } from './service-rules';
import { scalingIssues } from './scaling-rules';
import { capacityPlacementIssues } from './capacity-placement-rules';
import { memoryIssues } from './memory-rules';
import { ARCHITECTURES, CAPACITY_SCALINGS, SCALING_DEFAULTS } from './ec2-capacity-options';
import { vpcCidrBlock as cidrBlock } from '../aws/cidr';
import { LAUNCH_TYPES, NETWORK_MODES, ONE_TASK_PER_HOST_MODES } from './service-props';

/**
 * Config section `stacks.ecs`: ECS clusters on EC2 capacity, their services and how each is placed, and the
 * reconciler that keeps `oneTaskPerHost: reconciled` services at one task per host. A field that maps onto a
 * construct's prop of the same name is documented there (ClusterServiceProps, Ec2CapacityOptions, the network
 * types, DesiredCountReconcilerProps); stacks/ecs-props.ts, where the config becomes props, has tsc hold the two in
 * agreement. Comments here say only what is particular to the config.
 */

const clusterName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,23}$/, 'lowercase letters, digits and dashes, starting with a letter, at most 24');
const serviceName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, starting with a letter, at most 40');

const existingVpc = z.strictObject({ type: z.literal('existing'), ...existingNetwork.shape });
const createdVpc = z.strictObject({
  type: z.literal('create'),
  cidrBlock: cidrBlock.default('10.0.0.0/16'),
  availabilityZones: z.number().int().min(2).max(6).default(2),
  flowLogRetentionDays: logRetention.default(30),
});
export const networkSchema = z.discriminatedUnion('type', [existingVpc, createdVpc]);

export const capacitySchema = z
  .strictObject({
    instanceType: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'an EC2 instance type such as t3.small')
      .default('t3.small'),
    architecture: z.enum(ARCHITECTURES).default('x86_64'),
    scaling: z.enum(CAPACITY_SCALINGS).default('managed'),
    minSize: z.number().int().min(0).max(1000).optional(),
    maxSize: z.number().int().min(1).max(1000).default(3),
    desiredSize: z.number().int().min(0).max(1000).optional(),
    rootVolumeGiB: z.number().int().min(30).max(16384).default(30),
    imdsHopLimit: z.union([z.literal(1), z.literal(2)]).default(1),
    targetCapacityPercent: z.number().int().min(1).max(100).optional(),
    sessionManager: z.boolean().default(false),
  })
  .transform((c) => ({
    ...c,
    minSize: c.minSize ?? SCALING_DEFAULTS[c.scaling].minSize,
    targetCapacityPercent: c.targetCapacityPercent ?? SCALING_DEFAULTS[c.scaling].targetCapacityPercent,
  }));

export const serviceSchema = z.strictObject({
  /** The props' `serviceName`. */
  name: serviceName,
  /** Absent: an ordinary REPLICA service (the props' 'none'). */
  oneTaskPerHost: z.enum(ONE_TASK_PER_HOST_MODES).optional(),
  launchType: z.enum(LAUNCH_TYPES).default('ec2'),
  desiredCount: z.number().int().min(0).max(5000).optional(),
  cpu: z.number().int().min(128).max(196608).optional(),
  memory: z.number().int().min(6).optional(),
  networkMode: z.enum(NETWORK_MODES).optional(),
  logRetentionDays: logRetention.default(30),
  taskPermissions: z
    .array(
      z.strictObject({
        actions: z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*]+$/, 'an IAM action such as s3:GetObject')).min(1),
        resources: z.array(z.string().min(1)).min(1),
      }),
    )
    .default([]),
  containers: z.array(containerDefinitionSchema).min(1).max(10),
  volumes: z.array(taskVolumeSchema).default([]),
  placement: placementSchema.prefault({}),
  deployment: z
    .strictObject({
      minimumHealthyPercent: z.number().int().min(0).max(100).optional(),
      maximumPercent: z.number().int().min(100).max(200).optional(),
    })
    .prefault({}),
});

export const clusterSchema = z.strictObject({
  /** The ECS cluster is named `<environment>-<name>` (the props' `clusterName`). */
  name: clusterName,
  containerInsights: z.enum(['enabled', 'enhanced']).default('enabled'),
  network: networkSchema.prefault({ type: 'create' }),
  capacity: capacitySchema.prefault({}),
  services: z.array(serviceSchema).default([]),
});

export const reconcilerSchema = z.strictObject({
  dryRun: z.boolean().default(false),
  logRetentionDays: logRetention.default(30),
  alarmActions: z
    .array(
      z
        .string()
        .regex(
          /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:\S+$/,
          'an ARN such as arn:aws:sns:us-east-1:123456789012:ops',
        ),
    )
    .max(5)
    .default([]),
});

export const ecsConfigSchema = z
  .strictObject({
    clusters: z.array(clusterSchema).min(1),
    reconciler: reconcilerSchema.prefault({}),
  })
  .superRefine((ecs, ctx) => {
    const report = (base: (string | number)[], issues: readonly ConfigIssue[]) => {
      for (const i of issues)
        ctx.addIssue({
          code: 'custom',
          path: [...base, ...i.path],
          message: i.message,
          params: { allowed: i.allowed },
        });
    };
    report(['clusters'], duplicateNames(ecs.clusters, 'cluster', 'stacks.ecs.clusters'));
    ecs.clusters.forEach((cluster, c) => {
      report(['clusters', c], clusterIssues(cluster));
      report(['clusters', c], scalingIssues(cluster));
      report(['clusters', c], capacityPlacementIssues(cluster));
      report(['clusters', c], memoryIssues(cluster));
      report(['clusters', c, 'services'], duplicateNames(cluster.services, 'service', `cluster ${cluster.name}`));
      cluster.services.forEach((service, s) => report(['clusters', c, 'services', s], serviceIssues(service)));
    });
  });

export type EcsConfig = z.infer<typeof ecsConfigSchema>;
export type ClusterConfig = z.infer<typeof clusterSchema>;
export type ServiceConfig = z.infer<typeof serviceSchema>;
export type CapacityConfig = z.infer<typeof capacitySchema>;
export type NetworkConfig = z.infer<typeof networkSchema>;
export type ReconcilerConfig = z.infer<typeof reconcilerSchema>;
