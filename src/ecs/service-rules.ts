import { FARGATE_INVALID_CONTAINER_FIELDS, FARGATE_INVALID_LINUX_PARAMETERS } from './container-definition';
import { FARGATE_CPU_VALUES, allowedFargateMemory, fargateSizeProblem } from '../aws/fargate';
import type { ConfigIssue } from '../core/config-issue';
import { isGravitonInstanceType } from '../aws/instance-types';
import { placementIssues } from './placement';
import type { ClusterShape, ServiceShape } from './service-shape';

/**
 * Cross-field rules: what ECS, EC2 or Auto Scaling would reject at apply time (terraform validate checks none of
 * it), reported at config time with the path to change and what is allowed. Paths are relative to the object.
 * They read plain shapes (./service-shape.ts), so the config schema and the constructs run the same rules.
 */

/** `<index>.name` issues for every repeated name. */
export function duplicateNames(
  items: readonly { readonly name: string }[],
  what: string,
  scope: string,
): ConfigIssue[] {
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.name))
      issues.push({
        path: [i, 'name'],
        message: `duplicate ${what} name '${item.name}'`,
        allowed: `names must be unique within ${scope}`,
      });
    seen.add(item.name);
  });
  return issues;
}

export function clusterIssues(cluster: ClusterShape): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { minSize, maxSize, desiredSize, instanceType, architecture } = cluster.capacity;
  if (minSize > maxSize)
    issues.push({
      path: ['capacity', 'minSize'],
      message: `minSize ${minSize} is above maxSize ${maxSize}`,
      allowed: `0 to ${maxSize}`,
    });
  if (desiredSize !== undefined && (desiredSize < minSize || desiredSize > maxSize)) {
    issues.push({
      path: ['capacity', 'desiredSize'],
      message: `desiredSize ${desiredSize} is outside minSize..maxSize`,
      allowed: `${minSize} to ${maxSize}`,
    });
  }
  // The AMI follows architecture: an arm64 AMI on an x86_64 instance type (or the reverse) never boots.
  const graviton = isGravitonInstanceType(instanceType);
  if (graviton !== (architecture === 'arm64')) {
    issues.push({
      path: ['capacity', 'architecture'],
      message: `instance type ${instanceType} is ${graviton ? 'arm64 (Graviton)' : 'x86_64'} but architecture is ${architecture}`,
      allowed: `architecture: ${graviton ? 'arm64' : 'x86_64'}, or an instance type of the other architecture`,
    });
  }
  if (cluster.network?.type === 'existing') {
    const seen = new Set<string>();
    cluster.network.subnetIds.forEach((id, i) => {
      if (seen.has(id))
        issues.push({
          path: ['network', 'subnetIds', i],
          message: `subnet ${id} is listed twice`,
          allowed: 'each subnet once',
        });
      seen.add(id);
    });
  }
  return issues;
}

export function serviceIssues(s: ServiceShape): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = (path: (string | number)[], message: string, allowed: string) => issues.push({ path, message, allowed });
  const mode = s.oneTaskPerHost;

  if (mode === 'daemon') {
    if (s.placement.strategies.length > 0)
      add(
        ['placement', 'strategies'],
        'placement strategies are not allowed with DAEMON scheduling',
        'remove placement.strategies (constraints are allowed), or use oneTaskPerHost: reconciled',
      );
    if (s.desiredCount !== undefined)
      add(['desiredCount'], 'a daemon service has no desired count (one task per instance)', 'remove desiredCount');
    if (s.deployment.maximumPercent !== undefined && s.deployment.maximumPercent !== 100)
      add(
        ['deployment', 'maximumPercent'],
        `maximumPercent ${s.deployment.maximumPercent} with DAEMON scheduling`,
        '100',
      );
  }
  if (mode === 'reconciled') {
    if (s.desiredCount !== undefined)
      add(
        ['desiredCount'],
        'the desired count of a reconciled service is owned by the reconciler',
        'remove desiredCount',
      );
    if ((s.deployment.maximumPercent ?? 100) > 100) {
      add(
        ['deployment', 'maximumPercent'],
        `maximumPercent ${s.deployment.maximumPercent} needs a spare host for every replacement task; with one task on every host the deployment never starts`,
        '100',
      );
    }
  }

  if (s.launchType === 'fargate') issues.push(...fargateIssues(s));
  else
    issues.push(
      ...placementIssues(s.placement, mode === 'reconciled').map((i) => ({ ...i, path: ['placement', ...i.path] })),
    );

  issues.push(...containerIssues(s));
  return issues;
}

function fargateIssues(s: ServiceShape): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = (path: (string | number)[], message: string, allowed: string) => issues.push({ path, message, allowed });
  if (s.oneTaskPerHost)
    add(
      ['oneTaskPerHost'],
      `${s.oneTaskPerHost} needs EC2 instances; Fargate has no hosts to place on`,
      'launchType: ec2, or remove oneTaskPerHost',
    );
  if (s.placement.strategies.length > 0 || s.placement.constraints.length > 0)
    add(
      ['placement'],
      'placement strategies and constraints are not available on Fargate',
      'launchType: ec2, or remove placement',
    );
  if (s.networkMode !== undefined && s.networkMode !== 'awsvpc')
    add(['networkMode'], `network mode ${s.networkMode} on Fargate`, 'awsvpc');
  if (s.cpu === undefined) add(['cpu'], 'Fargate needs task-level cpu', `one of ${FARGATE_CPU_VALUES.join(', ')}`);
  if (s.memory === undefined)
    add(
      ['memory'],
      'Fargate needs task-level memory',
      s.cpu !== undefined ? (allowedFargateMemory(s.cpu) ?? 'a valid cpu first') : 'set cpu first',
    );
  const size =
    s.cpu !== undefined && s.memory !== undefined ? fargateSizeProblem({ cpu: s.cpu, memory: s.memory }) : undefined;
  if (size) add([size.field], size.message, size.allowed);
  s.containers.forEach((c, i) => {
    for (const field of FARGATE_INVALID_CONTAINER_FIELDS) {
      if (c[field] !== undefined)
        add(['containers', i, field], `${field} is not supported on Fargate`, `remove it, or launchType: ec2`);
    }
    for (const field of FARGATE_INVALID_LINUX_PARAMETERS) {
      if (c.linuxParameters?.[field] !== undefined)
        add(
          ['containers', i, 'linuxParameters', field],
          `${field} is not supported on Fargate`,
          'remove it, or launchType: ec2',
        );
    }
  });
  s.volumes.forEach((v, i) => {
    if (v.hostPath !== undefined)
      add(
        ['volumes', i, 'hostPath'],
        'host paths are not available on Fargate',
        "a volume with just a name (shared by the task's containers)",
      );
  });
  return issues;
}

function containerIssues(s: ServiceShape): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = (path: (string | number)[], message: string, allowed: string) => issues.push({ path, message, allowed });
  issues.push(
    ...duplicateNames(s.containers, 'container', `service ${s.name}`).map((i) => ({
      ...i,
      path: ['containers', ...i.path],
    })),
  );
  issues.push(
    ...duplicateNames(s.volumes, 'volume', `service ${s.name}`).map((i) => ({ ...i, path: ['volumes', ...i.path] })),
  );
  if (!s.containers.some((c) => c.essential))
    add(['containers'], 'no essential container', 'at least one container with essential: true');

  const names = new Set(s.containers.map((c) => c.name));
  const volumes = new Set(s.volumes.map((v) => v.name));
  const networkMode = s.networkMode ?? (s.launchType === 'fargate' ? 'awsvpc' : 'bridge');
  s.containers.forEach((c, i) => {
    if (
      s.launchType === 'ec2' &&
      s.memory === undefined &&
      c.memory === undefined &&
      c.memoryReservation === undefined
    ) {
      add(
        ['containers', i],
        `container ${c.name} has no memory limit and the task has none`,
        'memory or memoryReservation on the container, or memory on the service',
      );
    }
    if (c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation > c.memory) {
      add(
        ['containers', i, 'memoryReservation'],
        `memoryReservation ${c.memoryReservation} is above memory ${c.memory}`,
        `at most ${c.memory}`,
      );
    }
    if (s.memory !== undefined && c.memory !== undefined && c.memory > s.memory) {
      add(
        ['containers', i, 'memory'],
        `container memory ${c.memory} is above the task's ${s.memory}`,
        `at most ${s.memory}`,
      );
    }
    c.portMappings?.forEach((p, j) => {
      if (networkMode !== 'bridge' && p.hostPort !== undefined && p.hostPort !== p.containerPort) {
        add(
          ['containers', i, 'portMappings', j, 'hostPort'],
          `hostPort ${p.hostPort} differs from containerPort in ${networkMode} mode`,
          `omit hostPort or use ${p.containerPort}`,
        );
      }
    });
    c.dependsOn?.forEach((d, j) => {
      if (!names.has(d.containerName ?? '') || d.containerName === c.name)
        add(
          ['containers', i, 'dependsOn', j, 'containerName'],
          `no other container named '${d.containerName}' in this task`,
          [...names].filter((n) => n !== c.name).join(', ') || 'none',
        );
    });
    c.links?.forEach((l, j) => {
      if (networkMode !== 'bridge')
        add(
          ['containers', i, 'links', j],
          `links need bridge network mode, not ${networkMode}`,
          'remove links (containers share localhost in awsvpc and host modes)',
        );
      else if (!names.has(l.split(':')[0] ?? ''))
        add(
          ['containers', i, 'links', j],
          `no container named '${l.split(':')[0]}' in this task`,
          [...names].join(', '),
        );
    });
    c.mountPoints?.forEach((m, j) => {
      if (!volumes.has(m.sourceVolume ?? ''))
        add(
          ['containers', i, 'mountPoints', j, 'sourceVolume'],
          `no task volume named '${m.sourceVolume}'`,
          volumes.size ? [...volumes].join(', ') : 'declare it under volumes',
        );
    });
  });
  return issues;
}
