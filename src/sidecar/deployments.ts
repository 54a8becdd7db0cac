import { sidecarVariantTable, type SidecarVariantTable } from './variants';

/**
 * The sidecar experiment's second dimension, the CPU architecture a task runs on, and its deployments: one variant
 * on one architecture. The config, the constructs and the benchmark outputs name a deployment by these two values.
 */

/** ECS `runtime_platform.cpu_architecture` values. */
export const cpuArchitectures = ['X86_64', 'ARM64'] as const;
export type CpuArchitecture = (typeof cpuArchitectures)[number];

/** The docker platform an image must be built for to run on the architecture. */
export const dockerPlatform: { readonly [A in CpuArchitecture]: string } = {
  X86_64: 'linux/amd64',
  ARM64: 'linux/arm64',
};

/** One deployed variant on one architecture: one ECS service, task definition, target group and route. */
export interface Deployment<V extends string = string> {
  readonly variant: V;
  readonly architecture: CpuArchitecture;
}

/** `tcp-x86_64`: the deployment's key in outputs, path prefixes, service and log names. */
export function deploymentKey(d: Deployment): string {
  return `${d.variant}-${d.architecture.toLowerCase()}`;
}

/** The URL path prefix the ALB routes to this deployment (the app answers on any path). */
export function pathPrefix(d: Deployment): string {
  return `/${deploymentKey(d)}/`;
}

/** Every selected variant on every selected architecture, in a fixed order (the table's variants first, as in the post). */
export function deploymentsOf<V extends string>(
  variants: readonly V[],
  architectures: readonly CpuArchitecture[],
  table: SidecarVariantTable = sidecarVariantTable,
): Deployment<V>[] {
  const out: Deployment<V>[] = [];
  for (const { name } of table) {
    const variant = variants.find((v) => v === name);
    if (variant === undefined) continue;
    for (const architecture of cpuArchitectures)
      if (architectures.includes(architecture)) out.push({ variant, architecture });
  }
  return out;
}

/**
 * The deployment's ALB listener rule priority: fixed per variant (its place in the table) and architecture, so
 * selecting fewer deployments never renumbers the others.
 */
export function rulePriorityOf(d: Deployment, table: SidecarVariantTable = sidecarVariantTable): number {
  const index = table.findIndex((v) => v.name === d.variant);
  if (index < 0) throw new Error(`unknown sidecar variant "${d.variant}"`);
  return 100 + 10 * index + cpuArchitectures.indexOf(d.architecture);
}
