import NoOpenIngress from '../../src/rules/network/NoOpenIngress';
import NoPublicTaskIp from '../../src/rules/network/NoPublicTaskIp';
import { judge, problems, tf } from './helpers';

const alb = (ports: unknown[]) => ({
  aws_lb: {
    public: {
      name: 'web',
      internal: false,
      security_groups: ['${aws_security_group.alb.id}'],
      subnets: ['subnet-1', 'subnet-2'],
    },
  },
  aws_lb_listener: Object.fromEntries(
    ports.map((port, i) => [
      `l${i}`,
      {
        load_balancer_arn: '${aws_lb.public.arn}',
        port,
        protocol: 'HTTP',
        default_action: [{ type: 'fixed-response' }],
      },
    ]),
  ),
});
const open = (from: number, to = from, protocol = 'tcp') => ({
  from_port: from,
  to_port: to,
  protocol,
  cidr_blocks: ['0.0.0.0/0'],
});

describe('Net-NoOpenIngress', () => {
  it("passes internet ingress on an ALB's listener ports, and ingress from other groups", () => {
    const json = tf({
      aws_security_group: {
        alb: {
          name: 'alb',
          ingress: [
            open(80),
            open(443),
            { from_port: 8000, to_port: 8000, protocol: 'tcp', security_groups: ['sg-1'] },
          ],
        },
      },
      ...alb([80, 443]),
    });
    expect(problems(NoOpenIngress, json, 'aws_security_group.alb')).toEqual([]);
    const rule = tf({
      aws_security_group: { alb: { name: 'alb' } },
      aws_vpc_security_group_ingress_rule: {
        https: {
          security_group_id: '${aws_security_group.alb.id}',
          cidr_ipv6: '::/0',
          from_port: 443,
          to_port: 443,
          ip_protocol: 'tcp',
        },
      },
      ...alb([443]),
    });
    expect(problems(NoOpenIngress, rule, 'aws_vpc_security_group_ingress_rule.https')).toEqual([]);
  });
  it('fails other ports, all protocols, and groups no ALB uses', () => {
    const json = tf({
      aws_security_group: { alb: { name: 'alb', ingress: [open(22), open(0, 65535, '-1')] } },
      ...alb([80]),
    });
    expect(problems(NoOpenIngress, json, 'aws_security_group.alb')).toEqual([
      'ingress[0] opens port 22 to the internet (ALB listener ports are 80)',
      'ingress[1] opens all ports to the internet (ALB listener ports are 80)',
    ]);
    const task = tf({
      aws_security_group: { task: { name: 'task' } },
      aws_security_group_rule: {
        web: { type: 'ingress', security_group_id: '${aws_security_group.task.id}', ...open(8000, 8001) },
      },
    });
    expect(problems(NoOpenIngress, task, 'aws_security_group_rule.web')).toEqual([
      'the rule opens ports 8000-8001 to the internet (no Application Load Balancer listens with this group)',
    ]);
  });
  it('is not applicable when the listener port is known only at plan time', () => {
    const json = tf({ aws_security_group: { alb: { name: 'alb', ingress: [open(80)] } }, ...alb(['${var.port}']) });
    expect(judge(NoOpenIngress, json, 'aws_security_group.alb').compliance).toBe('not-applicable');
  });
});

describe('Net-NoPublicTaskIp', () => {
  const service = (assign: unknown) =>
    tf({
      aws_ecs_service: { s: { name: 's', network_configuration: { subnets: ['subnet-1'], assign_public_ip: assign } } },
    });
  it('passes private tasks', () => expect(problems(NoPublicTaskIp, service(false), 'aws_ecs_service.s')).toEqual([]));
  it('fails a public IP', () =>
    expect(problems(NoPublicTaskIp, service(true), 'aws_ecs_service.s')).toEqual([
      'network_configuration.assign_public_ip is true',
    ]));
  it('is not applicable when decided at plan time', () =>
    expect(judge(NoPublicTaskIp, service('${var.public}'), 'aws_ecs_service.s').compliance).toBe('not-applicable'));
});
