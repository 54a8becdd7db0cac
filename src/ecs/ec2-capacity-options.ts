/** The instances and how many of them: what a cluster's capacity can be told. */
export interface Ec2CapacityOptions {
  /**
   * EC2 instance type; must match `architecture` (Graviton types are arm64).
   * @default 't3.small'
   */
  readonly instanceType?: string;
  /**
   * Picks the ECS-optimized AMI variant.
   * @default 'x86_64'
   */
  readonly architecture?: 'x86_64' | 'arm64';
  /**
   * @default 1
   */
  readonly minSize?: number;
  /**
   * @default 3
   */
  readonly maxSize?: number;
  /**
   * Instances at creation; afterwards the capacity provider's managed scaling owns the group's size.
   * @default minSize
   */
  readonly desiredSize?: number;
  /**
   * Root volume size; the ECS-optimized AL2023 AMI's snapshot is 30 GiB, so it cannot be smaller.
   * @default 30
   */
  readonly rootVolumeGiB?: number;
  /**
   * IMDSv2 response hop limit. 1: only the instance's own network namespace (the ECS agent, host-mode tasks) gets an
   * answer; bridge-mode containers are one hop further.
   * @default 1
   */
  readonly imdsHopLimit?: 1 | 2;
  /**
   * Managed scaling keeps reserved capacity at this percentage of the instances.
   * @default 100
   */
  readonly targetCapacityPercent?: number;
  /**
   * Attach AmazonSSMManagedInstanceCore so instances are reachable with Session Manager (no SSH, no ingress).
   * @default false
   */
  readonly sessionManager?: boolean;
}

/** The options with every default filled in. */
export function capacityWithDefaults(o: Ec2CapacityOptions): Required<Ec2CapacityOptions> {
  const minSize = o.minSize ?? 1;
  return {
    instanceType: o.instanceType ?? 't3.small',
    architecture: o.architecture ?? 'x86_64',
    minSize,
    maxSize: o.maxSize ?? 3,
    desiredSize: o.desiredSize ?? minSize,
    rootVolumeGiB: o.rootVolumeGiB ?? 30,
    imdsHopLimit: o.imdsHopLimit ?? 1,
    targetCapacityPercent: o.targetCapacityPercent ?? 100,
    sessionManager: o.sessionManager ?? false,
  };
}
