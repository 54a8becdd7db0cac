import type { ReadmeSection } from '../core/stackwright-stack';
import type { EcsConfig } from './config';

/** README sections on how the generated clusters behave once applied: scaling, credentials, order of creation. */
export function operationsReadmeSections(ecs: EcsConfig): ReadmeSection[] {
  const reconciled = ecs.clusters.some((c) => c.services.some((s) => s.oneTaskPerHost === 'reconciled'));
  return [scalingSection(reconciled)];
}

function scalingSection(reconciled: boolean): ReadmeSection {
  return {
    heading: 'Scaling with one task per host',
    body: [
      'Each capacity provider\'s managed scaling keeps `CapacityProviderReservation = M / N x 100` at the target',
      'capacity: N is the number of instances, M the number of instances that run at least one task of the capacity',
      'provider (DAEMON tasks do not count) plus those its PROVISIONING tasks need. AWS documents that tasks without a',
      'capacity provider strategy are ignored by capacity providers, and that managed termination protection keeps',
      'every instance that runs a non-daemon task.',
      '',
      '- A `reconciled` service runs with launch type EC2, not through the capacity provider: its tasks never count',
      '  toward M and a task waiting for a host never asks for one. The cluster grows by what the other services',
      '  need; a new instance then gets its reconciled task, which does not ask for another instance.',
      '- A cluster with a `reconciled` service has managed termination protection off (and the Auto Scaling group\'s',
      '  scale-in protection with it): a REPLICA task on every instance would otherwise protect every instance and',
      '  the cluster would never shrink. Managed draining stays on, so an instance chosen for scale-in goes DRAINING',
      '  first and ECS starts its other tasks elsewhere before it terminates; the reconciler then lowers the desired',
      '  count, as DRAINING instances are not counted.',
      '- Clusters without reconciled services keep managed termination protection: only instances without tasks',
      '  terminate.',
      '',
      'A model of these rules (test/ecs/scaling) checks the generated settings: when the other services need less the',
      'cluster shrinks to what they need, when they need more it grows by that much, and with no other demand it',
      'stays at its minimum; with termination protection on, or the reconciled service on the capacity provider, it',
      'shows the cluster pinned at its peak or growing to its maximum on its own.',
      ...(reconciled ? [] : ['', 'This environment has no reconciled service.']),
    ].join('\n'),
  };
}
