import type { ReadmeSection } from '../core/stackwright-stack';
import type { EcsConfig } from './config';

/** README sections on how the generated clusters behave once applied: scaling, credentials, order of creation. */
export function operationsReadmeSections(ecs: EcsConfig): ReadmeSection[] {
  const reconciled = ecs.clusters.some((c) => c.services.some((s) => s.oneTaskPerHost === 'reconciled'));
  const hostMode = ecs.clusters.flatMap((c) =>
    c.services.filter((s) => s.networkMode === 'host').map((s) => `\`${s.name}\``),
  );
  const created = ecs.clusters.some((c) => c.network.type === 'create');
  return [scalingSection(reconciled), credentialsSection(hostMode), orderSection(created)];
}

function scalingSection(reconciled: boolean): ReadmeSection {
  return {
    heading: 'Scaling with one task per host',
    body: [
      "Each capacity provider's managed scaling keeps `CapacityProviderReservation = M / N x 100` at the target",
      'capacity: N is the number of instances, M the number of instances that run at least one task of the capacity',
      'provider (DAEMON tasks do not count) plus those its PROVISIONING tasks need. AWS documents that tasks without a',
      'capacity provider strategy are ignored by capacity providers, and that managed termination protection keeps',
      'every instance that runs a non-daemon task.',
      '',
      '- A `reconciled` service runs with launch type EC2, not through the capacity provider: its tasks never count',
      '  toward M and a task waiting for a host never asks for one. The cluster grows by what the other services',
      '  need; a new instance then gets its reconciled task, which does not ask for another instance.',
      "- A cluster with a `reconciled` service has managed termination protection off (and the Auto Scaling group's",
      '  scale-in protection with it): a REPLICA task on every instance would otherwise protect every instance and',
      '  the cluster would never shrink. Managed draining stays on, so an instance chosen for scale-in goes DRAINING',
      '  first and ECS starts its other tasks elsewhere before it terminates; the reconciler then lowers the desired',
      '  count, as DRAINING instances are not counted.',
      '- Clusters without reconciled services keep managed termination protection: only instances without tasks',
      '  terminate.',
      '',
      "The first point rests on AWS's statement about tasks without a capacity provider strategy; DAEMON tasks are the",
      'only ones AWS documents as ignored both for emptiness and for termination protection, so `daemon` is the mode',
      'that does not depend on it. Prefer it unless a service needs REPLICA semantics or placement strategies.',
      '',
      'A model of these rules (test/ecs/scaling) checks the generated settings: when the other services need less the',
      'cluster shrinks to what they need, when they need more it grows by that much, and with no other demand it',
      'stays at its minimum; with termination protection on, or the reconciled service on the capacity provider, it',
      'shows the cluster pinned at its peak or growing to its maximum on its own.',
      ...(reconciled ? [] : ['', 'This environment has no reconciled service.']),
    ].join('\n'),
  };
}

function credentialsSection(hostMode: readonly string[]): ReadmeSection {
  return {
    heading: "Containers and the instance's credentials",
    body: [
      "The instance role (ECS agent, image pulls for the agent) must stay with the instance. Following AWS's ECS",
      'security guidance for each network mode:',
      '',
      '- **bridge**: the user data installs a systemd unit that, whenever Docker starts, inserts',
      '  `iptables --insert DOCKER-USER 1 --in-interface docker+ --destination 169.254.169.254/32 --jump DROP`:',
      "  containers on Docker's bridges get no answer from the metadata service. The unit is ordered before the ECS",
      "  agent (`Before=ecs.service`) and the agent requires it (`RequiredBy=ecs.service`): the agent's own unit",
      '  (aws/amazon-ecs-agent, `packaging/amazon-linux-ami-integrated/ecs.service`) is ordered only after',
      "  `docker.service` and `cloud-final.service`, so without this no task would wait for the rule. The launch template's response hop",
      '  limit defaults to 1 as well (config `capacity.imdsHopLimit`), which alone keeps bridge containers, one hop',
      '  further, from IMDSv2.',
      "- **awsvpc** (EC2): `ECS_AWSVPC_BLOCK_IMDS=true` in the agent's configuration.",
      "- **host**: the containers share the instance's network namespace, so neither the hop limit nor an interface",
      '  rule tells them apart from the agent: they can reach the metadata service. Run only trusted images in host',
      `  mode${hostMode.length > 0 ? ` (here: ${hostMode.join(', ')})` : ''}. Their task role (below) keeps AWS SDKs on the task's own credentials.`,
      '',
      'Every service has its own task role (trusted by ECS for this account only; `ECS_ENABLE_TASK_IAM_ROLE` and',
      '`ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST` are on): with no permissions unless the service lists',
      "`taskPermissions`. SDKs read the task's credentials first, so a container never falls back to the instance role.",
      'The rule `ECS-ContainersReadInstanceCredentials` flags launch templates that leave bridge or awsvpc containers a',
      'way to the metadata service, and host-mode tasks without a task role.',
    ].join('\n'),
  };
}

function orderSection(createdNetwork: boolean): ReadmeSection {
  return {
    heading: 'Order of creation',
    body: [
      "Tasks pull their images and send their logs through the network's way out. Every service therefore depends",
      "explicitly (`depends_on`) on its cluster's capacity provider association and, in a VPC this stack creates, on",
      'the internet gateway, the NAT gateway, the routes and the route table associations; so does the Auto Scaling',
      'group, whose instances register with ECS through them. Terraform creates them before any instance or task',
      'starts and destroys them only after the services and instances are gone, so a first apply or a re-run never',
      'has a deployment waiting on tasks that cannot pull.',
      ...(createdNetwork ? [] : ['(This environment uses existing networks: their routes are not managed here.)']),
      'The rule `ECS-ServiceWaitsForEgress` checks it: every service whose tasks run in a private subnet of the stack',
      "must depend on that subnet's route table association and NAT route, or, without a NAT route, on every VPC",
      'endpoint of its VPC.',
    ].join('\n'),
  };
}
