import { resourcesOf } from '../../helpers/synth';
import { cidrProblem, splitCidr } from '../../../src/aws/cidr';
import { ref, resourceAt, synthSidecar } from './helpers';
import type { Json } from '../../helpers/json';

const subnets = (json: Json) => Object.values(resourcesOf(json, 'aws_subnet')) as Json[];

describe('sidecar network', () => {
  it('creates a VPC over two AZs with public and private subnets, private ones reaching AWS only through endpoints', async () => {
    const { json } = await synthSidecar();
    expect(resourceAt(json, 'aws_vpc', 'network/vpc')).toMatchObject({
      cidr_block: '10.0.0.0/16',
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
    expect(
      subnets(json)
        .map((s) => s.cidr_block)
        .sort(),
    ).toEqual(['10.0.0.0/18', '10.0.128.0/18', '10.0.192.0/18', '10.0.64.0/18']);
    for (const s of subnets(json)) expect(s.map_public_ip_on_launch).toBe(false);
    // The two public subnets (and the two private ones) sit in the region's first two zones.
    const zones = ['a', 'b'].map((x) => resourceAt(json, 'aws_subnet', `network/public-${x}`).availability_zone);
    expect(zones).toEqual([
      expect.stringContaining('element(data.aws_availability_zones.'),
      expect.stringContaining('element(data.aws_availability_zones.'),
    ]);
    expect(zones[0]).toMatch(/, 0\)\}$/);
    expect(zones[1]).toMatch(/, 1\)\}$/);

    const routes = Object.values(resourcesOf(json, 'aws_route')) as Json[];
    expect(routes).toEqual([
      expect.objectContaining({
        destination_cidr_block: '0.0.0.0/0',
        gateway_id: ref(json, 'aws_internet_gateway', 'network/igw', 'id'),
        route_table_id: ref(json, 'aws_route_table', 'network/public-routes', 'id'),
      }),
    ]);
    expect(resourcesOf(json, 'aws_nat_gateway')).toEqual({});

    const endpoints = Object.values(resourcesOf(json, 'aws_vpc_endpoint')) as Json[];
    const iface = endpoints.filter((e) => e.vpc_endpoint_type === 'Interface');
    expect(iface).toHaveLength(3);
    for (const e of iface) {
      expect(e).toMatchObject({
        private_dns_enabled: true,
        security_group_ids: [ref(json, 'aws_security_group', 'network/endpoints/sg', 'id')],
      });
      expect(e.subnet_ids).toEqual([
        ref(json, 'aws_subnet', 'network/private-a', 'id'),
        ref(json, 'aws_subnet', 'network/private-b', 'id'),
      ]);
    }
    const services = Object.values(json.data.aws_vpc_endpoint_service)
      .map((d: Json) => `${d.service}/${d.service_type}`)
      .sort();
    expect(services).toEqual(['ecr.api/Interface', 'ecr.dkr/Interface', 'logs/Interface', 's3/Gateway']);
    const s3 = resourceAt(json, 'aws_vpc_endpoint', 'network/endpoints/s3');
    expect(s3.route_table_ids).toEqual([ref(json, 'aws_route_table', 'network/private-routes', 'id')]);
    expect(JSON.parse(s3.policy).Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*',
      }),
    ]);

    for (const service of Object.values(resourcesOf(json, 'aws_ecs_service')) as Json[]) {
      expect(service.network_configuration.subnets).toEqual([
        ref(json, 'aws_subnet', 'network/private-a', 'id'),
        ref(json, 'aws_subnet', 'network/private-b', 'id'),
      ]);
    }
  });

  it('with a NAT gateway: one NAT in a public subnet, the private default route through it, no endpoints', async () => {
    const { json } = await synthSidecar({
      network: {
        type: 'create',
        cidr: '10.20.0.0/20',
        availabilityZones: ['us-east-1c', 'us-east-1d'],
        privateEgress: 'nat-gateway',
      },
    });
    expect(
      subnets(json)
        .map((s) => `${s.availability_zone} ${s.cidr_block}`)
        .sort(),
    ).toEqual([
      'us-east-1c 10.20.0.0/22',
      'us-east-1c 10.20.8.0/22',
      'us-east-1d 10.20.12.0/22',
      'us-east-1d 10.20.4.0/22',
    ]);
    const nat = resourceAt(json, 'aws_nat_gateway', 'network/nat');
    expect(nat.subnet_id).toBe(ref(json, 'aws_subnet', 'network/public-a', 'id'));
    expect(resourceAt(json, 'aws_route', 'network/private-default-route')).toMatchObject({
      destination_cidr_block: '0.0.0.0/0',
      nat_gateway_id: ref(json, 'aws_nat_gateway', 'network/nat', 'id'),
    });
    expect(resourcesOf(json, 'aws_vpc_endpoint')).toEqual({});
    expect(json.data?.aws_availability_zones).toBeUndefined();
  });

  it('with public tasks: only public subnets, no NAT, no endpoints; tasks share the ALB subnets', async () => {
    const { json } = await synthSidecar({ taskSubnets: 'public' });
    expect(subnets(json)).toHaveLength(2);
    expect(resourcesOf(json, 'aws_nat_gateway')).toEqual({});
    expect(resourcesOf(json, 'aws_vpc_endpoint')).toEqual({});
    const service = resourceAt(json, 'aws_ecs_service', 'tcp-x86_64/service');
    expect(service.network_configuration.subnets).toEqual([
      ref(json, 'aws_subnet', 'network/public-a', 'id'),
      ref(json, 'aws_subnet', 'network/public-b', 'id'),
    ]);
  });

  it('in an existing VPC: creates no network, puts the ALB and the tasks in the given subnets', async () => {
    const { json } = await synthSidecar({
      network: {
        type: 'existing',
        vpcId: 'vpc-0a1b2c3d',
        albSubnetIds: ['subnet-0000000a', 'subnet-0000000b'],
        taskSubnetIds: ['subnet-0000000c'],
      },
    });
    for (const type of [
      'aws_vpc',
      'aws_subnet',
      'aws_internet_gateway',
      'aws_nat_gateway',
      'aws_vpc_endpoint',
      'aws_route_table',
    ]) {
      expect(resourcesOf(json, type)).toEqual({});
    }
    expect(resourceAt(json, 'aws_lb', 'alb/alb').subnets).toEqual(['subnet-0000000a', 'subnet-0000000b']);
    expect(resourceAt(json, 'aws_security_group', 'tasks/sg').vpc_id).toBe('vpc-0a1b2c3d');
    expect(resourceAt(json, 'aws_lb_target_group', 'combined-x86_64/targets').vpc_id).toBe('vpc-0a1b2c3d');
    expect(resourceAt(json, 'aws_ecs_service', 'combined-x86_64/service').network_configuration).toMatchObject({
      subnets: ['subnet-0000000c'],
      assign_public_ip: false,
    });
  });
});

describe('cidr helpers', () => {
  it('splits a block into equal subnets in address order', () => {
    expect(splitCidr('10.0.0.0/16', 2)).toEqual(['10.0.0.0/18', '10.0.64.0/18', '10.0.128.0/18', '10.0.192.0/18']);
    expect(splitCidr('192.168.4.0/24', 2)).toEqual([
      '192.168.4.0/26',
      '192.168.4.64/26',
      '192.168.4.128/26',
      '192.168.4.192/26',
    ]);
  });

  it.each([
    ['10.0.0.0', 'not IPv4 CIDR notation such as 10.0.0.0/16'],
    ['10.0.300.0/24', 'an octet is above 255'],
    ['10.0.0.1/16', 'host bits are set (use the network address)'],
  ])('rejects %s', (cidr, reason) => {
    expect(cidrProblem(cidr)).toBe(reason);
  });
});
