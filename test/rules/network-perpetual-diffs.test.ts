import InlineRulesMixed from '../../src/rules/network/InlineRulesMixed';
import { problems, tf } from './helpers';

// Net-InlineRulesMixed quotes the provider's security group docs ("may cause rule conflicts, perpetual differences").

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
