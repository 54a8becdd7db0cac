import type {
  CapacityConfig,
  ClusterConfig,
  EcsConfig,
  NetworkConfig,
  ReconcilerConfig,
  ServiceConfig,
} from '../src/ecs/config';
import type { Agree, Same, SharedFieldsAgree, ValueShape } from '../src/core/type-agreement';
import type { Ec2CapacityOptions } from '../src/ecs/ec2-capacity-options';
import { asContainerDefinition } from '../src/ecs/container-config';
import type { Ec2CapacityClusterProps } from '../src/ecs/cluster';
import type { ClusterNetworkPlanProps, CreatedClusterNetwork, ExistingClusterNetwork } from '../src/ecs/network';
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
  // The fields the config and the props both name pass as they are (checked at the end of this file); the
  // others are mapped here.
  const { name, containers, oneTaskPerHost, ...same } = service;
  return {
    ...refs,
    ...same,
    // Without managed scaling nothing needs the capacity provider strategy (see ClusterServiceProps).
    capacityProviderName: cluster.capacity.scaling === 'managed' ? refs.capacityProviderName : undefined,
    serviceName: name,
    containers: containers.map(asContainerDefinition),
    // A reconciled service starts at the group's initial size; the reconciler owns the count afterwards.
    initialReconciledCount: cluster.capacity.desiredSize ?? cluster.capacity.minSize,
    oneTaskPerHost: oneTaskPerHost ?? 'none',
  };
}

export function reconcilerProps(
  ecs: EcsConfig,
  refs: Pick<DesiredCountReconcilerProps, 'stack' | 'managed' | 'partition' | 'region' | 'accountId'>,
): DesiredCountReconcilerProps {
  return { ...refs, ...ecs.reconciler };
}

// The config and the props hold the same values in every field they both name: tsc fails here when they drift (see
// src/core/type-agreement.ts). The fields left out are converted above: a service's containers
// (asContainerDefinition) and its oneTaskPerHost (absent -> 'none'), and a cluster's capacity (checked on its own).
export type ServiceFieldsAgree = Agree<
  SharedFieldsAgree<ServiceConfig, ClusterServiceProps, 'containers' | 'oneTaskPerHost'>
>;
export type OneTaskPerHostAgrees = Agree<
  Same<NonNullable<ServiceConfig['oneTaskPerHost']>, Exclude<ClusterServiceProps['oneTaskPerHost'], 'none' | undefined>>
>;
export type CapacityFieldsAgree = Agree<SharedFieldsAgree<CapacityConfig, Required<Ec2CapacityOptions>>>;
export type ClusterFieldsAgree = Agree<SharedFieldsAgree<ClusterConfig, Ec2CapacityClusterProps, 'capacity'>>;
export type NetworkAgrees = Agree<
  Same<ValueShape<NetworkConfig>, ValueShape<CreatedClusterNetwork | ExistingClusterNetwork>>
>;
export type ReconcilerFieldsAgree = Agree<SharedFieldsAgree<ReconcilerConfig, DesiredCountReconcilerProps>>;
