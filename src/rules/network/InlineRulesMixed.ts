import { defineRule, verdict } from '../rule';
import { mentionedAddresses } from '../../terraform/json';

const RULE_TYPES = [
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];

/**
 * A security group's rules are written one way: in-line (`ingress`/`egress`, even `[]`) or as rule resources.
 *
 * The provider's docs (website/docs/r/vpc_security_group_egress_rule.html.markdown; the ingress rule, security group and
 * security group rule pages carry the same warning): "You should not use the `aws_vpc_security_group_egress_rule` and
 * `aws_vpc_security_group_ingress_rule` resources in conjunction with the `aws_security_group` resource with _in-line
 * rules_ (using the `ingress` and `egress` arguments of `aws_security_group`) or the `aws_security_group_rule`
 * resource. Doing so may cause rule conflicts, perpetual differences, and result in rules being overwritten." An empty
 * list manages the rules too: the security group page's "Removing All Ingress and Egress Rules" sets `ingress = []` and
 * `egress = []` "to subsequently remove all managed ingress and egress rules".
 */
export default defineRule({
  id: 'Net-InlineRulesMixed',
  appliesTo: ['aws_security_group'],
  check: (group, stack) => {
    const inline = ['ingress', 'egress'].filter((k) => group.body[k] !== undefined);
    if (inline.length === 0) return verdict([]);
    const rules = RULE_TYPES.flatMap((type) =>
      stack.ofType(type).filter((r) => {
        const id = r.body.security_group_id;
        return typeof id === 'string' && mentionedAddresses(id).includes(group.address);
      }),
    );
    return verdict(
      rules.length === 0
        ? []
        : [`sets ${inline.join(' and ')} in-line and is also managed by ${rules.map((r) => r.address).join(', ')}`],
    );
  },
});
