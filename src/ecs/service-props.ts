import type { ITerraformDependable } from 'cdktf';
import type { AwsPartition } from '../aws/partition';
import type { EcsContainerDefinition } from './container-definition';
import type { ServicePlacement } from './placement';

/**
 * One ECS service's props: the one place its fields are declared and documented. The config schema (./config.ts)
 * parses into the same fields (tsc holds the two in agreement), and the cross-field rules read a shape derived from
 * these props (./service-shape.ts).
 */

/** daemon: ECS's DAEMON scheduler; reconciled: REPLICA with distinctInstance, one task per ACTIVE instance. */
export const ONE_TASK_PER_HOST_MODES = ['daemon', 'reconciled'] as const;
/** How a service keeps (or, with 'none', does not keep) one task per host. */
export type OneTaskPerHost = (typeof ONE_TASK_PER_HOST_MODES)[number] | 'none';
export const LAUNCH_TYPES = ['ec2', 'fargate'] as const;
export type LaunchType = (typeof LAUNCH_TYPES)[number];
export const NETWORK_MODES = ['bridge', 'host', 'awsvpc'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

/** What a service's containers may do in AWS (one statement of its task role's policy). */
export interface TaskPermission {
  /** IAM actions such as `s3:GetObject`. */
  readonly actions: readonly string[];
  /** Resource ARNs (or patterns) the actions apply to. */
  readonly resources: readonly string[];
}

/** A task volume: a name the containers' mountPoints refer to. */
export interface TaskVolume {
  /** The name mountPoints refer to. */
  readonly name: string;
  /**
   * Back the volume with this host path (EC2 only).
   * @default none (a volume the task's containers share)
   */
  readonly hostPath?: string;
}

/** Limits on how many tasks run during a deployment, in percent of the desired count. */
export interface DeploymentLimits {
  /**
   * @default 0 for daemon and reconciled services, 100 otherwise
   */
  readonly minimumHealthyPercent?: number;
  /**
   * @default 100 for daemon and reconciled services, 200 otherwise
   */
  readonly maximumPercent?: number;
}

export interface ClusterServiceProps {
  /** The service's name (unique in its cluster); with the cluster's name it names the task family, roles and logs. */
  readonly serviceName: string;
  /** The task's containers; each logs to the service's log group (any log configuration given is replaced). */
  readonly containers: readonly EcsContainerDefinition[];
  /** The ECS cluster's name (environment-qualified); prefixes the task family, role and log group. */
  readonly clusterName: string;
  /** The ECS cluster's ARN (a Terraform reference is fine). */
  readonly clusterArn: string;
  /**
   * The cluster's EC2 capacity provider, which ordinary EC2 services run through so that managed scaling adds
   * instances for them. Leave it out in a cluster without managed scaling: its group does not start empty, so
   * instances may register before the capacity provider exists, which AWS says "might cause issues when using the
   * capacity provider in a capacity provider strategy" (asg-capacity-providers.html).
   * @default none: ordinary EC2 services use launch type EC2
   */
  readonly capacityProviderName?: string;
  /**
   * Desired count a reconciled service is created with; the reconciler owns it afterwards.
   * @default 0
   */
  readonly initialReconciledCount?: number;
  /** Region of the service's log group (the awslogs driver's setting). */
  readonly region: string;
  /** The AWS partition; every ARN uses it. */
  readonly partition: AwsPartition;
  /** The account ID (a Terraform reference): the execution role trusts ECS only on behalf of this account. */
  readonly accountId: string;
  /** The VPC of the security group awsvpc tasks get. */
  readonly vpcId: string;
  /** Subnets of awsvpc tasks. */
  readonly subnetIds: string[];
  /**
   * Created after and destroyed before these: the cluster's capacity provider association and the network's way out
   * (routes, NAT gateway, VPC endpoints) its tasks pull images through.
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * daemon: ECS's DAEMON scheduler runs one task on every instance. reconciled: a REPLICA service with
   * distinctInstance whose desired count the reconciler keeps equal to the number of ACTIVE instances.
   * none: an ordinary REPLICA service with `desiredCount` tasks.
   * @default 'none'
   */
  readonly oneTaskPerHost?: OneTaskPerHost;
  /**
   * Where tasks run: the cluster's EC2 instances, or Fargate (needs `cpu` and `memory`).
   * @default 'ec2'
   */
  readonly launchType?: LaunchType;
  /**
   * Tasks of an ordinary service (not allowed with daemon or reconciled).
   * @default 1
   */
  readonly desiredCount?: number;
  /**
   * Task-level CPU units; required on Fargate.
   * @default none (the containers' own limits)
   */
  readonly cpu?: number;
  /**
   * Task-level memory in MiB; required on Fargate.
   * @default none (the containers' own limits)
   */
  readonly memory?: number;
  /**
   * The task's network mode; awsvpc gives the service a security group in `subnetIds`.
   * @default 'bridge' on EC2, 'awsvpc' on Fargate
   */
  readonly networkMode?: NetworkMode;
  /**
   * Retention of the service's log group, in days (a value CloudWatch Logs accepts).
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * What the containers may do in AWS, granted to the service's task role.
   * @default [] (a task role with no permissions, so AWS SDKs never fall back to the instance's role)
   */
  readonly taskPermissions?: readonly TaskPermission[];
  /**
   * Task volumes the containers' mountPoints name.
   * @default []
   */
  readonly volumes?: readonly TaskVolume[];
  /**
   * Placement strategies and constraints (EC2 only); a reconciled service always gets distinctInstance.
   * @default no strategies, no constraints
   */
  readonly placement?: ServicePlacement;
  /**
   * How many tasks may run during a deployment.
   * @default see `DeploymentLimits`
   */
  readonly deployment?: DeploymentLimits;
}
