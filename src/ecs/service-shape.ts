import type { EcsContainerDefinition } from './container-definition';
import type { Ec2CapacityOptions } from './ec2-capacity-options';
import type { ServicePlacement } from './placement';

/**
 * One ECS service in plain types. ClusterService's props and the config's service both have this shape (with the
 * defaults filled in), so the cross-field rules in ./service-rules.ts check either.
 */

/** How a service keeps (or does not keep) one task per host. */
export type OneTaskPerHost = 'daemon' | 'reconciled' | 'none';
export type LaunchType = 'ec2' | 'fargate';
export type NetworkMode = 'bridge' | 'host' | 'awsvpc';

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

/** What the cross-field rules read of a service; each field means what the same ClusterServiceProps field does. */
export interface ServiceShape {
  /** The service's name. */
  readonly name: string;
  /**
   * daemon or reconciled.
   * @default an ordinary REPLICA service
   */
  readonly oneTaskPerHost?: Exclude<OneTaskPerHost, 'none'>;
  /** EC2 or Fargate. */
  readonly launchType: LaunchType;
  /**
   * Tasks of an ordinary service.
   * @default 1
   */
  readonly desiredCount?: number;
  /**
   * Task-level CPU units.
   * @default none
   */
  readonly cpu?: number;
  /**
   * Task-level memory in MiB.
   * @default none
   */
  readonly memory?: number;
  /**
   * The task's network mode.
   * @default 'bridge' on EC2, 'awsvpc' on Fargate
   */
  readonly networkMode?: NetworkMode;
  /** The task's containers. */
  readonly containers: readonly EcsContainerDefinition[];
  /** The task's volumes. */
  readonly volumes: readonly TaskVolume[];
  /** Placement strategies and constraints. */
  readonly placement: Required<ServicePlacement>;
  /** Deployment limits. */
  readonly deployment: DeploymentLimits;
}

/** What the cluster rules read of a cluster. */
export interface ClusterShape {
  /** The Auto Scaling group's size and instances (see Ec2CapacityOptions). */
  readonly capacity: Pick<Required<Ec2CapacityOptions>, 'minSize' | 'maxSize' | 'instanceType' | 'architecture'> &
    Pick<Ec2CapacityOptions, 'desiredSize'>;
  /**
   * A created network, or the subnets of an existing one.
   * @default not checked (Ec2Capacity is given subnet ids, which its caller checks)
   */
  readonly network?: { readonly type: 'create' } | { readonly type: 'existing'; readonly subnetIds: readonly string[] };
}
