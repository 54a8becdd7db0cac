import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { blocks, reference, str, type Obj } from '../../terraform/json';

/** What `gateway_id` may name without a permanent diff, by resource type and by ID prefix. */
const GATEWAY_TYPES = ['aws_internet_gateway', 'aws_vpn_gateway'];
const OTHER_PREFIXES: Readonly<Record<string, string>> = {
  'nat-': 'nat_gateway_id',
  'eigw-': 'egress_only_gateway_id',
};
const ATTRIBUTE_BY_TYPE: Readonly<Record<string, string>> = {
  aws_nat_gateway: 'nat_gateway_id',
  aws_egress_only_internet_gateway: 'egress_only_gateway_id',
  aws_vpc_endpoint: 'vpc_endpoint_id',
  aws_ec2_transit_gateway: 'transit_gateway_id',
};

/**
 * A route's `gateway_id` names an internet or virtual private gateway; other targets use their own attribute.
 *
 * The provider's docs (website/docs/r/route.html.markdown, "NOTE on `gateway_id` attribute"): "an `aws_route` resource
 * can be created with an `aws_nat_gateway` or `aws_egress_only_internet_gateway` ID specified for the `gateway_id`
 * attribute. Specifying anything other than an `aws_internet_gateway` or `aws_vpn_gateway` ID will lead to Terraform
 * reporting a permanent diff between your configuration and recorded state, as the AWS API returns the more-specific
 * attribute." The route table page says the same of in-line routes ("This _will_ lead to a permanent diff").
 */
export default defineRule({
  id: 'Net-RouteGatewayIdTarget',
  appliesTo: ['aws_route', 'aws_route_table'],
  check: (b, stack) => {
    const routes = b.type === 'aws_route' ? [{ label: 'gateway_id', route: b.body }] : inline(b);
    const judged = routes.filter((r) => r.route.gateway_id !== undefined);
    if (judged.length === 0) return notApplicable;
    return verdict(judged.flatMap((r) => problem(r.label, r.route, stack)));
  },
});

function inline(table: TfBlock): Array<{ label: string; route: Obj }> {
  return (blocks(table.body.route) ?? []).map((route, i) => ({ label: `route[${i}].gateway_id`, route }));
}

function problem(label: string, route: Obj, stack: StackView): string[] {
  const target = stack.resolve(route.gateway_id);
  if (target && !GATEWAY_TYPES.includes(target.type)) {
    const use = ATTRIBUTE_BY_TYPE[target.type] ?? 'the attribute for its type';
    return [`${label} names ${target.address}; use ${use}`];
  }
  const literal = str(route.gateway_id);
  const prefix =
    literal && reference(route.gateway_id) === undefined
      ? Object.keys(OTHER_PREFIXES).find((p) => literal.startsWith(p))
      : undefined;
  return prefix ? [`${label} is ${literal}; use ${OTHER_PREFIXES[prefix]}`] : [];
}
