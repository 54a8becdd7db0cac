import { defineRule, verdict } from '../rule';
import { mentionedAddresses } from '../../terraform/json';

/**
 * A route table's routes are written one way: in-line `route` blocks (even `[]`) or `aws_route` resources.
 *
 * The provider's docs (website/docs/r/route.html.markdown, "NOTE on Route Tables and Routes"): "At this time you
 * cannot use a `aws_route_table` inline `route` blocks in conjunction with any `aws_route` resources. Doing so will
 * cause a conflict of rule settings and will overwrite rules."
 */
export default defineRule({
  id: 'Net-InlineRoutesMixed',
  appliesTo: ['aws_route_table'],
  check: (table, stack) => {
    if (table.body.route === undefined) return verdict([]);
    const routes = stack.ofType('aws_route').filter((r) => {
      const id = r.body.route_table_id;
      return typeof id === 'string' && mentionedAddresses(id).includes(table.address);
    });
    return verdict(
      routes.length === 0 ? [] : [`sets route in-line and is also given ${routes.map((r) => r.address).join(', ')}`],
    );
  },
});
