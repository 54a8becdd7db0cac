import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { blocks, list, mentionedAddresses, num, str, type Obj } from '../../terraform/json';

const ANYWHERE = ['0.0.0.0/0', '::/0'];

interface Ingress {
  readonly label: string;
  readonly group: TfBlock | undefined;
  readonly protocol: string | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly cidrs: readonly unknown[];
}

/**
 * No ingress from the whole internet (0.0.0.0/0 or ::/0), except on the listener ports of an Application Load
 * Balancer that uses the security group. Everything else is reached through the load balancer or not at all.
 */
export default defineRule({
  id: 'Net-NoOpenIngress',
  appliesTo: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule'],
  check: (b, stack) => {
    const open = ingressOf(b, stack).filter((r) => r.cidrs.some((c) => ANYWHERE.includes(c as string)));
    if (open.length === 0) return verdict([]);
    const problems: string[] = [];
    let judged = 0;
    for (const rule of open) {
      const ports = rule.group ? listenerPorts(rule.group, stack) : [];
      const all = rule.protocol === '-1' || rule.protocol === 'all';
      if (!all && (ports === undefined || rule.from === undefined || rule.to === undefined)) continue; // known at plan time only
      judged += 1;
      if (!all && covered(rule.from!, rule.to!, ports!)) continue;
      const range = all ? 'all ports' : rule.from === rule.to ? `port ${rule.from}` : `ports ${rule.from}-${rule.to}`;
      const why =
        ports && ports.length > 0
          ? `ALB listener ports are ${ports.join(', ')}`
          : 'no Application Load Balancer listens with this group';
      problems.push(`${rule.label} opens ${range} to the internet (${why})`);
    }
    return judged === 0 ? notApplicable : verdict(problems);
  },
});

function ingressOf(b: TfBlock, stack: StackView): Ingress[] {
  const rule = (label: string, group: TfBlock | undefined, r: Obj, protocol: unknown, cidrs: unknown[]): Ingress => ({
    label,
    group,
    protocol: str(protocol)?.toLowerCase(),
    from: num(r.from_port),
    to: num(r.to_port),
    cidrs,
  });
  if (b.type === 'aws_security_group') {
    return (blocks(b.body.ingress) ?? []).map((r, i) =>
      rule(`ingress[${i}]`, b, r, r.protocol, [...(list(r.cidr_blocks) ?? []), ...(list(r.ipv6_cidr_blocks) ?? [])]),
    );
  }
  const group = stack.resolve(b.body.security_group_id, 'aws_security_group');
  if (b.type === 'aws_security_group_rule') {
    if (str(b.body.type) !== 'ingress') return [];
    return [
      rule('the rule', group, b.body, b.body.protocol, [
        ...(list(b.body.cidr_blocks) ?? []),
        ...(list(b.body.ipv6_cidr_blocks) ?? []),
      ]),
    ];
  }
  return [
    rule(
      'the rule',
      group,
      b.body,
      b.body.ip_protocol,
      [b.body.cidr_ipv4, b.body.cidr_ipv6].filter((c) => c !== undefined),
    ),
  ];
}

/** Listener ports of the Application Load Balancers using a security group; undefined when one is unknown. */
function listenerPorts(group: TfBlock, stack: StackView): number[] | undefined {
  const albs = [...stack.ofType('aws_lb'), ...stack.ofType('aws_alb')].filter((lb) => {
    const type = lb.body.load_balancer_type === undefined ? 'application' : str(lb.body.load_balancer_type);
    const groups = list(lb.body.security_groups) ?? [];
    return (
      type === 'application' &&
      groups.some((g) => typeof g === 'string' && mentionedAddresses(g).includes(group.address))
    );
  });
  const listeners = albs.flatMap((lb) => [
    ...stack.referencing(lb, 'aws_lb_listener', 'load_balancer_arn'),
    ...stack.referencing(lb, 'aws_alb_listener', 'load_balancer_arn'),
  ]);
  const ports = listeners.map((l) => num(l.body.port));
  if (ports.some((p) => p === undefined)) return undefined;
  return [...new Set(ports as number[])].sort((a, b) => a - b);
}

function covered(from: number, to: number, ports: readonly number[]): boolean {
  for (let p = from; p <= to; p++) if (!ports.includes(p)) return false;
  return true;
}
