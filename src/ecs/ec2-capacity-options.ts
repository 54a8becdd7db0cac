export const ARCHITECTURES = ['x86_64', 'arm64'] as const;
export const CAPACITY_SCALINGS = ['managed', 'memoryReservation'] as const;
export type CapacityScaling = (typeof CAPACITY_SCALINGS)[number];

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
  readonly architecture?: (typeof ARCHITECTURES)[number];
  /**
   * How the Auto Scaling group is sized. `managed`: the capacity provider's managed scaling, from an empty group (see
   * ./scaling-rules.ts for why it cannot hold reconciled services). `memoryReservation`: no managed scaling; the
   * group's own target-tracking policy on the cluster's MemoryReservation metric.
   * @default 'managed'
   */
  readonly scaling?: CapacityScaling;
  /**
   * Must be 0 with managed scaling (the group is created empty); at least 1 with memoryReservation.
   * @default 0 with managed scaling, 1 with memoryReservation
   */
  readonly minSize?: number;
  /**
   * @default 3
   */
  readonly maxSize?: number;
  /**
   * Instances at creation (memoryReservation only; a managed group starts empty); afterwards the scaling owns it.
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
   * answer; bridge-mode containers are one hop further (and blocked by iptables in any case, see ecsUserData).
   * @default 1
   */
  readonly imdsHopLimit?: 1 | 2;
  /**
   * The scaling's target: CapacityProviderReservation under managed scaling, the cluster's MemoryReservation under
   * memoryReservation (below 100 there: a reservation never exceeds 100%, so the group would never grow).
   * @default 100 with managed scaling, 75 with memoryReservation
   */
  readonly targetCapacityPercent?: number;
  /**
   * Attach AmazonSSMManagedInstanceCore so instances are reachable with Session Manager (no SSH, no ingress).
   * @default false
   */
  readonly sessionManager?: boolean;
}

/** The defaults that depend on the scaling. */
export const SCALING_DEFAULTS = {
  managed: { minSize: 0, targetCapacityPercent: 100 },
  memoryReservation: { minSize: 1, targetCapacityPercent: 75 },
} as const satisfies Record<CapacityScaling, { minSize: number; targetCapacityPercent: number }>;

/** The options with every default filled in. */
export function capacityWithDefaults(o: Ec2CapacityOptions): Required<Ec2CapacityOptions> {
  const scaling = o.scaling ?? 'managed';
  const minSize = o.minSize ?? SCALING_DEFAULTS[scaling].minSize;
  return {
    scaling,
    instanceType: o.instanceType ?? 't3.small',
    architecture: o.architecture ?? 'x86_64',
    minSize,
    maxSize: o.maxSize ?? 3,
    desiredSize: o.desiredSize ?? minSize,
    rootVolumeGiB: o.rootVolumeGiB ?? 30,
    imdsHopLimit: o.imdsHopLimit ?? 1,
    targetCapacityPercent: o.targetCapacityPercent ?? SCALING_DEFAULTS[scaling].targetCapacityPercent,
    sessionManager: o.sessionManager ?? false,
  };
}
