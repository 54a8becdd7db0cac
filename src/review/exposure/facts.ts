import { block, blocks, bool, list, num, str, type StackView, type TfBlock } from '../../terraform/json';
import { API_DEFAULT_TLS_POLICY, encrypts } from './tls';

/** What kind of exposure a fact is. */
export type ExposureKind =
  | 'world-open-ingress'
  | 'internet-facing-load-balancer'
  | 'listener'
  | 'public-subnet'
  | 'public-task-ip'
  | 'public-instance-ip'
  | 'public-function-url';

/** A listener's client side: what the TLS delta compares. */
export interface ListenerFacts {
  readonly port: number | undefined;
  /** As written, else the provider's default (HTTP for an Application Load Balancer); undefined when an expression. */
  readonly protocol: string | undefined;
  /** HTTPS and TLS listeners only: as written, else AWS's default for API calls. */
  readonly sslPolicy: string | undefined;
  readonly certificate: string | undefined;
  /** The first default action's type (`forward`, `redirect`, `fixed-response`). */
  readonly action: string | undefined;
  /** The load balancer's address, when the listener names one of this stack. */
  readonly loadBalancer: string | undefined;
  /** Whether that load balancer is internet-facing; undefined when unknown. */
  readonly internetFacing: boolean | undefined;
}

/** One fact about a stack's exposure; `kind`, `address` and `key` identify it across base and head. */
export interface ExposureFact {
  readonly kind: ExposureKind;
  readonly address: string;
  /** Tells apart several facts of one resource (the rules of one security group). */
  readonly key: string;
  /** What it is, in words. */
  readonly detail: string;
  readonly listener?: ListenerFacts;
}

/** The CIDR blocks meaning "anyone on the internet". */
const ANYWHERE = ['0.0.0.0/0', '::/0'];

/** Every exposure fact of a stack, sorted by kind, address and key. */
export function exposureFacts(view: StackView): ExposureFact[] {
  const facts = [...worldOpenIngress(view), ...loadBalancers(view), ...listeners(view), ...publicAddresses(view)];
  const order = (f: ExposureFact) => `${f.kind}\n${f.address}\n${f.key}`;
  return facts.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

function worldOpenIngress(view: StackView): ExposureFact[] {
  const facts: ExposureFact[] = [];
  const add = (address: string, r: Record<string, unknown>, protocol: unknown, cidrs: unknown[]) => {
    for (const cidr of cidrs.filter((c): c is string => typeof c === 'string' && ANYWHERE.includes(c))) {
      const p = str(protocol)?.toLowerCase() ?? '?';
      const [from, to] = [num(r.from_port), num(r.to_port)];
      const ports =
        p === '-1' || p === 'all'
          ? 'all ports'
          : from === to
            ? `port ${from ?? '?'}`
            : `ports ${from ?? '?'}-${to ?? '?'}`;
      const key = `${ports === 'all ports' ? 'all traffic' : `${p} ${ports}`} from ${cidr}`;
      facts.push({ kind: 'world-open-ingress', address, key, detail: key });
    }
  };
  for (const sg of view.ofType('aws_security_group')) {
    for (const r of blocks(sg.body.ingress) ?? [])
      add(sg.address, r, r.protocol, [...(list(r.cidr_blocks) ?? []), ...(list(r.ipv6_cidr_blocks) ?? [])]);
  }
  for (const r of view.ofType('aws_security_group_rule')) {
    if (str(r.body.type) !== 'ingress') continue;
    add(r.address, r.body, r.body.protocol, [
      ...(list(r.body.cidr_blocks) ?? []),
      ...(list(r.body.ipv6_cidr_blocks) ?? []),
    ]);
  }
  for (const r of view.ofType('aws_vpc_security_group_ingress_rule'))
    add(r.address, r.body, r.body.ip_protocol, [r.body.cidr_ipv4, r.body.cidr_ipv6]);
  return facts;
}

/**
 * hashicorp/terraform-provider-aws website/docs/r/lb.html.markdown: "`internal` - (Optional) If true, the LB will be
 * internal. Defaults to `false`." An absent `internal` is therefore internet-facing.
 */
function internetFacing(lb: TfBlock): boolean | undefined {
  return lb.body.internal === undefined
    ? true
    : bool(lb.body.internal) === undefined
      ? undefined
      : !bool(lb.body.internal);
}

function lbs(view: StackView): TfBlock[] {
  return [...view.ofType('aws_lb'), ...view.ofType('aws_alb')];
}

function loadBalancers(view: StackView): ExposureFact[] {
  return lbs(view)
    .filter((lb) => internetFacing(lb) === true)
    .map((lb) => ({
      kind: 'internet-facing-load-balancer' as const,
      address: lb.address,
      key: '',
      detail: `${str(lb.body.load_balancer_type) ?? 'application'} load balancer, internet-facing`,
    }));
}

function listeners(view: StackView): ExposureFact[] {
  return [...view.ofType('aws_lb_listener'), ...view.ofType('aws_alb_listener')].map((l) => {
    const lb = view.resolve(l.body.load_balancer_arn, 'aws_lb', 'aws_alb');
    const type = lb ? (str(lb.body.load_balancer_type) ?? 'application') : undefined;
    // hashicorp/terraform-provider-aws website/docs/r/lb_listener.html.markdown, `protocol`: "For Application Load
    // Balancers, valid values are `HTTP` and `HTTPS`, with a default of `HTTP`."
    const written =
      l.body.protocol === undefined ? (type === 'application' ? 'HTTP' : undefined) : str(l.body.protocol);
    const protocol = written?.toUpperCase();
    const sslPolicy = encrypts(protocol)
      ? (str(l.body.ssl_policy) ?? (l.body.ssl_policy === undefined ? API_DEFAULT_TLS_POLICY : undefined))
      : undefined;
    const facts: ListenerFacts = {
      port: num(l.body.port),
      protocol,
      sslPolicy,
      certificate: typeof l.body.certificate_arn === 'string' ? l.body.certificate_arn : undefined,
      action: str(blocks(l.body.default_action)?.[0]?.type),
      loadBalancer: lb?.address,
      internetFacing: lb ? internetFacing(lb) : undefined,
    };
    const tls = sslPolicy ? `, ${sslPolicy}` : '';
    const on = lb ? ` on ${lb.address}${facts.internetFacing ? ' (internet-facing)' : ''}` : '';
    return {
      kind: 'listener' as const,
      address: l.address,
      key: '',
      detail: `${protocol ?? '?'} port ${facts.port ?? '?'}${tls}${on}, ${facts.action ?? '?'}`,
      listener: facts,
    };
  });
}

function publicAddresses(view: StackView): ExposureFact[] {
  const facts: ExposureFact[] = [];
  const fact = (kind: ExposureKind, b: TfBlock, detail: string) =>
    facts.push({ kind, address: b.address, key: '', detail });
  for (const s of view.ofType('aws_subnet'))
    if (bool(s.body.map_public_ip_on_launch) === true)
      fact('public-subnet', s, 'map_public_ip_on_launch: instances get a public IPv4 address');
  for (const s of view.ofType('aws_ecs_service'))
    if (bool(block(s.body.network_configuration)?.assign_public_ip) === true)
      fact('public-task-ip', s, 'network_configuration.assign_public_ip: tasks get a public IPv4 address');
  for (const t of view.ofType('aws_launch_template'))
    if ((blocks(t.body.network_interfaces) ?? []).some((n) => bool(n.associate_public_ip_address) === true))
      fact(
        'public-instance-ip',
        t,
        'network_interfaces.associate_public_ip_address: instances get a public IPv4 address',
      );
  for (const i of view.ofType('aws_instance'))
    if (bool(i.body.associate_public_ip_address) === true) fact('public-instance-ip', i, 'associate_public_ip_address');
  // Lambda Developer Guide, "Control access to Lambda function URLs": "`NONE` - Lambda doesn't perform any
  // authentication before invoking your function" (https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html).
  for (const u of view.ofType('aws_lambda_function_url'))
    if (str(u.body.authorization_type) === 'NONE')
      fact('public-function-url', u, 'authorization_type NONE: Lambda authenticates no caller');
  return facts;
}
