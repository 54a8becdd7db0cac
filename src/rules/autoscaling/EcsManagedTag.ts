import { defineRule, notApplicable, verdict } from '../rule';
import type { StackView, TfBlock } from '../../terraform/json';
import { block, blocks, bool, mentionedAddresses, str } from '../../terraform/json';

const TAG = 'AmazonECSManaged';

/**
 * An Auto Scaling group behind an ECS capacity provider declares the tag ECS adds to it.
 *
 * The provider's docs (website/docs/r/ecs_capacity_provider.html.markdown): "Associating an ECS Capacity Provider to
 * an Auto Scaling Group will automatically add the `AmazonECSManaged` tag to the Auto Scaling Group. This tag should be
 * included in the `aws_autoscaling_group` resource configuration to prevent Terraform from removing it in subsequent
 * executions as well as ensuring the `AmazonECSManaged` tag is propagated to all EC2 Instances in the Auto Scaling
 * Group if `min_size` is above 0 on creation."
 */
export default defineRule({
  id: 'AutoScaling-EcsManagedTag',
  appliesTo: ['aws_autoscaling_group'],
  check: (group, stack) => {
    if (!capacityProviderOf(group, stack)) return notApplicable;
    const tags = blocks(group.body.tag);
    if (tags === undefined) return notApplicable;
    const tag = tags.find((t) => str(t.key) === TAG);
    if (!tag) return verdict([`no tag block for ${TAG}: the next apply removes the tag ECS added`]);
    return verdict(bool(tag.propagate_at_launch) === false ? [`${TAG} is not propagated at launch`] : []);
  },
});

function capacityProviderOf(group: TfBlock, stack: StackView): TfBlock | undefined {
  return stack.ofType('aws_ecs_capacity_provider').find((cp) => {
    const arn = block(cp.body.auto_scaling_group_provider)?.auto_scaling_group_arn;
    return typeof arn === 'string' && mentionedAddresses(arn).includes(group.address);
  });
}
