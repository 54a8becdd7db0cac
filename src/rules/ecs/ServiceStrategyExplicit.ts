import { defineRule, notApplicable, verdict } from '../rule';
import { blocks } from '../../terraform/json';

/**
 * A service in a cluster with a default capacity provider strategy names its launch type or its own strategy.
 *
 * Without either, ECS gives the service the cluster's default strategy and the provider reads it back, while the
 * attribute is not computed (hashicorp/terraform-provider-aws, internal/service/ecs/service.go:
 * `names.AttrCapacityProviderStrategy: { Type: schema.TypeSet, Optional: true, ... }`). The provider's docs
 * (website/docs/r/ecs_service.html.markdown, `capacity_provider_strategy`): it can be updated in place "only if
 * `force_new_deployment = true` and not changing from 0 `capacity_provider_strategy` blocks to greater than 0, or vice
 * versa". Reported as hashicorp/terraform-provider-aws#11351 ("Using `default_capacity_provider` ... caused my service
 * to be replaced on every run (with no changes)") and #29143 (the same with `aws_ecs_cluster_capacity_providers`).
 */
export default defineRule({
  id: 'ECS-ServiceStrategyExplicit',
  appliesTo: ['aws_ecs_service'],
  check: (service, stack) => {
    const cluster = stack.resolve(service.body.cluster, 'aws_ecs_cluster');
    if (!cluster) return notApplicable;
    const defaults = stack
      .referencing(cluster, 'aws_ecs_cluster_capacity_providers', 'cluster_name')
      .map((c) => ({ address: c.address, strategy: blocks(c.body.default_capacity_provider_strategy) }));
    if (defaults.some((d) => d.strategy === undefined)) return notApplicable;
    const withDefault = defaults.filter((d) => d.strategy!.length > 0);
    if (withDefault.length === 0) return notApplicable;
    const own = blocks(service.body.capacity_provider_strategy);
    if (own === undefined) return notApplicable;
    const stated = service.body.launch_type !== undefined || own.length > 0;
    return verdict(
      stated
        ? []
        : [`takes the default strategy of ${withDefault[0].address} unstated, so every plan replaces the service`],
    );
  },
});
