import { Construct } from 'constructs';
import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { Network } from '../aws/network';
import type { NetworkConfig } from './config';

/** Where a cluster's instances and awsvpc tasks run. */
export interface ClusterPlacement {
  /** The construct holding the network's blocks (the created VPC, or the checks of the existing subnets). */
  readonly network: Construct;
  readonly vpcId: string;
  /** Subnets instances and awsvpc tasks use. */
  readonly subnetIds: string[];
}

/**
 * The cluster's network from its config. `existing`: the configured subnets, each checked at plan time to belong to
 * the configured VPC. `create`: a VPC with one private subnet per zone for instances (no public IPs), public subnets
 * only for one NAT gateway, and flow logs with retention.
 */
export function clusterPlacement(scope: Construct, id: string, namePrefix: string, config: NetworkConfig): ClusterPlacement {
  if (config.type === 'existing') {
    const network = new Construct(scope, id);
    // The data source fails the plan when a subnet is in another VPC, before anything is created in it.
    const subnetIds = config.subnetIds.map((subnetId) => new DataAwsSubnet(network, `subnet-${subnetId}`, { id: subnetId, vpcId: config.vpcId }).id);
    return { network, vpcId: config.vpcId, subnetIds };
  }
  const network = new Network(scope, id, {
    namePrefix,
    cidrBlock: config.cidrBlock,
    zoneCount: config.availabilityZones,
    privateEgress: { kind: 'nat-gateway' },
    flowLogRetentionDays: config.flowLogRetentionDays,
    layout: 'zone-numbered',
  });
  return { network, vpcId: network.vpc.id, subnetIds: network.privateSubnets.map((s) => s.id) };
}
