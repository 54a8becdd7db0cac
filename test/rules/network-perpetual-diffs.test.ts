import EndpointAssociationMixed from '../../src/rules/network/EndpointAssociationMixed';
import InlineRoutesMixed from '../../src/rules/network/InlineRoutesMixed';
import InlineRulesMixed from '../../src/rules/network/InlineRulesMixed';
import RouteGatewayIdTarget from '../../src/rules/network/RouteGatewayIdTarget';
import { judge, problems, tf } from './helpers';

// Each rule quotes the provider's docs: the security group rule resources' warning ("may cause rule conflicts,
// perpetual differences") and the aws_route page's notes on in-line routes and on `gateway_id`.

const SG = 'aws_security_group.tasks';
const egressRule = {
  security_group_id: '${aws_security_group.tasks.id}',
  cidr_ipv4: '10.0.0.0/8',
  ip_protocol: 'tcp',
  from_port: 443,
  to_port: 443,
};

describe('Net-InlineRulesMixed', () => {
  it('passes a group with only rule resources, and a group with only in-line rules', () => {
    expect(
      problems(
        InlineRulesMixed,
        tf({
          aws_security_group: { tasks: { name: 'tasks' } },
          aws_vpc_security_group_egress_rule: { out: egressRule },
        }),
        SG,
      ),
    ).toEqual([]);
    expect(
      problems(InlineRulesMixed, tf({ aws_security_group: { tasks: { name: 'tasks', ingress: [], egress: [] } } }), SG),
    ).toEqual([]);
  });
  it('fails in-line rules (even empty lists) next to rule resources for the same group', () => {
    const json = tf({
      aws_security_group: { tasks: { name: 'tasks', egress: [] } },
      aws_vpc_security_group_egress_rule: { out: egressRule },
      aws_security_group_rule: {
        old: { type: 'ingress', security_group_id: '${aws_security_group.tasks.id}', from_port: 80, to_port: 80 },
      },
    });
    expect(problems(InlineRulesMixed, json, SG)).toEqual([
      'sets egress in-line and is also managed by aws_security_group_rule.old, aws_vpc_security_group_egress_rule.out',
    ]);
  });
});

const TABLE = 'aws_route_table.private';
const ROUTE = 'aws_route.default';
const network = (table: Record<string, unknown>, route?: Record<string, unknown>) =>
  tf({
    aws_internet_gateway: { igw: { vpc_id: 'vpc-1' } },
    aws_nat_gateway: { nat: { subnet_id: 'subnet-1', allocation_id: 'eipalloc-1' } },
    aws_route_table: { private: { vpc_id: 'vpc-1', ...table } },
    ...(route
      ? {
          aws_route: {
            default: { route_table_id: '${aws_route_table.private.id}', destination_cidr_block: '0.0.0.0/0', ...route },
          },
        }
      : {}),
  });

describe('Net-InlineRoutesMixed', () => {
  it('passes a table with only aws_route resources, and one with only in-line routes', () => {
    expect(problems(InlineRoutesMixed, network({}, { nat_gateway_id: '${aws_nat_gateway.nat.id}' }), TABLE)).toEqual(
      [],
    );
    expect(
      problems(InlineRoutesMixed, network({ route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-1' }] }), TABLE),
    ).toEqual([]);
  });
  it('fails in-line routes (even an empty list) next to aws_route resources for the same table', () => {
    expect(
      problems(InlineRoutesMixed, network({ route: [] }, { gateway_id: '${aws_internet_gateway.igw.id}' }), TABLE),
    ).toEqual(['sets route in-line and is also given aws_route.default']);
  });
});

describe('Net-RouteGatewayIdTarget', () => {
  it('passes an internet gateway in gateway_id and a NAT gateway in nat_gateway_id', () => {
    expect(
      problems(RouteGatewayIdTarget, network({}, { gateway_id: '${aws_internet_gateway.igw.id}' }), ROUTE),
    ).toEqual([]);
    expect(
      problems(RouteGatewayIdTarget, network({ route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'igw-1' }] }), TABLE),
    ).toEqual([]);
  });
  it('fails a NAT gateway named in gateway_id, by reference or by ID, in aws_route and in-line', () => {
    expect(problems(RouteGatewayIdTarget, network({}, { gateway_id: '${aws_nat_gateway.nat.id}' }), ROUTE)).toEqual([
      'gateway_id names aws_nat_gateway.nat; use nat_gateway_id',
    ]);
    expect(
      problems(RouteGatewayIdTarget, network({ route: [{ cidr_block: '0.0.0.0/0', gateway_id: 'nat-0abc' }] }), TABLE),
    ).toEqual(['route[0].gateway_id is nat-0abc; use nat_gateway_id']);
  });
  it('is not applicable to routes without gateway_id', () => {
    expect(judge(RouteGatewayIdTarget, network({}, { nat_gateway_id: 'nat-1' }), ROUTE).compliance).toBe(
      'not-applicable',
    );
  });
});

describe('Net-EndpointAssociationMixed (provider docs: "will cause a conflict of associations")', () => {
  const ENDPOINT = 'aws_vpc_endpoint.s3';
  const stack = (endpoint: Record<string, unknown>) =>
    tf({
      aws_vpc_endpoint: {
        s3: { vpc_id: 'vpc-1', service_name: 'com.amazonaws.us-east-1.s3', vpc_endpoint_type: 'Gateway', ...endpoint },
      },
      aws_vpc_endpoint_route_table_association: {
        private: { vpc_endpoint_id: '${aws_vpc_endpoint.s3.id}', route_table_id: 'rtb-1' },
      },
    });
  it('passes route tables given only by association resources', () => {
    expect(problems(EndpointAssociationMixed, stack({}), ENDPOINT)).toEqual([]);
  });
  it('fails route_table_ids on the endpoint next to an association resource', () => {
    expect(problems(EndpointAssociationMixed, stack({ route_table_ids: ['rtb-2'] }), ENDPOINT)).toEqual([
      'sets route_table_ids and is also associated by aws_vpc_endpoint_route_table_association.private',
    ]);
  });
});
