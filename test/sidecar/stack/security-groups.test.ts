import { resourcesOf } from '../../helpers/synth';
import { ref, resourceAt, synthSidecar, TEST_LISTENER_CIDRS } from './helpers';
import type { Json } from '../../helpers/json';

const ingress = (json: Json) => Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')) as Json[];
const egress = (json: Json) => Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule')) as Json[];
const sg = (json: Json, path: string) => ref(json, 'aws_security_group', path, 'id');

/** The rules every network plan shares: only listener ports from the internet, tasks only from the ALB. */
function expectBaseline(json: Json, listenerPorts: number[], cidrs = TEST_LISTENER_CIDRS): void {
  const alb = sg(json, 'alb/sg');
  const tasks = sg(json, 'tasks/sg');
  const fromAddresses = ingress(json).filter(
    (r) => r.cidr_ipv4 !== undefined || r.cidr_ipv6 !== undefined || r.prefix_list_id !== undefined,
  );
  expect(
    fromAddresses.every((r) => r.security_group_id === alb && r.ip_protocol === 'tcp' && r.from_port === r.to_port),
  ).toBe(true);
  expect(fromAddresses.map((r) => `${r.cidr_ipv4}:${r.from_port}`).sort()).toEqual(
    listenerPorts.flatMap((p) => cidrs.map((c) => `${c}:${p}`)).sort(),
  );

  const intoTasks = ingress(json).filter((r) => r.security_group_id === tasks);
  expect(intoTasks).toEqual([
    expect.objectContaining({ referenced_security_group_id: alb, ip_protocol: 'tcp', from_port: 8080, to_port: 8080 }),
  ]);
  expect(egress(json).filter((r) => r.security_group_id === alb)).toEqual([
    expect.objectContaining({
      referenced_security_group_id: tasks,
      ip_protocol: 'tcp',
      from_port: 8080,
      to_port: 8080,
    }),
  ]);
  // No inline rules (they would fight the rule resources) and no all-protocol rules anywhere.
  for (const group of Object.values(resourcesOf(json, 'aws_security_group')) as Json[]) {
    expect(group.ingress).toBeUndefined();
    expect(group.egress).toBeUndefined();
  }
  for (const rule of [...ingress(json), ...egress(json)]) expect(rule.ip_protocol).toBe('tcp');
}

describe('sidecar security groups', () => {
  it('default (private tasks, VPC endpoints): tasks send HTTPS only to the endpoints and the S3 prefix list', async () => {
    const { json } = await synthSidecar();
    expectBaseline(json, [80]);
    const tasks = sg(json, 'tasks/sg');
    const endpoints = sg(json, 'network/endpoints/sg');
    expect(egress(json).filter((r) => r.security_group_id === tasks)).toEqual([
      expect.objectContaining({ referenced_security_group_id: endpoints, from_port: 443, to_port: 443 }),
      expect.objectContaining({
        prefix_list_id: ref(json, 'aws_vpc_endpoint', 'network/endpoints/s3', 'prefix_list_id'),
        from_port: 443,
        to_port: 443,
      }),
    ]);
    expect(ingress(json).filter((r) => r.security_group_id === endpoints)).toEqual([
      expect.objectContaining({ referenced_security_group_id: tasks, from_port: 443, to_port: 443 }),
    ]);
    expect(egress(json).some((r) => r.cidr_ipv4 === '0.0.0.0/0')).toBe(false);
  });

  it.each([
    ['NAT gateway', { network: { type: 'create', privateEgress: 'nat-gateway' } }, false],
    ['public subnets', { taskSubnets: 'public' }, true],
  ])('%s: tasks send HTTPS anywhere and nothing else', async (_name, section, publicIp) => {
    const { json } = await synthSidecar(section);
    expectBaseline(json, [80]);
    expect(egress(json).filter((r) => r.security_group_id === sg(json, 'tasks/sg'))).toEqual([
      expect.objectContaining({ cidr_ipv4: '0.0.0.0/0', from_port: 443, to_port: 443 }),
    ]);
    for (const service of Object.values(resourcesOf(json, 'aws_ecs_service')) as Json[]) {
      expect(service.network_configuration.assign_public_ip).toBe(publicIp);
      expect(service.network_configuration.security_groups).toEqual([sg(json, 'tasks/sg')]);
    }
  });

  it('opens 80 and 443 with HTTPS, and only to listenerCidrs when given', async () => {
    const { json } = await synthSidecar({
      https: { certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0f6b5f7e-1234-4c1d-9a6e-2b3c4d5e6f70' },
      listenerCidrs: ['203.0.113.0/24', '198.51.100.7/32'],
    });
    expectBaseline(json, [80, 443], ['203.0.113.0/24', '198.51.100.7/32']);
    expect(ingress(json).some((r) => r.cidr_ipv4 === '0.0.0.0/0')).toBe(false);
  });

  it("empties the created VPC's default security group", async () => {
    const { json } = await synthSidecar();
    expect(resourceAt(json, 'aws_default_security_group', 'network/default-sg')).toMatchObject({
      vpc_id: ref(json, 'aws_vpc', 'network/vpc', 'id'),
      ingress: [],
      egress: [],
    });
  });
});
