import { cpuArchitectures, type CpuArchitecture, sidecarVariantTable } from '@stackwright/generator';

/** One endpoint to measure: a local variant's nginx, or a deployment behind the load balancer. */
export interface BenchTarget {
  /** How the target is reported: `tcp` locally, `tcp-x86_64` for a deployment (the stack's output keys). */
  readonly name: string;
  readonly url: URL;
  /** The variant the name shows (`tcp-arm64` -> tcp), if it shows one. */
  readonly variant?: string;
  /** The architecture the name shows (`tcp-arm64` -> ARM64), if it shows one. */
  readonly architecture?: CpuArchitecture;
}

/** Reads variant and architecture out of a name such as `sharedvol`, `sharedvol-x86_64` or `combined-arm64`. */
export function describeName(name: string): Pick<BenchTarget, 'variant' | 'architecture'> {
  const [first, ...rest] = name.split('-');
  const spec = sidecarVariantTable.find((v) => v.name === first || (v.aliases ?? []).includes(first!));
  if (!spec) return {};
  const variant = spec.name;
  const archPart = rest.join('-').toUpperCase();
  const architecture = cpuArchitectures.find((a) => a === archPart || (archPart === 'AMD64' && a === 'X86_64'));
  return { variant, ...(architecture ? { architecture } : {}) };
}

export function benchTarget(name: string, url: URL): BenchTarget {
  return { name, url, ...describeName(name) };
}
