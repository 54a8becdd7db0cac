import { exposureDelta, renderExposureDeltaMarkdown } from '../../src/review/exposure-delta';
import { minimumTls } from '../../src/review/exposure/tls';
import type { TerraformDocument } from '../../src/terraform/json';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** An internet-facing ALB with one security group and the given extra resources. */
function stack(extra: Resources = {}): TerraformDocument {
  return {
    resource: {
      aws_security_group: { alb: { name: 'alb', vpc_id: 'vpc-1' } },
      aws_lb: {
        alb: { internal: false, load_balancer_type: 'application', security_groups: ['${aws_security_group.alb.id}'] },
      },
      ...extra,
    },
  };
}

const ingress = (cidr: Record<string, string>) => ({
  aws_vpc_security_group_ingress_rule: {
    http: {
      security_group_id: '${aws_security_group.alb.id}',
      ip_protocol: 'tcp',
      from_port: 80,
      to_port: 80,
      ...cidr,
    },
  },
});

const listener = (attrs: Record<string, unknown>) => ({
  aws_lb_listener: {
    web: { load_balancer_arn: '${aws_lb.alb.arn}', default_action: [{ type: 'forward' }], ...attrs },
  },
});

describe('exposureDelta on hand-made Terraform JSON', () => {
  it('reports nothing when nothing changes', () => {
    expect(exposureDelta(stack(), stack())).toEqual({ changes: [], flagCount: 0 });
  });

  it('a security group rule opened to 0.0.0.0/0 is flagged as world-open ingress', () => {
    const delta = exposureDelta(
      stack(ingress({ cidr_ipv4: '203.0.113.10/32' })),
      stack(ingress({ cidr_ipv4: '0.0.0.0/0' })),
    );
    expect(delta.changes).toEqual([
      {
        kind: 'world-open-ingress',
        address: 'aws_vpc_security_group_ingress_rule.http',
        change: 'added',
        detail: 'tcp port 80 from 0.0.0.0/0',
        flag: {
          kind: 'world-open-ingress',
          reason:
            'aws_vpc_security_group_ingress_rule.http now admits tcp port 80 from 0.0.0.0/0 (anyone on the internet)',
        },
      },
    ]);
  });

  it('::/0 counts as the whole internet too, in inline ingress blocks and aws_security_group_rule', () => {
    const head = stack({
      aws_security_group: {
        alb: { ingress: [{ protocol: '-1', from_port: 0, to_port: 0, ipv6_cidr_blocks: ['::/0'] }] },
      },
      aws_security_group_rule: {
        ssh: {
          type: 'ingress',
          protocol: 'tcp',
          from_port: 22,
          to_port: 22,
          cidr_blocks: ['0.0.0.0/0'],
          security_group_id: 'sg-1',
        },
      },
    });
    const delta = exposureDelta(stack(), head);
    expect(delta.changes.map((c) => [c.address, c.detail, c.flag?.kind])).toEqual([
      ['aws_security_group.alb', 'all traffic from ::/0', 'world-open-ingress'],
      ['aws_security_group_rule.ssh', 'tcp port 22 from 0.0.0.0/0', 'world-open-ingress'],
    ]);
    expect(exposureDelta(head, stack()).changes.map((c) => [c.change, c.flag])).toEqual([
      ['removed', undefined],
      ['removed', undefined],
    ]);
  });

  it('a new HTTP listener on an internet-facing ALB is flagged; the protocol defaults to HTTP', () => {
    // hashicorp/terraform-provider-aws website/docs/r/lb_listener.html.markdown, `protocol`: "For Application Load
    // Balancers, valid values are `HTTP` and `HTTPS`, with a default of `HTTP`."
    const delta = exposureDelta(stack(), stack(listener({ port: 80 })));
    expect(delta.changes).toEqual([
      {
        kind: 'listener',
        address: 'aws_lb_listener.web',
        change: 'added',
        detail: 'HTTP port 80 on aws_lb.alb (internet-facing), forward',
        flag: {
          kind: 'public-exposure',
          reason: 'new HTTP listener on port 80 of internet-facing aws_lb.alb without TLS',
        },
      },
    ]);
  });

  it('an ALB turning internet-facing is flagged; an absent `internal` means internet-facing', () => {
    // hashicorp/terraform-provider-aws website/docs/r/lb.html.markdown: "`internal` - (Optional) If true, the LB will
    // be internal. Defaults to `false`."
    const internal = stack({ aws_lb: { alb: { internal: true } } });
    const delta = exposureDelta(internal, stack({ aws_lb: { alb: {} } }));
    expect(delta.changes.map((c) => [c.kind, c.change, c.flag?.kind])).toEqual([
      ['internet-facing-load-balancer', 'added', 'public-exposure'],
    ]);
  });

  it('a TLS policy accepting an older TLS version is a downgrade; a stricter one is only listed', () => {
    const https = (policy: string) =>
      stack(listener({ port: 443, protocol: 'HTTPS', ssl_policy: policy, certificate_arn: 'arn:cert' }));
    const down = exposureDelta(
      https('ELBSecurityPolicy-TLS13-1-2-2021-06'),
      https('ELBSecurityPolicy-TLS-1-1-2017-01'),
    );
    expect(down.changes).toHaveLength(1);
    expect(down.changes[0]).toMatchObject({ change: 'changed', flag: { kind: 'tls-downgrade' } });
    expect(down.changes[0].flag?.reason).toBe(
      'TLS policy ELBSecurityPolicy-TLS13-1-2-2021-06 -> ELBSecurityPolicy-TLS-1-1-2017-01: accepts TLS 1.1 (was 1.2 and later)',
    );
    const up = exposureDelta(https('ELBSecurityPolicy-2016-08'), https('ELBSecurityPolicy-TLS13-1-2-2021-06'));
    expect(up.changes.map((c) => [c.change, c.flag])).toEqual([['changed', undefined]]);
  });

  it('HTTPS -> HTTP is a downgrade; an HTTPS listener without ssl_policy gets AWS’s API default', () => {
    const delta = exposureDelta(
      stack(listener({ port: 443, protocol: 'HTTPS' })),
      stack(listener({ port: 443, protocol: 'HTTP' })),
    );
    expect(delta.changes[0].before).toBe(
      'HTTPS port 443, ELBSecurityPolicy-2016-08 on aws_lb.alb (internet-facing), forward',
    );
    expect(delta.changes[0].flag).toEqual({
      kind: 'tls-downgrade',
      reason: 'protocol HTTPS -> HTTP: traffic is no longer encrypted',
    });
  });

  it('names the lowest TLS version of a policy from its name', () => {
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html lists
    // ELBSecurityPolicy-2016-08 with TLS 1.0-1.2 and the TLS13-1-2 policies with TLS 1.2 and 1.3.
    expect(minimumTls('ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09')).toBe(1.2);
    expect(minimumTls('ELBSecurityPolicy-TLS13-1-3-2021-06')).toBe(1.3);
    expect(minimumTls('ELBSecurityPolicy-FS-1-1-2019-08')).toBe(1.1);
    expect(minimumTls('ELBSecurityPolicy-2016-08')).toBe(1.0);
    expect(minimumTls('ELBSecurityPolicy-Future-2030-01')).toBeUndefined();
  });

  it('public task IPs, public subnets and function URLs without auth are flagged as public exposure', () => {
    const head = stack({
      aws_ecs_service: { web: { network_configuration: { assign_public_ip: true, subnets: ['subnet-1'] } } },
      aws_subnet: { public: { map_public_ip_on_launch: true } },
      aws_lambda_function_url: { fn: { authorization_type: 'NONE' } },
    });
    const base = stack({
      aws_ecs_service: { web: { network_configuration: { assign_public_ip: false, subnets: ['subnet-1'] } } },
      aws_lambda_function_url: { fn: { authorization_type: 'AWS_IAM' } },
    });
    const delta = exposureDelta(base, head);
    expect(delta.changes.map((c) => [c.kind, c.address, c.flag?.kind])).toEqual([
      ['public-function-url', 'aws_lambda_function_url.fn', 'public-exposure'],
      ['public-subnet', 'aws_subnet.public', 'public-exposure'],
      ['public-task-ip', 'aws_ecs_service.web', 'public-exposure'],
    ]);
    expect(delta.flagCount).toBe(3);
  });

  it('renders markdown lines, flagged changes first', () => {
    const lines = renderExposureDeltaMarkdown(
      exposureDelta(stack(ingress({ cidr_ipv4: '0.0.0.0/0' })), stack(listener({ port: 80 }))),
    );
    expect(lines).toEqual([
      '2 exposure change(s), 1 flag(s).',
      '',
      '- `aws_lb_listener.web` listener, added: HTTP port 80 on aws_lb.alb (internet-facing), forward',
      '  - **Flagged, public-exposure:** new HTTP listener on port 80 of internet-facing aws_lb.alb without TLS',
      '- `aws_vpc_security_group_ingress_rule.http` world-open-ingress, removed: tcp port 80 from 0.0.0.0/0',
    ]);
    expect(renderExposureDeltaMarkdown({ changes: [], flagCount: 0 })).toEqual(['No exposure changes.']);
  });
});
