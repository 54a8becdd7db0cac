import Rule from '../../src/rules/ecs/ServiceWaitsForEgress';
import { judge, problems, tf } from './helpers';

const SERVICE = 'aws_ecs_service.web';

/** A VPC with one subnet `a` whose route table `rt` has the given default route (none: endpoints only). */
function network(defaultRoute?: Record<string, string>, endpoints: string[] = []) {
  return {
    aws_vpc: { v: { cidr_block: '10.0.0.0/16' } },
    aws_subnet: { a: { vpc_id: '${aws_vpc.v.id}', cidr_block: '10.0.0.0/24' } },
    aws_route_table: { rt: { vpc_id: '${aws_vpc.v.id}' } },
    aws_route_table_association: { a: { subnet_id: '${aws_subnet.a.id}', route_table_id: '${aws_route_table.rt.id}' } },
    ...(defaultRoute
      ? {
          aws_route: {
            out: { route_table_id: '${aws_route_table.rt.id}', destination_cidr_block: '0.0.0.0/0', ...defaultRoute },
          },
        }
      : {}),
    ...(endpoints.length > 0
      ? {
          aws_vpc_endpoint: Object.fromEntries(
            endpoints.map((e) => [e, { vpc_id: '${aws_vpc.v.id}', service_name: `com.amazonaws.us-east-1.${e}` }]),
          ),
        }
      : {}),
  };
}
const NAT = { nat_gateway_id: '${aws_nat_gateway.n.id}' };
const awsvpcService = (over: Record<string, unknown> = {}) => ({
  name: 'web',
  cluster: 'main',
  task_definition: 'web',
  network_configuration: { subnets: ['${aws_subnet.a.id}'], assign_public_ip: false },
  ...over,
});

describe('ECS-ServiceWaitsForEgress', () => {
  it('passes a service in a NAT subnet that depends on the association and the NAT route', () => {
    const json = tf({
      ...network(NAT),
      aws_ecs_service: { web: awsvpcService({ depends_on: ['aws_route_table_association.a', 'aws_route.out'] }) },
    });
    expect(problems(Rule, json, SERVICE)).toEqual([]);
  });

  it('flags a service in a NAT subnet without them', () => {
    const json = tf({
      ...network(NAT),
      aws_ecs_service: { web: awsvpcService({ depends_on: ['aws_route_table_association.a'] }) },
    });
    expect(problems(Rule, json, SERVICE)).toEqual([
      'tasks in private subnet aws_subnet.a may start before its way out exists: add depends_on aws_route.out',
    ]);
  });

  it('reads a NAT route written inline in the route table: the table is then what to wait for', () => {
    const net = {
      ...network(),
      aws_route_table: {
        rt: {
          vpc_id: '${aws_vpc.v.id}',
          route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: '${aws_nat_gateway.n.id}' }],
        },
      },
    };
    expect(
      problems(
        Rule,
        tf({
          ...net,
          aws_ecs_service: {
            web: awsvpcService({ depends_on: ['aws_route_table_association.a', 'aws_route_table.rt'] }),
          },
        }),
        SERVICE,
      ),
    ).toEqual([]);
    expect(problems(Rule, tf({ ...net, aws_ecs_service: { web: awsvpcService() } }), SERVICE)).toEqual([
      'tasks in private subnet aws_subnet.a may start before its way out exists: add depends_on aws_route_table_association.a, aws_route_table.rt',
    ]);
  });

  it("without a NAT route, requires every VPC endpoint of the subnet's VPC", () => {
    const all = [
      'aws_route_table_association.a',
      'aws_vpc_endpoint.ecr-api',
      'aws_vpc_endpoint.ecr-dkr',
      'aws_vpc_endpoint.s3',
    ];
    const net = network(undefined, ['ecr-api', 'ecr-dkr', 's3']);
    expect(
      problems(Rule, tf({ ...net, aws_ecs_service: { web: awsvpcService({ depends_on: all }) } }), SERVICE),
    ).toEqual([]);
    expect(
      problems(Rule, tf({ ...net, aws_ecs_service: { web: awsvpcService({ depends_on: all.slice(0, 3) }) } }), SERVICE),
    ).toEqual([
      'tasks in private subnet aws_subnet.a may start before its way out exists: add depends_on aws_vpc_endpoint.s3',
    ]);
  });

  it('follows EC2 services to the Auto Scaling groups of their cluster, and dependencies transitively', () => {
    const json = tf({
      ...network(NAT),
      aws_ecs_cluster: { c: { name: 'main' } },
      aws_autoscaling_group: { g: { vpc_zone_identifier: ['${aws_subnet.a.id}'], min_size: 1, max_size: 2 } },
      aws_ecs_capacity_provider: {
        cp: { name: 'cp', auto_scaling_group_provider: { auto_scaling_group_arn: '${aws_autoscaling_group.g.arn}' } },
      },
      aws_ecs_cluster_capacity_providers: {
        cps: {
          cluster_name: '${aws_ecs_cluster.c.name}',
          capacity_providers: ['${aws_ecs_capacity_provider.cp.name}'],
          depends_on: ['aws_route.out', 'aws_route_table_association.a'],
        },
      },
      aws_ecs_service: {
        web: {
          name: 'web',
          cluster: '${aws_ecs_cluster.c.arn}',
          task_definition: 'web',
          depends_on: ['aws_ecs_cluster_capacity_providers.cps'],
        },
        bare: { name: 'bare', cluster: '${aws_ecs_cluster.c.arn}', task_definition: 'web' },
      },
    });
    expect(problems(Rule, json, SERVICE)).toEqual([]);
    expect(problems(Rule, json, 'aws_ecs_service.bare')).toEqual([
      'tasks in private subnet aws_subnet.a may start before its way out exists: add depends_on aws_route_table_association.a, aws_route.out',
    ]);
  });

  it('does not check public subnets, tasks with public IPs, or subnets created elsewhere', () => {
    expect(
      problems(
        Rule,
        tf({ ...network({ gateway_id: '${aws_internet_gateway.i.id}' }), aws_ecs_service: { web: awsvpcService() } }),
        SERVICE,
      ),
    ).toEqual([]);
    const publicIp = tf({
      ...network(NAT),
      aws_ecs_service: {
        web: awsvpcService({ network_configuration: { subnets: ['${aws_subnet.a.id}'], assign_public_ip: true } }),
      },
    });
    expect(judge(Rule, publicIp, SERVICE).compliance).toBe('not-applicable');
    const existing = tf({
      aws_ecs_service: { web: awsvpcService({ network_configuration: { subnets: ['subnet-0123456789abcdef0'] } }) },
    });
    expect(judge(Rule, existing, SERVICE).compliance).toBe('not-applicable');
  });
});
