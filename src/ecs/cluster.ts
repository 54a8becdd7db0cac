import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import type { AwsPartition } from '../aws/partition';
import { Ec2Capacity } from './ec2-capacity';
import type { Ec2CapacityOptions } from './ec2-capacity-options';

export interface Ec2CapacityClusterProps {
  /** The ECS cluster's name, environment-qualified (e.g. `demo-main`). */
  readonly clusterName: string;
  /**
   * The instances and how many of them.
   * @default every `Ec2CapacityOptions` default (t3.small x86_64, 1 to 3 instances)
   */
  readonly capacity?: Ec2CapacityOptions;
  /**
   * CloudWatch Container Insights level.
   * @default 'enabled'
   */
  readonly containerInsights?: 'enabled' | 'enhanced';
  /** The VPC of the instances (and of awsvpc tasks). */
  readonly vpcId: string;
  /** Subnets of the Auto Scaling group (and of awsvpc tasks). */
  readonly subnetIds: string[];
  /** The AWS partition; every ARN uses it. */
  readonly partition: AwsPartition;
  /**
   * Also register the FARGATE capacity provider, for services with launchType fargate.
   * @default false
   */
  readonly fargate?: boolean;
  /**
   * The cluster runs reconciled (REPLICA, one task per host) services; see `Ec2CapacityProps.reconciledServices`.
   * @default false
   */
  readonly reconciledServices?: boolean;
  /**
   * Tags for what the Auto Scaling group launches; see `Ec2CapacityProps.instanceTags`.
   * @default {}
   */
  readonly instanceTags?: Readonly<Record<string, string>>;
  /**
   * The network's way out; see `Ec2CapacityProps.egress`.
   * @default []
   */
  readonly egress?: readonly ITerraformDependable[];
}

/**
 * An ECS cluster with Container Insights on, backed by EC2 capacity through a capacity provider that is also the
 * cluster's default strategy.
 */
export class Ec2CapacityCluster extends Construct {
  public readonly cluster: EcsCluster;
  public readonly capacity: Ec2Capacity;
  /** Services must depend on this: a capacity provider strategy fails until the association exists. */
  public readonly capacityProviders: EcsClusterCapacityProviders;

  constructor(scope: Construct, id: string, props: Ec2CapacityClusterProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(props.clusterName)) {
      throw new Error(
        `ECS cluster name '${props.clusterName}' must be 1-255 letters, digits, _ or -; change the cluster's name`,
      );
    }
    this.cluster = new EcsCluster(this, 'cluster', {
      name: props.clusterName,
      setting: [{ name: 'containerInsights', value: props.containerInsights ?? 'enabled' }],
    });
    this.capacity = new Ec2Capacity(this, 'capacity', {
      ...props.capacity,
      clusterName: props.clusterName,
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      partition: props.partition,
      reconciledServices: props.reconciledServices,
      egress: props.egress,
      instanceTags: props.instanceTags,
    });
    const ec2 = this.capacity.capacityProvider.name;
    this.capacityProviders = new EcsClusterCapacityProviders(this, 'capacity-providers', {
      clusterName: this.cluster.name,
      capacityProviders: props.fargate ? [ec2, 'FARGATE'] : [ec2],
      defaultCapacityProviderStrategy: [{ capacityProvider: ec2, weight: 1, base: 0 }],
    });
  }

  public get clusterName(): string {
    return this.cluster.name;
  }

  public get clusterArn(): string {
    return this.cluster.arn;
  }
}
