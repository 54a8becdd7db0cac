import { defineRule, notApplicable, verdict } from '../rule';
import { block, bool } from '../../terraform/json';

/**
 * ECS tasks get no public IP: they sit in private subnets behind a load balancer. When the config asks for public
 * subnets on purpose, the construct suppresses this rule with the config's reason.
 */
export default defineRule({
  id: 'Net-NoPublicTaskIp',
  appliesTo: ['aws_ecs_service'],
  check: (service) => {
    const network = block(service.body.network_configuration);
    if (!network) return notApplicable;
    const assign = network.assign_public_ip;
    if (assign !== undefined && bool(assign) === undefined) return notApplicable;
    return verdict(bool(assign) === true ? ['network_configuration.assign_public_ip is true'] : []);
  },
});
