import type { CpuArchitecture, SidecarVariantName } from '@stackwright/generator';

/** One figure set the post published for a variant (`ab -n 1000 -c 1 -l`); what it did not publish is absent. */
export interface PublishedFigures {
  readonly requestsPerSecond: number;
  readonly timePerRequestMs?: number;
  /** ab's table: whole milliseconds. */
  readonly p99Ms?: number;
}

/** Where the post measured: Docker Desktop on the author's machine, or Fargate behind an ALB from CloudShell. */
export const publishedEnvironments = {
  local: 'the post, Docker Desktop (local)',
  X86_64: 'the post, AWS Fargate x86_64',
  ARM64: 'the post, AWS Fargate arm64',
} as const;
export type PublishedEnvironment = keyof typeof publishedEnvironments;

/**
 * The post's published numbers ("Container-to-Container Communication"); local runs published requests/s only. A
 * partial map: a variant the post did not measure has none.
 */
export const publishedFigures: {
  readonly [E in PublishedEnvironment]: { readonly [V in SidecarVariantName]?: PublishedFigures };
} = {
  local: {
    tcp: { requestsPerSecond: 679.77 },
    sharedvol: { requestsPerSecond: 715.62 },
    combined: { requestsPerSecond: 705.55 },
  },
  X86_64: {
    tcp: { requestsPerSecond: 447.57, timePerRequestMs: 2.234, p99Ms: 5 },
    sharedvol: { requestsPerSecond: 394.55, timePerRequestMs: 2.535, p99Ms: 6 },
    combined: { requestsPerSecond: 428.6, timePerRequestMs: 2.333, p99Ms: 4 },
  },
  ARM64: {
    tcp: { requestsPerSecond: 475.03, timePerRequestMs: 2.105, p99Ms: 3 },
    sharedvol: { requestsPerSecond: 451.71, timePerRequestMs: 2.214, p99Ms: 4 },
    combined: { requestsPerSecond: 433.94, timePerRequestMs: 2.304, p99Ms: 4 },
  },
};

/** The published figures to set beside a target: local runs against the post's local ones, deployments by architecture. */
export function publishedFor(
  benchmark: 'local' | 'remote',
  target: { readonly variant?: string; readonly architecture?: CpuArchitecture },
): { readonly environment: PublishedEnvironment; readonly figures: PublishedFigures } | undefined {
  if (!target.variant) return undefined;
  const environment: PublishedEnvironment | undefined = benchmark === 'local' ? 'local' : target.architecture;
  const figures = environment ? figuresOf(environment, target.variant) : undefined;
  return environment && figures ? { environment, figures } : undefined;
}

function figuresOf(environment: PublishedEnvironment, variant: string): PublishedFigures | undefined {
  const byVariant: Readonly<Record<string, PublishedFigures | undefined>> = publishedFigures[environment];
  return byVariant[variant];
}
