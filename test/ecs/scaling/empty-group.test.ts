import { onlyResource, resourcesOf } from '../../helpers/synth';
import { ecsSection, problems, service, synthEcs } from '../helpers';
import type { Json } from '../../helpers/json';

/**
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers.html: "any Amazon EC2 instances
 * that are associated with the group that were already running and registered to an Amazon ECS cluster before the
 * Auto Scaling group being used to create a capacity provider might not be properly registered with the capacity
 * provider. This might cause issues when using the capacity provider in a capacity provider strategy." and "To create
 * an empty Auto Scaling group, set the desired count to zero. After you created the capacity provider and associated
 * it with a cluster, you can then scale it out."
 */
describe('no instance registers before its capacity provider exists', () => {
  it('managed scaling: the group is created empty and managed scaling scales it out', async () => {
    const json = await synthEcs(ecsSection([service({ name: 'web' })], { capacity: { maxSize: 6 } }));
    const group = onlyResource(json, 'aws_autoscaling_group');
    expect(group).toMatchObject({ min_size: 0, desired_capacity: 0, max_size: 6 });
    expect(group.lifecycle).toEqual({ ignore_changes: ['desired_capacity'] });
    expect(onlyResource(json, 'aws_ecs_capacity_provider').auto_scaling_group_provider.managed_scaling.status).toBe(
      'ENABLED',
    );
  });

  it('managed scaling: a configured minimum or initial size is refused at its path', () => {
    expect(problems(ecsSection([service()], { capacity: { minSize: 2, desiredSize: 2 } }))).toEqual([
      'cfg.yaml: stacks.ecs.clusters[main].capacity.minSize: minSize 2 with managed scaling: the group is created empty (desired 0) so that no instance registers before its capacity provider exists (0 (managed scaling adds instances for the tasks), or scaling: memoryReservation (the group scales with its own policy, no managed scaling))',
      'cfg.yaml: stacks.ecs.clusters[main].capacity.desiredSize: desiredSize 2 with managed scaling: the group is created empty (0, or scaling: memoryReservation (the group scales with its own policy, no managed scaling))',
    ]);
  });

  it('own policy: the group starts at its minimum, so no service uses the capacity provider in a strategy', async () => {
    const json = await synthEcs(
      ecsSection([service({ name: 'web' }), service({ name: 'exporter', oneTaskPerHost: 'reconciled' })], {
        capacity: { scaling: 'memoryReservation', minSize: 2, maxSize: 6 },
      }),
    );
    expect(onlyResource(json, 'aws_autoscaling_group')).toMatchObject({ min_size: 2, desired_capacity: 2 });
    for (const svc of Object.values(resourcesOf(json, 'aws_ecs_service')) as Json[]) {
      expect(svc).not.toHaveProperty('capacity_provider_strategy');
      expect(svc.launch_type).toBe('EC2');
    }
  });

  it('own policy: ECS reports no MemoryReservation without running tasks, so the minimum must be 1 or more', () => {
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html: "If a cluster, service, or
    // other resource has no running tasks, no metrics will be reported for that resource during that period."
    expect(
      problems(
        ecsSection([service()], { capacity: { scaling: 'memoryReservation', minSize: 0, targetCapacityPercent: 100 } }),
      ),
    ).toEqual([
      'cfg.yaml: stacks.ecs.clusters[main].capacity.minSize: minSize 0 with memoryReservation: ECS reports no MemoryReservation for a cluster without running tasks, so the policy would never add the first instance (1 or more)',
      'cfg.yaml: stacks.ecs.clusters[main].capacity.targetCapacityPercent: target 100% of MemoryReservation: a reservation never exceeds 100%, so the group would never grow (1 to 99 (75 by default))',
    ]);
  });
});
