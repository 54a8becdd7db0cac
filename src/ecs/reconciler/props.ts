import type { StackwrightStack } from '../../core/stackwright-stack';

/** One ECS cluster and the services in it whose desired count follows its number of ACTIVE container instances. */
export interface ManagedCluster {
  /** The cluster's name, literal (it is part of the managed services' ARNs and of the function's environment). */
  readonly clusterName: string;
  /** The cluster's ARN; may be a Terraform reference such as `aws_ecs_cluster.x.arn`. */
  readonly clusterArn: string;
  /** Names of the REPLICA services (with distinctInstance) to keep at one task per ACTIVE host. Literal. */
  readonly serviceNames: readonly string[];
}

export interface DesiredCountReconcilerProps {
  /** The stack: the zip is written into its folder and resource names come from its environment name. */
  readonly stack: StackwrightStack;
  /** The clusters and services the reconciler manages; nothing else is touched or even readable. */
  readonly managed: readonly ManagedCluster[];
  /**
   * Log the changes the function would make, without calling UpdateService.
   * @default false
   */
  readonly dryRun?: boolean;
  /**
   * Retention of the function's log group, in days (a value CloudWatch Logs accepts).
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * Where the alarms on the dead-letter queues and on function errors notify (SNS topic ARNs and the like).
   * @default [] (the alarms change state in CloudWatch only)
   */
  readonly alarmActions?: readonly string[];
  /** The AWS partition, e.g. `aws`; every ARN uses it. */
  readonly partition: string;
  /** The region of the clusters and of the function. */
  readonly region: string;
  /**
   * The account of the clusters, for the services' ARNs in the role policy (a literal or a Terraform reference).
   * @default the account of the provider's credentials, from a `aws_caller_identity` data source
   */
  readonly accountId?: string;
}
