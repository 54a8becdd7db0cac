import { onlyResource, resourcesOf } from '../../helpers/synth';
import { allDeployments, dPath, ref, resourceAt, synthSidecar } from './helpers';
import type { Json } from '../../helpers/json';

const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0f6b5f7e-1234-4c1d-9a6e-2b3c4d5e6f70';

describe('sidecar load balancer routing', () => {
  let json: Json;
  beforeAll(async () => {
    json = (await synthSidecar()).json;
  });

  it('is one internet-facing ALB in the public subnets that drops invalid headers', () => {
    expect(onlyResource(json, 'aws_lb')).toMatchObject({
      name: 'test-sidecar',
      load_balancer_type: 'application',
      internal: false,
      drop_invalid_header_fields: true,
      subnets: [ref(json, 'aws_subnet', 'network/public-a', 'id'), ref(json, 'aws_subnet', 'network/public-b', 'id')],
      security_groups: [ref(json, 'aws_security_group', 'alb/sg', 'id')],
    });
  });

  it('listens on HTTP only, answering 404 to paths no deployment owns', () => {
    const listener = onlyResource(json, 'aws_lb_listener');
    expect(listener).toMatchObject({ port: 80, protocol: 'HTTP' });
    expect(listener.default_action).toEqual([
      {
        type: 'fixed-response',
        fixed_response: { content_type: 'text/plain', status_code: '404', message_body: 'no such deployment\n' },
      },
    ]);
  });

  describe.each(allDeployments)('$variant on $architecture', (d) => {
    it('has an ip target group on nginx port 8080 with a health check through nginx to the app', () => {
      const tg = resourceAt(json, 'aws_lb_target_group', `${dPath(d)}/targets`);
      expect(tg).toMatchObject({
        target_type: 'ip',
        port: 8080,
        protocol: 'HTTP',
        vpc_id: ref(json, 'aws_vpc', 'network/vpc', 'id'),
      });
      expect(tg.health_check).toMatchObject({ enabled: true, path: '/healthz', matcher: '200' });
      expect(tg.name.length).toBeLessThanOrEqual(32);
      expect(tg.name).toMatch(/^[A-Za-z0-9-]+$/);
    });

    it('is routed by its path prefix to its target group', () => {
      const rule = resourceAt(json, 'aws_lb_listener_rule', `${dPath(d)}/route`);
      expect(rule.listener_arn).toBe(ref(json, 'aws_lb_listener', 'alb/http', 'arn'));
      expect(rule.action).toEqual([
        { type: 'forward', target_group_arn: ref(json, 'aws_lb_target_group', `${dPath(d)}/targets`, 'arn') },
      ]);
      expect(rule.condition).toEqual([{ path_pattern: { values: [`/${dPath(d)}`, `/${dPath(d)}/*`] } }]);
    });

    it('publishes its URL', () => {
      const url = `http://${ref(json, 'aws_lb', 'alb/alb', 'dns_name')}/${dPath(d)}/`;
      expect(json.output[`url_${dPath(d).replace('-', '_')}`].value).toBe(url);
      expect(json.output.deployment_urls.value[dPath(d)]).toBe(url);
    });
  });

  it('gives every rule a distinct priority that does not depend on which deployments are selected', async () => {
    const priorities = Object.values(resourcesOf(json, 'aws_lb_listener_rule')).map((r: Json) => r.priority);
    expect(new Set(priorities).size).toBe(6);
    const few = (await synthSidecar({ variants: ['combined'], architectures: ['ARM64'] })).json;
    expect(onlyResource(few, 'aws_lb_listener_rule').priority).toBe(
      resourceAt(json, 'aws_lb_listener_rule', 'combined-arm64/route').priority,
    );
  });

  it('outputs the ALB DNS name and the benchmark command', () => {
    expect(json.output.alb_dns_name.value).toBe(ref(json, 'aws_lb', 'alb/alb', 'dns_name'));
    expect(json.output.bench_command.value).toBe('npx stackwright bench remote --from-terraform .');
  });

  it('with a certificate, serves HTTPS with a TLS 1.3 policy and redirects HTTP', async () => {
    const tls = (await synthSidecar({ https: { certificateArn } })).json;
    const https = resourceAt(tls, 'aws_lb_listener', 'alb/https');
    expect(https).toMatchObject({
      port: 443,
      protocol: 'HTTPS',
      certificate_arn: certificateArn,
      ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    expect(https.default_action[0].type).toBe('fixed-response');
    expect(resourceAt(tls, 'aws_lb_listener', 'alb/http').default_action).toEqual([
      { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' } },
    ]);
    for (const rule of Object.values(resourcesOf(tls, 'aws_lb_listener_rule')) as Json[]) {
      expect(rule.listener_arn).toBe(ref(tls, 'aws_lb_listener', 'alb/https', 'arn'));
    }
    expect(tls.output.url_tcp_x86_64.value).toMatch(/^https:\/\//);
  });
});

describe('BenchmarkLoadBalancer validation', () => {
  it.each(['internal', 'sg'])(
    'names the fix when the environment name %s- makes the ALB or group name invalid',
    async (prefix) => {
      await expect(synthSidecar({}, { name: `${prefix}-env` })).rejects.toThrow(
        /may not start with 'internal-' \(ALB\) or 'sg-'.*rename the environment/,
      );
    },
  );
});
