import type { ClusterConfig, EcsConfig, ServiceConfig } from '../src/ecs/config';
import { asContainerDefinition } from '../src/ecs/container-config';
import type { Ec2CapacityClusterProps } from '../src/ecs/cluster';
import type { ClusterNetworkPlanProps } from '../src/ecs/network';
import type { DesiredCountReconcilerProps } from '../src/ecs/reconciler/props';
import type { ClusterServiceProps } from '../src/ecs/service-props';

/**
 * The ECS stack's config -> construct props mapping: the only place that reads `stacks.ecs` for the constructs.
 * Each function takes the config section (or one cluster or service of it) and what the stack supplies (names,
 * Terraform references) and returns the construct's whole props.
 */

export function clusterNetworkPlanProps(cluster: ClusterConfig, namePrefix: string): ClusterNetworkPlanProps {
  return { namePrefix, network: cluster.network };
}

export function clusterProps(
  cluster: ClusterConfig,
  refs: Pick<Ec2CapacityClusterProps, 'clusterName' | 'vpcId' | 'subnetIds' | 'partition' | 'egress' | 'instanceTags'>,
): Ec2CapacityClusterProps {
  return {
    ...refs,
    capacity: cluster.capacity,
    containerInsights: cluster.containerInsights,
    fargate: cluster.services.some((s) => s.launchType === 'fargate'),
    reconciledServices: cluster.services.some((s) => s.oneTaskPerHost === 'reconciled'),
  };
}

/** What a service's props take from the stack rather than from its config. */
export type ServiceRefs = Pick<
  ClusterServiceProps,
  | 'clusterName'
  | 'clusterArn'
  | 'capacityProviderName'
  | 'region'
  | 'partition'
  | 'accountId'
  | 'vpcId'
  | 'subnetIds'
  | 'dependsOn'
>;

export function serviceProps(cluster: ClusterConfig, service: ServiceConfig, refs: ServiceRefs): ClusterServiceProps {
  return {
    ...refs,
    // Without managed scaling nothing needs the capacity provider strategy (see ClusterServiceProps).
    capacityProviderName: cluster.capacity.scaling === 'managed' ? refs.capacityProviderName : undefined,
    serviceName: service.name,
    containers: service.containers.map(asContainerDefinition),
    // A reconciled service starts at the group's initial size; the reconciler owns the count afterwards.
    initialReconciledCount: cluster.capacity.desiredSize ?? cluster.capacity.minSize,
    oneTaskPerHost: service.oneTaskPerHost ?? 'none',
    launchType: service.launchType,
    desiredCount: service.desiredCount,
    cpu: service.cpu,
    memory: service.memory,
    networkMode: service.networkMode,
    logRetentionDays: service.logRetentionDays,
    taskPermissions: service.taskPermissions,
    volumes: service.volumes,
    placement: service.placement,
    deployment: service.deployment,
  };
}

export function reconcilerProps(
  ecs: EcsConfig,
  refs: Pick<DesiredCountReconcilerProps, 'stack' | 'managed' | 'partition' | 'region' | 'accountId'>,
): DesiredCountReconcilerProps {
  return {
    ...refs,
    dryRun: ecs.reconciler.dryRun,
    logRetentionDays: ecs.reconciler.logRetentionDays,
    alarmActions: ecs.reconciler.alarmActions,
  };
}
