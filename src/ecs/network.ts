import { Construct } from 'constructs';
import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { Network } from '../aws/network';

/** A VPC the cluster creates: private subnets for the instances, one NAT gateway. */
export interface CreatedClusterNetwork {
  /** Create a VPC. */
  readonly type: 'create';
  /**
   * The VPC's IPv4 block.
   * @default '10.0.0.0/16'
   */
  readonly cidrBlock?: string;
  /**
   * One private (and one public) subnet per zone.
   * @default 2
   */
  readonly availabilityZones?: number;
  /**
   * Retention of the VPC flow logs, in days.
   * @default 30
   */
  readonly flowLogRetentionDays?: number;
}

/** An existing VPC: the subnets must belong to it (checked at plan time). */
export interface ExistingClusterNetwork {
  /** Use an existing VPC. */
  readonly type: 'existing';
  /** The existing VPC. */
  readonly vpcId: string;
  /** Subnets of that VPC for instances and awsvpc tasks (private ones: nothing gets a public IP). */
  readonly subnetIds: readonly string[];
}

export interface ClusterNetworkPlanProps {
  /** Prefix of the created network's resource names (the environment-qualified cluster name). */
  readonly namePrefix: string;
  /**
   * The network to create or use.
   * @default { type: 'create' } (a new VPC with every default of `CreatedClusterNetwork`)
   */
  readonly network?: CreatedClusterNetwork | ExistingClusterNetwork;
}

/** Where a cluster's instances and awsvpc tasks run: its network plan (not ECS task placement, src/ecs/placement.ts). */
export interface ClusterNetworkPlan {
  /** The construct holding the network's blocks (the created VPC, or the checks of the existing subnets). */
  readonly network: Construct;
  /** The VPC (a Terraform reference when created). */
  readonly vpcId: string;
  /** Subnets instances and awsvpc tasks use. */
  readonly subnetIds: string[];
}

/**
 * The cluster's network. `existing`: the given subnets, each checked at plan time to belong to the given VPC.
 * `create`: a VPC with one private subnet per zone for instances (no public IPs), public subnets only for one NAT
 * gateway, and flow logs with retention.
 */
export function clusterNetworkPlan(scope: Construct, id: string, props: ClusterNetworkPlanProps): ClusterNetworkPlan {
  const choice = props.network ?? { type: 'create' };
  if (choice.type === 'existing') {
    if (choice.subnetIds.length === 0)
      throw new Error(`clusterNetworkPlan ${props.namePrefix}: network.subnetIds is empty; name at least one subnet`);
    const network = new Construct(scope, id);
    // The data source fails the plan when a subnet is in another VPC, before anything is created in it.
    const subnetIds = choice.subnetIds.map(
      (subnetId) => new DataAwsSubnet(network, `subnet-${subnetId}`, { id: subnetId, vpcId: choice.vpcId }).id,
    );
    return { network, vpcId: choice.vpcId, subnetIds };
  }
  const network = new Network(scope, id, {
    namePrefix: props.namePrefix,
    cidrBlock: choice.cidrBlock ?? '10.0.0.0/16',
    zoneCount: choice.availabilityZones ?? 2,
    privateEgress: { kind: 'nat-gateway' },
    flowLogRetentionDays: choice.flowLogRetentionDays ?? 30,
    layout: 'zone-numbered',
  });
  return { network, vpcId: network.vpc.id, subnetIds: network.privateSubnets.map((s) => s.id) };
}
