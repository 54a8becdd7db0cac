import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { AwsPartition } from './partition';
import { cidrSubnet, formatCidr, parseCidr } from './cidr';
import { addVpcFlowLogs } from './flow-logs';
import { VpcEndpoints } from './vpc-endpoints';

type Tier = 'public' | 'private';

/**
 * How private subnets reach ECR, S3 and CloudWatch Logs: one NAT gateway in the first public subnet, or VPC
 * endpoints (then they reach nothing else).
 */
export type PrivateEgress =
  | { readonly kind: 'nat-gateway' }
  | { readonly kind: 'vpc-endpoints'; readonly region: string; readonly partition: AwsPartition };

/**
 * The released layout a network keeps: construct ids, Name tags and subnet blocks are part of the addresses and
 * attributes users have applied, so each stack keeps the one it shipped with.
 * - `zone-numbered` (ECS): subnets `private-0`, tagged `private-1` and `stackwright:tier`; private subnets take the
 *   low blocks and are created before the gateways; the NAT address waits for the internet gateway.
 * - `zone-lettered` (sidecar): subnets `public-a`, tagged `public-a`; public subnets take the low blocks; the
 *   default security group lists its (empty) rules.
 */
export type NetworkLayout = 'zone-numbered' | 'zone-lettered';

export interface NetworkProps {
  /** Prefix of every name and Name tag, e.g. `demo-main`. */
  readonly namePrefix: string;
  /** The VPC's IPv4 block, split into equal subnets: one per zone and tier. */
  readonly cidrBlock: string;
  /** How many availability zones get a subnet of each tier. */
  readonly zoneCount: number;
  /**
   * The zone names, as many as `zoneCount`.
   * @default the region's first `zoneCount` available zones that need no opt-in
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Create private subnets, reached the given way; without it only the public subnets exist.
   * @default no private subnets
   */
  readonly privateEgress?: PrivateEgress;
  /**
   * Log every packet of the VPC to CloudWatch, kept this many days.
   * @default no flow logs
   */
  readonly flowLogRetentionDays?: number;
  /**
   * The released layout to keep (see NetworkLayout).
   * @default 'zone-numbered'
   */
  readonly layout?: NetworkLayout;
}

/**
 * A VPC: public subnets routed to an internet gateway (for load balancers and what asks for a public IP; no subnet
 * gives one by default), optionally private subnets whose only ways out are one NAT gateway or VPC endpoints, the
 * default security group emptied so nothing uses it by accident, and optionally flow logs with retention.
 */
export class Network extends Construct {
  public readonly vpc: Vpc;
  public readonly publicSubnets: Subnet[] = [];
  public readonly privateSubnets: Subnet[] = [];
  /** Present with a `nat-gateway` private egress. */
  public readonly natGateway?: NatGateway;
  /** Present with a `vpc-endpoints` private egress. */
  public readonly endpoints?: VpcEndpoints;
  /** Present with `flowLogRetentionDays`. */
  public readonly flowLogGroup?: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const base = parseCidr(props.cidrBlock);
    if (!base) throw new Error(`cidrBlock '${props.cidrBlock}' is not an IPv4 CIDR block`);
    if (props.availabilityZones !== undefined && props.availabilityZones.length !== props.zoneCount) {
      throw new Error(
        `availabilityZones must name exactly ${props.zoneCount} zones, got ${props.availabilityZones.length}`,
      );
    }
    const numbered = (props.layout ?? 'zone-numbered') === 'zone-numbered';
    const name = (suffix: string) => ({ Name: `${props.namePrefix}-${suffix}` });
    const zones = props.availabilityZones ?? this.availableZones(props.zoneCount);
    const zoneIndexes = [...Array(props.zoneCount).keys()];
    const label = (tier: Tier, zone: number) => ({
      id: `${tier}-${numbered ? zone : 'ab'[zone]}`,
      tag: `${tier}-${numbered ? zone + 1 : 'ab'[zone]}`,
    });

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: props.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: name('vpc'),
    });
    const vpcId = this.vpc.id;
    new DefaultSecurityGroup(this, 'default-sg', {
      vpcId,
      ...(numbered ? { tags: name('default-deny-all') } : { ingress: [], egress: [], tags: name('default-unused') }),
    });

    const newbits = Math.ceil(Math.log2(2 * props.zoneCount));
    const lowTier: Tier = numbered ? 'private' : 'public';
    const subnet = (tier: Tier, zone: number) => {
      const created = new Subnet(this, label(tier, zone).id, {
        vpcId,
        cidrBlock: formatCidr(cidrSubnet(base, newbits, (tier === lowTier ? 0 : props.zoneCount) + zone)),
        availabilityZone: zones[zone],
        mapPublicIpOnLaunch: false, // only what asks for a public IP gets one
        tags: numbered ? { ...name(label(tier, zone).tag), 'stackwright:tier': tier } : name(label(tier, zone).tag),
      });
      (tier === 'public' ? this.publicSubnets : this.privateSubnets).push(created);
      return created;
    };
    const withPrivate = props.privateEgress !== undefined;
    if (numbered) {
      if (withPrivate) zoneIndexes.forEach((z) => subnet('private', z));
      zoneIndexes.forEach((z) => subnet('public', z));
    }

    const igw = new InternetGateway(this, 'igw', { vpcId, tags: name('igw') });
    const natGateway = () => {
      const eip = new Eip(this, 'nat-ip', {
        domain: 'vpc',
        tags: name('nat'),
        dependsOn: numbered ? [igw] : undefined,
      });
      // One NAT gateway, not one per zone (each costs about $33/month); private subnets reach AWS APIs through it.
      const subnetId = this.publicSubnets[0]!.id;
      return new NatGateway(this, 'nat', {
        allocationId: eip.allocationId,
        subnetId,
        tags: name('nat'),
        dependsOn: [igw],
      });
    };
    if (numbered && props.privateEgress?.kind === 'nat-gateway') this.natGateway = natGateway();

    const routeTable = (tier: Tier) => new RouteTable(this, `${tier}-routes`, { vpcId, tags: name(tier) });
    const defaultRoute = (table: RouteTable, tier: Tier, target: { gatewayId?: string; natGatewayId?: string }) =>
      new Route(this, `${tier}-default-route`, {
        routeTableId: table.id,
        destinationCidrBlock: '0.0.0.0/0',
        ...target,
      });
    const associate = (table: RouteTable, tier: Tier, zone: number) => {
      const own = (tier === 'public' ? this.publicSubnets : this.privateSubnets)[zone] ?? subnet(tier, zone);
      new RouteTableAssociation(this, `${label(tier, zone).id}-routes`, { subnetId: own.id, routeTableId: table.id });
    };

    const publicRoutes = routeTable('public');
    defaultRoute(publicRoutes, 'public', { gatewayId: igw.id });
    zoneIndexes.forEach((z) => associate(publicRoutes, 'public', z));

    if (props.privateEgress !== undefined) {
      const privateRoutes = routeTable('private');
      // The order blocks are created in is the order of moved blocks and depends_on lists: kept as released.
      if (this.natGateway) defaultRoute(privateRoutes, 'private', { natGatewayId: this.natGateway.id });
      zoneIndexes.forEach((z) => associate(privateRoutes, 'private', z));
      if (props.privateEgress.kind === 'nat-gateway' && !this.natGateway) {
        this.natGateway = natGateway();
        defaultRoute(privateRoutes, 'private', { natGatewayId: this.natGateway.id });
      } else if (props.privateEgress.kind === 'vpc-endpoints') {
        this.endpoints = new VpcEndpoints(this, 'endpoints', {
          namePrefix: props.namePrefix,
          vpcId,
          subnetIds: this.privateSubnets.map((s) => s.id),
          routeTableIds: [privateRoutes.id],
          region: props.privateEgress.region,
          partition: props.privateEgress.partition,
        });
      }
    }

    if (props.flowLogRetentionDays !== undefined) {
      this.flowLogGroup = addVpcFlowLogs(this, {
        namePrefix: props.namePrefix,
        vpcId,
        retentionInDays: props.flowLogRetentionDays,
      });
    }
  }

  private availableZones(count: number): string[] {
    const zones = new DataAwsAvailabilityZones(this, 'zones', {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    return Array.from({ length: count }, (_, i) => Fn.element(zones.names, i) as string);
  }
}
