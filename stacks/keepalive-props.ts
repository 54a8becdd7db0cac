import type { KeepaliveConfig } from '../src/keepalive/config';
import type { KeepaliveBenchmarkProps } from '../src/keepalive/keepalive-benchmark';

/**
 * The keep-alive stack's config -> construct props mapping (the only place that reads `stacks.keepalive` for the
 * constructs). The section's fields are the props' fields (src/keepalive/config.ts checks they agree), each with its
 * default filled in by the schema, so they pass as they are.
 */
export function keepaliveBenchmarkProps(k: KeepaliveConfig): KeepaliveBenchmarkProps {
  return { ...k };
}
