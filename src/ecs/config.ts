import { z } from 'zod';
import { existingNetwork, logRetention } from '../config/common';
import { containerDefinitionSchema, taskVolumeSchema } from './container-config';
import { placementSchema } from './placement-config';
import type { ConfigIssue } from './placement';
import { clusterIssues, duplicateNames, serviceIssues } from './service-rules';
import { scalingIssues } from './scaling-rules';
import { capacityPlacementIssues } from './capacity-placement-rules';
import { memoryIssues } from './memory-rules';
import { SCALING_DEFAULTS } from './ec2-capacity-options';
import { vpcCidrBlock as cidrBlock } from '../aws/cidr';

/**
 * Config section `stacks.ecs`: ECS clusters on EC2 capacity, their services and how each is placed, and the
 * reconciler that keeps `oneTaskPerHost: reconciled` services at one task per host.
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
  /** Instances run in private subnets, one per zone, behind one NAT gateway. */
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
    /** Must match the instance type (Graviton types are arm64); picks the ECS-optimized AMI variant. */
    architecture: z.enum(['x86_64', 'arm64']).default('x86_64'),
    /**
     * managed: the capacity provider's managed scaling sizes the group, which is created empty; not with reconciled
     * services (managed scale-in never frees an instance that runs a REPLICA task). memoryReservation: no managed
     * scaling; the group's own target-tracking policy keeps the cluster's MemoryReservation at targetCapacityPercent.
     */
    scaling: z.enum(['managed', 'memoryReservation']).default('managed'),
    /** 0 with managed scaling (the group starts empty), at least 1 with memoryReservation (the default each). */
    minSize: z.number().int().min(0).max(1000).optional(),
    maxSize: z.number().int().min(1).max(1000).default(3),
    /** Instances at creation (memoryReservation only); afterwards the scaling owns the group's size. */
    desiredSize: z.number().int().min(0).max(1000).optional(),
    /** The ECS-optimized AL2023 AMI's snapshot is 30 GiB; the root volume cannot be smaller. */
    rootVolumeGiB: z.number().int().min(30).max(16384).default(30),
    /**
     * IMDSv2 response hop limit. 1: only the instance's own network namespace (the ECS agent, host-mode tasks) gets an
     * answer; bridge-mode containers are one hop further. Bridge containers are blocked by iptables in any case.
     */
    imdsHopLimit: z.union([z.literal(1), z.literal(2)]).default(1),
    /**
     * The scaling's target: CapacityProviderReservation (managed, default 100) or the cluster's MemoryReservation
     * (memoryReservation, default 75, below 100).
     */
    targetCapacityPercent: z.number().int().min(1).max(100).optional(),
    /** Attach AmazonSSMManagedInstanceCore so instances are reachable with Session Manager (no SSH, no ingress). */
    sessionManager: z.boolean().default(false),
  })
  .transform((c) => ({
    ...c,
    minSize: c.minSize ?? SCALING_DEFAULTS[c.scaling].minSize,
    targetCapacityPercent: c.targetCapacityPercent ?? SCALING_DEFAULTS[c.scaling].targetCapacityPercent,
  }));

export const serviceSchema = z.strictObject({
  name: serviceName,
  /**
   * daemon: ECS's DAEMON scheduler runs one task on every instance. reconciled: a REPLICA service with
   * distinctInstance whose desired count the reconciler Lambda keeps equal to the number of ACTIVE instances.
   * Absent: an ordinary REPLICA service with desiredCount tasks.
   */
  oneTaskPerHost: z.enum(['daemon', 'reconciled']).optional(),
  launchType: z.enum(['ec2', 'fargate']).default('ec2'),
  /** Ordinary services only; 1 when absent. */
  desiredCount: z.number().int().min(0).max(5000).optional(),
  /** Task-level CPU units; required on Fargate. */
  cpu: z.number().int().min(128).max(196608).optional(),
  /** Task-level memory in MiB; required on Fargate. */
  memory: z.number().int().min(6).optional(),
  /** bridge on EC2 and awsvpc on Fargate when absent. */
  networkMode: z.enum(['bridge', 'host', 'awsvpc']).optional(),
  logRetentionDays: logRetention.default(30),
  /**
   * What the task's containers may do in AWS, granted to the service's task role. Every service gets a task role
   * (with no permissions when this is absent): AWS SDKs then take its credentials and never fall back to the
   * instance's.
   */
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
  /** The ECS cluster is named `<environment>-<name>`. */
  name: clusterName,
  containerInsights: z.enum(['enabled', 'enhanced']).default('enabled'),
  network: networkSchema.prefault({ type: 'create' }),
  capacity: capacitySchema.prefault({}),
  services: z.array(serviceSchema).default([]),
});

export const reconcilerSchema = z.strictObject({
  /** Log what would change without calling UpdateService. */
  dryRun: z.boolean().default(false),
  logRetentionDays: logRetention.default(30),
  /**
   * Where the alarms on the reconciler's dead-letter queues and on its errors notify: SNS topic ARNs (or other
   * CloudWatch alarm actions). Without them the alarms only change state in CloudWatch.
   */
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
