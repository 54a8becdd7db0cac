import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';
import type { AwsPartition } from '../config/common';
import { splitCidr } from '../aws/cidr';
import { VpcEndpoints } from './vpc-endpoints';

/** How tasks in the private subnets reach ECR, S3 and CloudWatch Logs. */
export type PrivateEgress = 'vpc-endpoints' | 'nat-gateway';

export interface BenchmarkNetworkProps {
  /** Prefix of every Name tag, e.g. `demo-sidecar`. */
  readonly namePrefix: string;
  /** The VPC's IPv4 block; split into four equal subnets: public a, public b, private a, private b. */
  readonly cidr: string;
  readonly region: string;
  readonly partition: AwsPartition;
  /**
   * Two availability zone names.
   * @default the region's first two available zones that need no opt-in
   */
  readonly availabilityZones?: readonly string[];
  /**
   * Create private subnets reached the given way; without it only the public subnets exist (tasks then run there).
   * @default no private subnets
   */
  readonly privateEgress?: PrivateEgress;
}

/**
 * A VPC over two availability zones for the benchmark: public subnets (ALB, and tasks when they get public IPs)
 * routed to an internet gateway, and optionally private subnets whose only ways out are VPC endpoints or one NAT
 * gateway. The default security group is emptied so nothing can use it by accident.
 */
export class BenchmarkNetwork extends Construct {
  public readonly vpc: Vpc;
  public readonly publicSubnets: Subnet[];
  public readonly privateSubnets: Subnet[] = [];
  /** Present with `privateEgress: vpc-endpoints`. */
  public readonly endpoints?: VpcEndpoints;
  /** Present with `privateEgress: nat-gateway`. */
  public readonly natGateway?: NatGateway;

  constructor(scope: Construct, id: string, props: BenchmarkNetworkProps) {
    super(scope, id);
    if (props.availabilityZones !== undefined && props.availabilityZones.length !== 2) {
      throw new Error(`availabilityZones must name exactly two zones, got ${props.availabilityZones.length}`);
    }
    const [publicA, publicB, privateA, privateB] = splitCidr(props.cidr, 2) as [string, string, string, string];
    const zones = props.availabilityZones ?? this.firstTwoZones();
    const name = (suffix: string) => ({ Name: `${props.namePrefix}-${suffix}` });

    this.vpc = new Vpc(this, 'vpc', { cidrBlock: props.cidr, enableDnsSupport: true, enableDnsHostnames: true, tags: name('vpc') });
    new DefaultSecurityGroup(this, 'default-sg', { vpcId: this.vpc.id, ingress: [], egress: [], tags: name('default-unused') });

    const igw = new InternetGateway(this, 'igw', { vpcId: this.vpc.id, tags: name('igw') });
    const publicRoutes = new RouteTable(this, 'public-routes', { vpcId: this.vpc.id, tags: name('public') });
    new Route(this, 'public-default-route', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    this.publicSubnets = [publicA, publicB].map((cidr, i) => {
      const subnet = new Subnet(this, `public-${'ab'[i]}`, {
        vpcId: this.vpc.id,
        cidrBlock: cidr,
        availabilityZone: zones[i],
        mapPublicIpOnLaunch: false, // only what asks for a public IP gets one (the ALB, public tasks)
        tags: name(`public-${'ab'[i]}`),
      });
      new RouteTableAssociation(this, `public-${'ab'[i]}-routes`, { subnetId: subnet.id, routeTableId: publicRoutes.id });
      return subnet;
    });

    if (props.privateEgress === undefined) return;
    const privateRoutes = new RouteTable(this, 'private-routes', { vpcId: this.vpc.id, tags: name('private') });
    this.privateSubnets = [privateA, privateB].map((cidr, i) => {
      const subnet = new Subnet(this, `private-${'ab'[i]}`, {
        vpcId: this.vpc.id,
        cidrBlock: cidr,
        availabilityZone: zones[i],
        mapPublicIpOnLaunch: false,
        tags: name(`private-${'ab'[i]}`),
      });
      new RouteTableAssociation(this, `private-${'ab'[i]}-routes`, { subnetId: subnet.id, routeTableId: privateRoutes.id });
      return subnet;
    });

    if (props.privateEgress === 'nat-gateway') {
      // One NAT gateway, not one per AZ: a benchmark does not need to survive an AZ outage, and each costs by the hour.
      const eip = new Eip(this, 'nat-ip', { domain: 'vpc', tags: name('nat') });
      this.natGateway = new NatGateway(this, 'nat', {
        allocationId: eip.allocationId,
        subnetId: this.publicSubnets[0]!.id,
        tags: name('nat'),
        dependsOn: [igw],
      });
      new Route(this, 'private-default-route', { routeTableId: privateRoutes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: this.natGateway.id });
    } else {
      this.endpoints = new VpcEndpoints(this, 'endpoints', {
        namePrefix: props.namePrefix,
        vpcId: this.vpc.id,
        subnetIds: this.privateSubnets.map((s) => s.id),
        routeTableIds: [privateRoutes.id],
        region: props.region,
        partition: props.partition,
      });
    }
  }

  private firstTwoZones(): string[] {
    const azs = new DataAwsAvailabilityZones(this, 'zones', {
      state: 'available',
      filter: [{ name: 'opt-in-status', values: ['opt-in-not-required'] }],
    });
    return [0, 1].map((i) => Fn.element(azs.names, i));
  }
}
