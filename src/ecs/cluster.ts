import { Construct } from 'constructs';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsClusterCapacityProviders } from '@cdktf/provider-aws/lib/ecs-cluster-capacity-providers';
import { Ec2Capacity, type Ec2CapacityProps } from './ec2-capacity';
import type { Ec2CapacityOptions } from './ec2-capacity-options';

/** What the cluster hands its capacity unchanged; documented on Ec2CapacityProps. */
type SharedWithCapacity =
  'clusterName' | 'vpcId' | 'subnetIds' | 'partition' | 'reconciledServices' | 'instanceTags' | 'egress';

export interface Ec2CapacityClusterProps extends Pick<Ec2CapacityProps, SharedWithCapacity> {
  /**
   * The instances and how many of them.
   * @default every `Ec2CapacityOptions` default (t3.small x86_64, managed scaling up to 3 instances)
   */
  readonly capacity?: Ec2CapacityOptions;
  /**
   * CloudWatch Container Insights level.
   * @default 'enabled'
   */
  readonly containerInsights?: 'enabled' | 'enhanced';
  /**
   * Also register the FARGATE capacity provider, for services with launchType fargate.
   * @default false
   */
  readonly fargate?: boolean;
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
    const { capacity, containerInsights: _insights, fargate: _fargate, ...shared } = props;
    this.capacity = new Ec2Capacity(this, 'capacity', { ...capacity, ...shared });
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
