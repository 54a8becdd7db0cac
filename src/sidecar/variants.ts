/**
 * The sidecar experiment's dimensions: how nginx reaches the app (variant) and the CPU architecture a task runs on.
 * The config, the constructs and the benchmark outputs all name a deployment by these two values.
 */
export const sidecarVariantNames = ['tcp', 'sharedvol', 'combined'] as const;
export type SidecarVariantName = (typeof sidecarVariantNames)[number];

/** ECS `runtime_platform.cpu_architecture` values. */
export const cpuArchitectures = ['X86_64', 'ARM64'] as const;
export type CpuArchitecture = (typeof cpuArchitectures)[number];

/** The docker platform an image must be built for to run on the architecture. */
export const dockerPlatform: { readonly [A in CpuArchitecture]: string } = {
  X86_64: 'linux/amd64',
  ARM64: 'linux/arm64',
};

/** One deployed variant on one architecture: one ECS service, task definition, target group and route. */
export interface Deployment {
  readonly variant: SidecarVariantName;
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

/** Every selected variant on every selected architecture, in a fixed order (variants first, as in the post). */
export function deploymentsOf(
  variants: readonly SidecarVariantName[],
  architectures: readonly CpuArchitecture[],
): Deployment[] {
  const out: Deployment[] = [];
  for (const variant of sidecarVariantNames) {
    if (!variants.includes(variant)) continue;
    for (const architecture of cpuArchitectures)
      if (architectures.includes(architecture)) out.push({ variant, architecture });
  }
  return out;
}
