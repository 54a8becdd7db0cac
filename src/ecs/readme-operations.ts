import type { ReadmeSection } from '../core/stackwright-stack';
import type { EcsConfig } from './config';

/** README sections on how the generated clusters behave once applied: scaling, credentials, order of creation. */
export function operationsReadmeSections(ecs: EcsConfig): ReadmeSection[] {
  const hostMode = ecs.clusters.flatMap((c) =>
    c.services.filter((s) => s.networkMode === 'host').map((s) => `\`${s.name}\``),
  );
  const created = ecs.clusters.some((c) => c.network.type === 'create');
  return [scalingSection(ecs), credentialsSection(hostMode), orderSection(created)];
}

function scalingSection(ecs: EcsConfig): ReadmeSection {
  const rows = ecs.clusters.map((c) => {
    const cap = c.capacity;
    const how =
      cap.scaling === 'managed'
        ? `managed scaling, target ${cap.targetCapacityPercent}% CapacityProviderReservation; created empty`
        : `own target-tracking policy, ${cap.targetCapacityPercent}% MemoryReservation; starts at ${cap.desiredSize ?? cap.minSize}`;
    return `| \`${c.name}\` | ${cap.scaling} | ${how} | ${cap.minSize} / ${cap.maxSize} |`;
  });
  return {
    heading: 'Scaling',
    body: [
      '| cluster | scaling | how | min / max |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
      "What the stack relies on, each from AWS's documentation:",
      '',
      '- **Managed scaling cannot scale in a cluster with a reconciled service.** "When a container instance isn\'t',
      '  running any tasks, the container instance is considered empty and Amazon ECS starts the scale-in process";',
      '  "A container instance is considered empty even when daemon tasks are running" (Amazon ECS developer guide,',
      '  managed-scaling-behavior.html). A reconciled service runs a REPLICA task on every instance, so no instance is',
      '  ever empty. The config therefore refuses `oneTaskPerHost: reconciled` in a cluster with `scaling: managed`; use',
      '  `daemon`, or `scaling: memoryReservation`.',
      '- **`managed`: the group is created empty.** "To create an empty Auto Scaling group, set the desired count to',
      '  zero. After you created the capacity provider and associated it with a cluster, you can then scale it out"',
      '  (asg-capacity-providers.html), because instances registered before the capacity provider "might not be',
      '  properly registered with" it. Managed scaling then scales out for the tasks of services on the capacity',
      '  provider ("When a scale-out process is required and there are no currently running container instances, Amazon',
      '  ECS always scales-out to two instances initially", managed-scaling-behavior.html); daemon tasks do not ask for',
      "  instances (\"A pending task that doesn't have a capacity provider strategy won't cause any capacity provider to",
      '  scale out"), so a managed cluster of daemon services alone stays empty. Managed termination protection is on:',
      '  ECS lets the group terminate only instances that run no non-daemon task (managed-termination-protection.html).',
      '- **`memoryReservation`: the group\'s own policy, no managed scaling.** "If managed scaling is off, the user must',
      '  manage the scaling of the Auto Scaling group" (ECS API reference, ManagedScaling). A target-tracking policy',
      '  "adds or removes capacity as required to keep the metric at, or close to, the specified target value" (EC2 Auto',
      '  Scaling user guide, as-scaling-target-tracking.html), on the cluster\'s `AWS/ECS` `MemoryReservation`: "the',
      '  total memory that is reserved by Amazon ECS tasks on the cluster, divided by the total amount of memory for all',
      '  of the Amazon EC2 instances registered in the cluster" (available-metrics.html). Reconciled tasks count in it',
      '  like any other: an instance that runs only its reconciled and daemon tasks lowers it, so the cluster settles as',
      '  long as those tasks reserve less than the target share of an instance. "If a cluster ... has no running tasks,',
      '  no metrics will be reported", so such a group starts at `minSize` (1 or more) instead of empty; its services',
      '  therefore run with launch type EC2 rather than through the capacity provider, whose strategy is what AWS says',
      '  early-registered instances "might cause issues" with. Tasks that find no room reserve nothing, so the target',
      '  must stay below 100 to leave headroom. The capacity provider stays for managed draining: "Amazon ECS manages',
      '  and gracefully drains the EC2 container instances that are in the Auto Scaling group capacity provider" (ECS',
      '  API reference, AutoScalingGroupProvider); the instance the group picks goes DRAINING and its tasks move first.',
      '  AWS does not say whether an instance that registered before its capacity provider existed is drained too.',
      '  Managed termination protection is off: "When using managed termination protection, managed scaling must also',
      '  be used" (AutoScalingGroupProviderUpdate).',
      '',
      'A model of these rules (test/ecs/scaling) checks the generated settings: a `memoryReservation` cluster with a',
      'reconciled service grows with the other services and shrinks back to its minimum; a `managed` cluster starts',
      'empty and returns to empty; the design this replaced (managed scaling with a reconciled service) never scales in.',
      ...(ecs.clusters.some((c) => c.services.some((s) => s.oneTaskPerHost === 'reconciled'))
        ? []
        : ['', 'This environment has no reconciled service.']),
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
