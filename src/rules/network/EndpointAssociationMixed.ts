import { defineRule, verdict } from '../rule';
import { mentionedAddresses } from '../../terraform/json';

/** The endpoint attribute each association resource competes with. */
const ASSOCIATIONS: Readonly<Record<string, string>> = {
  aws_vpc_endpoint_route_table_association: 'route_table_ids',
  aws_vpc_endpoint_subnet_association: 'subnet_ids',
  aws_vpc_endpoint_security_group_association: 'security_group_ids',
};

/**
 * A VPC endpoint's route tables, subnets and security groups are listed on the endpoint or associated separately, not
 * both.
 *
 * The provider's docs (website/docs/r/vpc_endpoint.html.markdown, "NOTE on VPC Endpoints and VPC Endpoint
 * Associations"): "Do not use the same resource ID in both a VPC Endpoint resource and a VPC Endpoint Association
 * resource. Doing so will cause a conflict of associations and will overwrite the association."
 */
export default defineRule({
  id: 'Net-EndpointAssociationMixed',
  appliesTo: ['aws_vpc_endpoint'],
  check: (endpoint, stack) => {
    const problems = Object.entries(ASSOCIATIONS).flatMap(([type, attribute]) => {
      if (endpoint.body[attribute] === undefined) return [];
      return stack
        .ofType(type)
        .filter((a) => {
          const id = a.body.vpc_endpoint_id;
          return typeof id === 'string' && mentionedAddresses(id).includes(endpoint.address);
        })
        .map((a) => `sets ${attribute} and is also associated by ${a.address}`);
    });
    return verdict(problems);
  },
});
