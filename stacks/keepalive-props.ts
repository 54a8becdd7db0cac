import type { KeepaliveConfig } from '../src/keepalive/config';
import type { KeepaliveBenchmarkProps } from '../src/keepalive/keepalive-benchmark';
import type { Agree, Same, SharedFieldsAgree } from '../src/core/type-agreement';

/**
 * The keep-alive stack's config -> construct props mapping (the only place that reads `stacks.keepalive` for the
 * constructs). The section's fields are the props' fields (checked below), each with its
 * default filled in by the schema, so they pass as they are.
 */
export function keepaliveBenchmarkProps(k: KeepaliveConfig): KeepaliveBenchmarkProps {
  return { ...k };
}

/** The section holds exactly the benchmark's props: tsc fails here when they drift (see src/core/type-agreement.ts). */
export type KeepaliveFieldsAgree = Agree<SharedFieldsAgree<KeepaliveConfig, KeepaliveBenchmarkProps>>;
export type KeepaliveFieldsMatch = Agree<Same<keyof KeepaliveConfig, keyof KeepaliveBenchmarkProps>>;
