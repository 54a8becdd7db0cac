import type { KeepaliveConfig } from '../src/keepalive/config';
import type { KeepaliveBenchmarkProps } from '../src/keepalive/keepalive-benchmark';

/**
 * The keep-alive stack's config -> construct props mapping (the only place that reads `stacks.keepalive` for the
 * constructs). The schema has filled in every default, so each prop is given explicitly.
 */
export function keepaliveBenchmarkProps(k: KeepaliveConfig): KeepaliveBenchmarkProps {
  return {
    variants: k.variants,
    pythonRuntime: k.pythonRuntime,
    nodeRuntime: k.nodeRuntime,
    architecture: k.architecture,
    memorySize: k.memorySize,
    timeoutSeconds: k.timeoutSeconds,
    logRetentionDays: k.logRetentionDays,
    tableNameSuffix: k.tableNameSuffix,
    itemTtlHours: k.itemTtlHours,
    deletionProtection: k.deletionProtection,
  };
}
