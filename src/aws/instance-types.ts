import table from './data/ec2-instances.json';

/**
 * EC2 instance-type facts from ./data/ec2-instances.json, which scripts/ec2-instance-table.ts generates from two
 * maintained, committed tables (kubernetes/autoscaler's instance specs, aws/karpenter-provider-aws's on-demand
 * prices); the file's `source` names both, their commits and the dates their data was generated. The config accepts
 * any string shaped like an instance type, so this table decides what can be checked and priced: a type it does not
 * hold is not refused, and the cost estimate names it as not priced.
 */
export interface InstanceFacts {
  readonly vcpu?: number;
  /** Installed memory in MiB, as EC2 advertises it (ECS registers less for tasks). */
  readonly memoryMiB?: number;
  readonly architecture?: 'x86_64' | 'arm64';
  /** On-demand Linux, shared tenancy, USD per hour, by region: only the regions the source covers. */
  readonly usdPerHour: Readonly<Record<string, number>>;
}

const INSTANCES = table.instances as Readonly<Record<string, InstanceFacts>>;

/** Where the table's figures come from, for READMEs and notes. */
export const INSTANCE_TABLE_SOURCE = table.source;

/** The facts for an instance type, when the table holds it. */
export function instanceFacts(instanceType: string): InstanceFacts | undefined {
  return Object.hasOwn(INSTANCES, instanceType) ? INSTANCES[instanceType] : undefined;
}

/** The on-demand Linux price per hour of a type in a region, when the table holds one. */
export function instanceHourlyUsd(instanceType: string, region: string): number | undefined {
  return instanceFacts(instanceType)?.usdPerHour[region];
}

/** The regions with any instance price in the table, sorted. */
export const INSTANCE_PRICE_REGIONS: readonly string[] = [
  ...new Set(table.source.prices.files.flatMap((f) => f.regions)),
].sort();

/** Graviton families carry a `g` in their attribute letters (t4g, c7gn, is4gen), plus the first one, a1. */
export function isGravitonInstanceType(instanceType: string): boolean {
  const family = instanceType.split('.')[0] ?? '';
  if (family === 'a1') return true;
  const m = /^[a-z]+\d+([a-z]*)(-[a-z]+)?$/.exec(family);
  return m !== null && (m[1] ?? '').includes('g');
}
