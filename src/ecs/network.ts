import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { DataAwsSubnet } from '@cdktf/provider-aws/lib/data-aws-subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { policyJson, serviceTrustPolicy } from '../iam/policy-document';
import { cidrSubnet, formatCidr, parseCidr } from '../aws/cidr';
import type { NetworkConfig } from './config';
import { boundedName, NameLimit } from './names';

export interface ClusterNetworkProps {
  /** Prefix of every name and Name tag, e.g. `demo-main`. */
  readonly namePrefix: string;
  /** Existing VPC and subnets, or the VPC to create. */
  readonly network: NetworkConfig;
}

/**
 * Where a cluster's instances run. `existing`: the configured subnets, each checked at plan time to belong to the
 * configured VPC. `create`: a VPC with one private subnet per zone for instances (no public IPs), public subnets
 * only for one NAT gateway, the default security group emptied, and flow logs with retention.
 */
export class ClusterNetwork extends Construct {
  public readonly vpcId: string;
  /** Subnets instances and awsvpc tasks use. */
  public readonly subnetIds: string[];
  /** Set when the VPC is created here. */
  public readonly vpc?: Vpc;
  public readonly natGateway?: NatGateway;
  public readonly flowLogGroup?: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: ClusterNetworkProps) {
    super(scope, id);
    const net = props.network;
    if (net.type === 'existing') {
      this.vpcId = net.vpcId;
      // The data source fails the plan when a subnet is in another VPC, before anything is created in it.
      this.subnetIds = net.subnetIds.map((subnetId) => new DataAwsSubnet(this, `subnet-${subnetId}`, { id: subnetId, vpcId: net.vpcId }).id);
      return;
    }
    const base = parseCidr(net.cidrBlock);
    if (!base) throw new Error(`network.cidrBlock '${net.cidrBlock}' is not an IPv4 CIDR block; fix it in the config`);
    const name = (suffix: string) => ({ Name: `${props.namePrefix}-${suffix}` });

    const zones = new DataAwsAvailabilityZones(this, 'zones', {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    const vpc = new Vpc(this, 'vpc', { cidrBlock: net.cidrBlock, enableDnsHostnames: true, enableDnsSupport: true, tags: name('vpc') });
    this.vpc = vpc;
    this.vpcId = vpc.id;
    // With no rules, the default security group denies everything; nothing should use it by accident.
    new DefaultSecurityGroup(this, 'default-sg', { vpcId: vpc.id, tags: name('default-deny-all') });

    const newbits = Math.ceil(Math.log2(2 * net.availabilityZones));
    const subnet = (tier: 'private' | 'public', zone: number) =>
      new Subnet(this, `${tier}-${zone}`, {
        vpcId: vpc.id,
        cidrBlock: formatCidr(cidrSubnet(base, newbits, (tier === 'private' ? 0 : net.availabilityZones) + zone)),
        availabilityZone: Fn.element(zones.names, zone),
        mapPublicIpOnLaunch: false,
        tags: { ...name(`${tier}-${zone + 1}`), 'stackwright:tier': tier },
      });
    const zoneIndexes = [...Array(net.availabilityZones).keys()];
    const privateSubnets = zoneIndexes.map((z) => subnet('private', z));
    const publicSubnets = zoneIndexes.map((z) => subnet('public', z));
    this.subnetIds = privateSubnets.map((s) => s.id);

    const igw = new InternetGateway(this, 'igw', { vpcId: vpc.id, tags: name('igw') });
    const eip = new Eip(this, 'nat-ip', { domain: 'vpc', tags: name('nat'), dependsOn: [igw] });
    // One NAT gateway (about $33/month): instances reach ECS, ECR and image registries without public addresses.
    this.natGateway = new NatGateway(this, 'nat', { allocationId: eip.allocationId, subnetId: publicSubnets[0]!.id, tags: name('nat'), dependsOn: [igw] });

    const routes = (tier: 'private' | 'public', subnets: Subnet[], target: { gatewayId?: string; natGatewayId?: string }) => {
      const table = new RouteTable(this, `${tier}-routes`, { vpcId: vpc.id, tags: name(tier) });
      new Route(this, `${tier}-default-route`, { routeTableId: table.id, destinationCidrBlock: '0.0.0.0/0', ...target });
      subnets.forEach((s, z) => new RouteTableAssociation(this, `${tier}-${z}-routes`, { subnetId: s.id, routeTableId: table.id }));
    };
    routes('public', publicSubnets, { gatewayId: igw.id });
    routes('private', privateSubnets, { natGatewayId: this.natGateway.id });

    this.flowLogGroup = new CloudwatchLogGroup(this, 'flow-logs', {
      name: `/stackwright/vpc/${props.namePrefix}/flow-logs`,
      retentionInDays: net.flowLogRetentionDays,
    });
    const flowRole = new IamRole(this, 'flow-logs-role', {
      name: boundedName([props.namePrefix, 'vpc-flow-logs'], NameLimit.iamRole),
      description: `Lets VPC Flow Logs write to ${this.flowLogGroup.name} (Stackwright)`,
      assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com'),
    });
    new IamRolePolicy(this, 'flow-logs-policy', {
      name: 'write-flow-logs',
      role: flowRole.id,
      policy: policyJson([
        {
          Sid: 'WriteOwnLogGroup',
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: [this.flowLogGroup.arn, `${this.flowLogGroup.arn}:*`],
        },
      ]),
    });
    new FlowLog(this, 'flow-log', {
      vpcId: vpc.id,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.flowLogGroup.arn,
      iamRoleArn: flowRole.arn,
      maxAggregationInterval: 600,
      tags: name('flow-log'),
    });
  }
}
