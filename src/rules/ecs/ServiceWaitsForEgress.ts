import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { block, blocks, bool, list, mentionedAddresses, str } from '../../terraform/json';

/**
 * A service whose tasks run in a private subnet of this stack must depend (directly or through its dependencies) on
 * that subnet's way out: its route table association and its NAT route, or, without a NAT route, every VPC endpoint
 * of its VPC. Otherwise Terraform may start the service (and wait for a steady state) before its tasks can pull
 * their images. The subnets are the service's network configuration, or for EC2 tasks the Auto Scaling groups of
 * its cluster's capacity providers. Subnets not created in the stack, or in a public route table, are not checked.
 */
export default defineRule({
  id: 'ECS-ServiceWaitsForEgress',
  appliesTo: ['aws_ecs_service'],
  check: (service, stack) => {
    const subnets = subnetsOf(service, stack);
    if (subnets.length === 0) return notApplicable;
    const closure = dependencies(service, stack);
    const problems: string[] = [];
    for (const subnet of subnets) {
      const missing = missingEgress(subnet, stack, closure);
      if (missing.length > 0)
        problems.push(
          `tasks in private subnet ${subnet.address} may start before its way out exists: add depends_on ${missing.join(', ')}`,
        );
    }
    return verdict(problems);
  },
});

/** The subnets of this stack the service's tasks run in. */
function subnetsOf(service: TfBlock, stack: StackView): TfBlock[] {
  const network = block(service.body.network_configuration);
  const refs = network
    ? (list(network.subnets) ?? [])
    : autoScalingGroupsOf(service, stack).flatMap((g) => list(g.body.vpc_zone_identifier) ?? []);
  if (network && bool(network.assign_public_ip) === true) return [];
  const found = refs.map((r) => stack.resolve(r, 'aws_subnet')).filter((s): s is TfBlock => s !== undefined);
  return [...new Set(found)];
}

/** EC2 tasks run on the instances of the cluster's capacity providers. */
function autoScalingGroupsOf(service: TfBlock, stack: StackView): TfBlock[] {
  const cluster = stack.resolve(service.body.cluster, 'aws_ecs_cluster');
  if (!cluster) return [];
  return stack
    .ofType('aws_ecs_cluster_capacity_providers')
    .filter(
      (a) =>
        typeof a.body.cluster_name === 'string' && mentionedAddresses(a.body.cluster_name).includes(cluster.address),
    )
    .flatMap((a) => list(a.body.capacity_providers) ?? [])
    .map((p) => stack.resolve(p, 'aws_ecs_capacity_provider'))
    .map(
      (p) =>
        p && stack.resolve(block(p.body.auto_scaling_group_provider)?.auto_scaling_group_arn, 'aws_autoscaling_group'),
    )
    .filter((g): g is TfBlock => g !== undefined);
}

/** What the subnet's way out consists of and the closure lacks; [] for a public subnet. */
function missingEgress(subnet: TfBlock, stack: StackView, closure: ReadonlySet<string>): string[] {
  const associations = stack
    .ofType('aws_route_table_association')
    .filter((a) => stack.resolve(a.body.subnet_id, 'aws_subnet') === subnet);
  const tables = associations
    .map((a) => stack.resolve(a.body.route_table_id, 'aws_route_table'))
    .filter((t): t is TfBlock => t !== undefined);
  // Default routes as aws_route resources, or inline in the table (then the table itself is what to wait for).
  const routes: { readonly owner: TfBlock; readonly route: Record<string, unknown> }[] = [
    ...stack
      .ofType('aws_route')
      .filter((r) => tables.includes(stack.resolve(r.body.route_table_id, 'aws_route_table')!))
      .map((r) => ({ owner: r, route: r.body })),
    ...tables.flatMap((t) =>
      (blocks(t.body.route) ?? []).map((route) => ({
        owner: t,
        route: { ...route, destination_cidr_block: route.cidr_block },
      })),
    ),
  ].filter((r) => str(r.route.destination_cidr_block) === '0.0.0.0/0');
  if (routes.some((r) => r.route.gateway_id !== undefined)) return []; // public: an internet gateway route
  const natRoutes = routes.filter((r) => r.route.nat_gateway_id !== undefined).map((r) => r.owner);
  const endpoints = stack.ofType('aws_vpc_endpoint').filter((e) => e.body.vpc_id === subnet.body.vpc_id);
  const wayOut = [...new Set([...associations, ...(natRoutes.length > 0 ? natRoutes : endpoints)])];
  return wayOut.filter((b) => !closure.has(b.address)).map((b) => b.address);
}

/** A block's direct dependencies (depends_on and references), read once per block however many services share it. */
const directCache = new WeakMap<TfBlock, readonly string[]>();
function directDependencies(b: TfBlock): readonly string[] {
  let direct = directCache.get(b);
  if (!direct) {
    const { depends_on: dependsOn, ...rest } = b.body;
    const declared = (list(dependsOn) ?? []).filter((d): d is string => typeof d === 'string');
    direct = [...declared, ...mentionedAddresses(JSON.stringify(rest))];
    directCache.set(b, direct);
  }
  return direct;
}

/** Every block the service depends on, through depends_on and references, transitively. */
function dependencies(start: TfBlock, stack: StackView): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const b = queue.pop()!;
    for (const address of directDependencies(b)) {
      const target = stack.get(address);
      if (target && !seen.has(address)) {
        seen.add(address);
        queue.push(target);
      }
    }
  }
  return seen;
}
