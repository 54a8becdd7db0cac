import type { EcsContainerDefinition } from './container-definition';
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
  readonly resources: readonly string[];
}

/** A task volume: a name the containers' mountPoints refer to. */
export interface TaskVolume {
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

/** What the cross-field rules read of a service. */
export interface ServiceShape {
  readonly name: string;
  /** Absent: an ordinary REPLICA service. */
  readonly oneTaskPerHost?: Exclude<OneTaskPerHost, 'none'>;
  readonly launchType: LaunchType;
  readonly desiredCount?: number;
  readonly cpu?: number;
  readonly memory?: number;
  readonly networkMode?: NetworkMode;
  readonly containers: readonly EcsContainerDefinition[];
  readonly volumes: readonly TaskVolume[];
  readonly placement: Required<ServicePlacement>;
  readonly deployment: DeploymentLimits;
}

/** What the cluster rules read of a cluster. */
export interface ClusterShape {
  readonly capacity: {
    readonly minSize: number;
    readonly maxSize: number;
    readonly desiredSize?: number;
    readonly instanceType: string;
    readonly architecture: 'x86_64' | 'arm64';
  };
  readonly network: { readonly type: 'create' } | { readonly type: 'existing'; readonly subnetIds: readonly string[] };
}
