import type { Construct } from 'constructs';
import type { AwsPartition } from '../aws/partition';
import { Network } from '../aws/network';
import type { TaskEgress } from './task-security-group';

/** A VPC the benchmark creates: two public and two private subnets in two zones. */
export interface CreatedBenchmarkNetwork {
  /** Create a VPC. */
  readonly type: 'create';
  /**
   * The VPC's block; split into four equal subnets (public and private in each of two AZs).
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * Two availability zone names.
   * @default the region's first two available zones
   */
  readonly availabilityZones?: readonly string[];
  /**
   * How tasks in private subnets reach ECR and CloudWatch Logs: interface endpoints plus an S3 gateway endpoint, or one
   * NAT gateway. Only with private tasks.
   * @default 'vpc-endpoints' when the tasks are private
   */
  readonly privateEgress?: 'vpc-endpoints' | 'nat-gateway';
}

/** An existing VPC and its subnets. */
export interface ExistingBenchmarkNetwork {
  /** Use an existing VPC. */
  readonly type: 'existing';
  /** The existing VPC. */
  readonly vpcId: string;
  /** Public subnets in at least two AZs for the load balancer. */
  readonly albSubnetIds: readonly string[];
  /** Where tasks run. Private subnets must already reach ECR, S3 and CloudWatch Logs (NAT or endpoints). */
  readonly taskSubnetIds: readonly string[];
}

export interface BenchmarkNetworkPlanProps {
  /** Prefix of the created network's resource names. */
  readonly namePrefix: string;
  /** Region of the VPC endpoints. */
  readonly region: string;
  /** The AWS partition; the VPC endpoints' service names use it. */
  readonly partition: AwsPartition;
  /**
   * The network to create or use.
   * @default { type: 'create' } (a new VPC with every default of `CreatedBenchmarkNetwork`)
   */
  readonly network?: CreatedBenchmarkNetwork | ExistingBenchmarkNetwork;
  /**
   * private: tasks get no public address and reach AWS through VPC endpoints or NAT. public: tasks run in the ALB's
   * public subnets with a public IP (their security group still admits only the ALB).
   * @default 'private'
   */
  readonly taskSubnets?: 'private' | 'public';
  /**
   * Days the created VPC's flow logs are kept (every created VPC logs its traffic; an existing VPC is left as it is).
   * @default 7
   */
  readonly flowLogRetentionDays?: number;
}

/**
 * The benchmark's network plan: the subnets the ALB and the tasks go in, and how tasks reach AWS. (Not ECS task
 * placement, which is src/ecs/placement.ts.)
 */
export interface NetworkPlan {
  readonly vpcId: string;
  readonly albSubnetIds: string[];
  readonly taskSubnetIds: string[];
  readonly assignPublicIp: boolean;
  readonly egress: TaskEgress;
  /**
   * The created network.
   * @default undefined when an existing VPC is used
   */
  readonly network?: Network;
}

/**
 * Resolves the network choice: creates the VPC (with private subnets reached through VPC endpoints by default) or
 * uses the existing IDs. Private tasks in an existing VPC, NAT and public tasks send HTTPS to the public AWS
 * endpoints; with VPC endpoints they can reach only the endpoints.
 */
export function benchmarkNetworkPlan(scope: Construct, props: BenchmarkNetworkPlanProps): NetworkPlan {
  const publicTasks = (props.taskSubnets ?? 'private') === 'public';
  const choice = props.network ?? { type: 'create' };
  if (choice.type === 'existing') {
    if (choice.albSubnetIds.length < 2)
      throw new Error('benchmarkNetworkPlan: network.albSubnetIds needs subnets in at least two AZs for the ALB');
    if (choice.taskSubnetIds.length === 0)
      throw new Error('benchmarkNetworkPlan: network.taskSubnetIds needs at least one subnet for the tasks');
    return {
      vpcId: choice.vpcId,
      albSubnetIds: [...choice.albSubnetIds],
      taskSubnetIds: [...choice.taskSubnetIds],
      assignPublicIp: publicTasks,
      egress: { kind: 'https-anywhere' },
    };
  }
  if (publicTasks && choice.privateEgress !== undefined) {
    throw new Error(
      "benchmarkNetworkPlan: network.privateEgress is only used with taskSubnets 'private'; remove it, or make the tasks private",
    );
  }
  const privateEgress = choice.privateEgress ?? 'vpc-endpoints';
  const network = new Network(scope, 'network', {
    namePrefix: props.namePrefix,
    cidrBlock: choice.cidr ?? '10.0.0.0/16',
    zoneCount: 2,
    availabilityZones: choice.availabilityZones,
    privateEgress: publicTasks
      ? undefined
      : privateEgress === 'nat-gateway'
        ? { kind: 'nat-gateway' }
        : { kind: 'vpc-endpoints', region: props.region, partition: props.partition },
    layout: 'zone-lettered',
    flowLogRetentionDays: props.flowLogRetentionDays ?? 7,
  });
  const publicIds = network.publicSubnets.map((s) => s.id);
  const endpoints = network.endpoints;
  return {
    vpcId: network.vpc.id,
    albSubnetIds: publicIds,
    taskSubnetIds: publicTasks ? publicIds : network.privateSubnets.map((s) => s.id),
    assignPublicIp: publicTasks,
    egress: endpoints
      ? {
          kind: 'vpc-endpoints',
          endpointSecurityGroupId: endpoints.securityGroup.id,
          s3PrefixListId: endpoints.s3Gateway.prefixListId,
        }
      : { kind: 'https-anywhere' },
    network,
  };
}
