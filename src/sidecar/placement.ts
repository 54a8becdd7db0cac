import type { Construct } from 'constructs';
import type { AwsPartition } from '../aws/partition';
import type { SidecarConfig } from './config';
import { Network } from '../aws/network';
import type { TaskEgress } from './task-security-group';

/** Where the ALB and the tasks go, and how tasks reach AWS. */
export interface Placement {
  readonly vpcId: string;
  readonly albSubnetIds: string[];
  readonly taskSubnetIds: string[];
  readonly assignPublicIp: boolean;
  readonly egress: TaskEgress;
  /** The created network, when the config asks for one. */
  readonly network?: Network;
}

/**
 * Resolves the config's network choice: creates the VPC (with private subnets reached through VPC endpoints by
 * default) or uses the existing IDs. Private tasks in an existing VPC, NAT and public tasks send HTTPS to the public
 * AWS endpoints; with VPC endpoints they can reach only the endpoints.
 */
export function benchmarkPlacement(scope: Construct, config: SidecarConfig, env: { namePrefix: string; region: string; partition: AwsPartition }): Placement {
  const publicTasks = config.taskSubnets === 'public';
  if (config.network.type === 'existing') {
    return {
      vpcId: config.network.vpcId,
      albSubnetIds: [...config.network.albSubnetIds],
      taskSubnetIds: [...config.network.taskSubnetIds],
      assignPublicIp: publicTasks,
      egress: { kind: 'https-anywhere' },
    };
  }
  const privateEgress = config.network.privateEgress ?? 'vpc-endpoints';
  const network = new Network(scope, 'network', {
    namePrefix: env.namePrefix,
    cidrBlock: config.network.cidr,
    zoneCount: 2,
    availabilityZones: config.network.availabilityZones,
    privateEgress: publicTasks
      ? undefined
      : privateEgress === 'nat-gateway'
        ? { kind: 'nat-gateway' }
        : { kind: 'vpc-endpoints', region: env.region, partition: env.partition },
    layout: 'zone-lettered',
  });
  const publicIds = network.publicSubnets.map((s) => s.id);
  const endpoints = network.endpoints;
  return {
    vpcId: network.vpc.id,
    albSubnetIds: publicIds,
    taskSubnetIds: publicTasks ? publicIds : network.privateSubnets.map((s) => s.id),
    assignPublicIp: publicTasks,
    egress: endpoints
      ? { kind: 'vpc-endpoints', endpointSecurityGroupId: endpoints.securityGroup.id, s3PrefixListId: endpoints.s3Gateway.prefixListId }
      : { kind: 'https-anywhere' },
    network,
  };
}
