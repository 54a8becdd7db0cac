import { defineRule, notApplicable, verdict } from '../rule';
import { isObj, list, mentionedAddresses } from '../../terraform/json';

/**
 * A service that Application Auto Scaling scales leaves `desired_count` to it.
 *
 * The scaler changes the count after apply, so the next plan sets it back. The provider's docs
 * (website/docs/r/ecs_service.html.markdown, "Ignoring Changes to Desired Count"): use `ignore_changes` "to create an
 * ECS service with an initial count of running instances, then ignore any changes to that count caused externally
 * (e.g., Application Autoscaling)", with `lifecycle { ignore_changes = [desired_count] }` commented "Allow external
 * changes without Terraform plan difference".
 */
export default defineRule({
  id: 'ECS-ScaledCountIgnored',
  appliesTo: ['aws_ecs_service'],
  check: (service, stack) => {
    if (service.body.desired_count === undefined) return notApplicable;
    const scaler = stack.ofType('aws_appautoscaling_target').find((t) => {
      const id = t.body.resource_id;
      return typeof id === 'string' && mentionedAddresses(id).includes(service.address);
    });
    if (!scaler) return notApplicable;
    const ignore = isObj(service.body.lifecycle) ? service.body.lifecycle.ignore_changes : undefined;
    const ignored = ignore === 'all' || (list(ignore) ?? []).includes('desired_count');
    return verdict(
      ignored ? [] : [`${scaler.address} scales it, but lifecycle.ignore_changes leaves out desired_count`],
    );
  },
});
