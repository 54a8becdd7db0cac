import type { Ec2CapacityOptions } from './ec2-capacity-options';
import type { CreatedClusterNetwork, ExistingClusterNetwork } from './network';
import type { ServicePlacement } from './placement';
import type { ClusterServiceProps, OneTaskPerHost } from './service-props';

/**
 * One ECS service as the cross-field rules in ./service-rules.ts read it: derived from ClusterServiceProps (each field
 * means what the prop of the same name does), with the defaults that matter to the rules filled in. The config's
 * service has this shape too, so the schema and the construct run the same rules.
 */
export type ServiceShape = Pick<
  ClusterServiceProps,
  'desiredCount' | 'cpu' | 'memory' | 'networkMode' | 'containers'
> & {
  /** The service's name (the props' `serviceName`). */
  readonly name: ClusterServiceProps['serviceName'];
  /**
   * daemon or reconciled.
   * @default an ordinary REPLICA service
   */
  readonly oneTaskPerHost?: Exclude<OneTaskPerHost, 'none'>;
} & Required<Pick<ClusterServiceProps, 'launchType' | 'volumes' | 'deployment'>> & {
    /** Placement strategies and constraints, both lists present. */
    readonly placement: Required<ServicePlacement>;
  };

/** What the cluster rules read of a cluster: its capacity (see Ec2CapacityOptions) and its network. */
export interface ClusterShape {
  /** The Auto Scaling group's size and instances. */
  readonly capacity: Pick<Required<Ec2CapacityOptions>, 'minSize' | 'maxSize' | 'instanceType' | 'architecture'> &
    Pick<Ec2CapacityOptions, 'desiredSize'>;
  /**
   * A created network, or the subnets of an existing one.
   * @default not checked (Ec2Capacity is given subnet ids, which its caller checks)
   */
  readonly network?: Pick<CreatedClusterNetwork, 'type'> | Pick<ExistingClusterNetwork, 'type' | 'subnetIds'>;
}

/** ClusterServiceProps as the cross-field rules read them: the shape's name, and its defaults filled in. */
export function serviceShapeOf(props: ClusterServiceProps): ServiceShape {
  const mode = props.oneTaskPerHost ?? 'none';
  return {
    ...props,
    name: props.serviceName,
    oneTaskPerHost: mode === 'none' ? undefined : mode,
    launchType: props.launchType ?? 'ec2',
    volumes: props.volumes ?? [],
    placement: { strategies: props.placement?.strategies ?? [], constraints: props.placement?.constraints ?? [] },
    deployment: props.deployment ?? {},
  };
}
