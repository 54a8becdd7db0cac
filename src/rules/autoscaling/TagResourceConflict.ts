import { defineRule, notApplicable, verdict } from '../rule';
import { mentionedAddresses, str } from '../../terraform/json';

/**
 * An Auto Scaling group managed in this configuration takes its tags from its own `tag` blocks, not from
 * `aws_autoscaling_group_tag`.
 *
 * The provider's docs (website/docs/r/autoscaling_group_tag.html.markdown): "using `aws_autoscaling_group` and
 * `aws_autoscaling_group_tag` to manage tags of the same ASG will cause a perpetual difference where the
 * `aws_autoscaling_group` resource will try to remove the tag being added by the `aws_autoscaling_group_tag` resource."
 */
export default defineRule({
  id: 'AutoScaling-TagResourceConflict',
  appliesTo: ['aws_autoscaling_group_tag'],
  check: (tag, stack) => {
    const name = tag.body.autoscaling_group_name;
    if (typeof name !== 'string') return notApplicable;
    const literal = str(name);
    const groups = stack
      .ofType('aws_autoscaling_group')
      .filter(
        (g) => mentionedAddresses(name).includes(g.address) || (literal !== undefined && str(g.body.name) === literal),
      );
    return verdict(groups.map((g) => `tags ${g.address}, which declares its own tags: every plan removes this one`));
  },
});
