import type { ReadmeSection } from '../core/stackwright-stack';
import type { ClusterConfig, EcsConfig, ServiceConfig } from './config';
import { effectiveConstraints, type PlacementConstraint } from './placement';
import { operationsReadmeSections } from './readme-operations';

/** README sections of the ECS stack: what runs where, and how each service is placed. */
export function ecsReadmeSections(ecs: EcsConfig, envName: string): ReadmeSection[] {
  return [
    clustersSection(ecs.clusters, envName),
    servicesSection(ecs.clusters, envName),
    modesSection(),
    ...operationsReadmeSections(ecs),
  ];
}

function clustersSection(clusters: readonly ClusterConfig[], envName: string): ReadmeSection {
  const lines = [
    '| cluster | instances | min / max | network | Container Insights |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const c of clusters) {
    const cap = c.capacity;
    const network =
      c.network.type === 'existing'
        ? `existing \`${c.network.vpcId}\`, ${c.network.subnetIds.length} subnet(s)`
        : `new VPC \`${c.network.cidrBlock}\`, ${c.network.availabilityZones} private subnets, 1 NAT gateway`;
    lines.push(
      `| \`${envName}-${c.name}\` | ${cap.instanceType} (${cap.architecture}) | ${cap.minSize} / ${cap.maxSize} | ${network} | ${c.containerInsights} |`,
    );
  }
  lines.push(
    '',
    "Instances use the ECS-optimized Amazon Linux 2023 AMI named by AWS's public SSM parameter, read at plan time: a",
    'new AMI shows as a new launch template version, and instances pick it up when they are replaced. IMDSv2 is',
    'required, the root volume is encrypted, and the instance security group has no ingress rule. Instances, their',
    "volumes and network interfaces carry the stack's tags (and a Name) through the launch template's tag",
    "specifications: the provider's `default_tags` reach only a resource's own tags (hashicorp/terraform-provider-aws#19387),",
    "so cost-allocation tags would otherwise miss them. Each cluster's",
    'capacity provider drains instances before they terminate (managed draining); what sizes the group is under',
    '"Scaling".',
  );
  return { heading: 'Clusters', body: lines.join('\n') };
}

function servicesSection(clusters: readonly ClusterConfig[], envName: string): ReadmeSection {
  const lines = [
    '| cluster | service | launch | scheduling | tasks | placement |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of clusters) {
    for (const s of c.services) {
      lines.push(
        `| \`${envName}-${c.name}\` | \`${s.name}\` | ${s.launchType} | ${scheduling(s)} | ${tasks(s)} | ${placement(s)} |`,
      );
    }
  }
  if (lines.length === 2) lines.push('| (none) | | | | | |');
  lines.push(
    '',
    'Every service logs to `/stackwright/ecs/<cluster>/<service>` with the configured retention, and ' +
      'its task execution role may only write there, pull its own ECR images and read its own secrets.',
  );
  return { heading: 'Services', body: lines.join('\n') };
}

function modesSection(): ReadmeSection {
  return {
    heading: 'One task per host',
    body: [
      "- `daemon`: ECS's DAEMON scheduler starts one task on every instance that meets the constraints. No desired count,",
      '  no placement strategies, maximum percent 100 (a task is stopped before its replacement starts).',
      '- `reconciled`: a REPLICA service with `distinctInstance` whose desired count the reconciler keeps equal to the',
      '  number of ACTIVE container instances. Terraform ignores `desired_count` after creation, so `terraform apply`',
      '  never undoes the reconciler. Unlike a daemon it can use placement strategies and keeps REPLICA semantics',
      '  (deployment circuit breaker, service events). It runs with launch type EC2, and only in a cluster with',
      '  `scaling: memoryReservation`: it keeps a task on every instance, so managed scaling could never scale in',
      '  (see "Scaling").',
      "- otherwise: an ordinary REPLICA service with its desired count, on the cluster's capacity provider under",
      '  managed scaling, with launch type EC2 under `memoryReservation`.',
    ].join('\n'),
  };
}

function scheduling(s: ServiceConfig): string {
  if (s.oneTaskPerHost === 'daemon') return 'DAEMON';
  if (s.oneTaskPerHost === 'reconciled') return 'REPLICA, reconciled';
  return 'REPLICA';
}

function tasks(s: ServiceConfig): string {
  if (s.oneTaskPerHost === 'daemon') return 'one per instance';
  if (s.oneTaskPerHost === 'reconciled') return 'one per ACTIVE instance';
  return String(s.desiredCount ?? 1);
}

function placement(s: ServiceConfig): string {
  const parts = [
    ...s.placement.strategies.map((p) => (p.field ? `${p.type}(${p.field})` : p.type)),
    ...effectiveConstraints(s.placement.constraints, s.oneTaskPerHost === 'reconciled').map(constraintText),
  ];
  return parts.length > 0 ? parts.join(', ') : '-';
}

/** One constraint as a table cell, by its type (a new type fails to compile here until it is given a rendering). */
export function constraintText(c: PlacementConstraint): string {
  switch (c.type) {
    case 'distinctInstance':
      return 'distinctInstance';
    case 'memberOf':
      return `memberOf(\`${(c.expression ?? '').replace(/\|/g, '\\|')}\`)`;
  }
}
