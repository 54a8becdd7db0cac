import { z } from 'zod';
import { logRetention } from '../config/common';
import { keepaliveVariantIds, nodeRuntimes, pythonRuntimes } from './variants';

/**
 * Config section `stacks.keepalive`: the Lambda keep-alive benchmark (a DynamoDB table and one function per
 * language and keep-alive setting, each behind an IAM-authenticated function URL).
 */
export const keepaliveConfigSchema = z
  .strictObject({
    /** Which functions to deploy: python-on, python-off, node-on, node-off (all four by default). */
    variants: z
      .array(z.enum(keepaliveVariantIds))
      .min(1, 'name at least one variant')
      .default([...keepaliveVariantIds]),
    /** Python runtime of the python-* functions; the newest Lambda offers by default. */
    pythonRuntime: z.enum(pythonRuntimes).default(pythonRuntimes[0]),
    /** Node.js runtime of the node-* functions; the newest Lambda offers by default. */
    nodeRuntime: z.enum(nodeRuntimes).default(nodeRuntimes[0]),
    /** Instruction set of every function. Lambda's default, as in the original experiment. */
    architecture: z.enum(['x86_64', 'arm64']).default('x86_64'),
    /** Memory of every function in MiB (CPU share grows with it). 128 is Lambda's default. */
    memorySize: z.number().int().min(128).max(10240).default(128),
    /** Function timeout in seconds; a put takes milliseconds, a cold start about a second. */
    timeoutSeconds: z.number().int().min(1).max(60).default(10),
    /** Retention of each function's log group, in days. */
    logRetentionDays: logRetention.default(14),
    /** The table is named `<name>-<tableNameSuffix>`. */
    tableNameSuffix: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lowercase letters, digits, dots, dashes and underscores, at most 100')
      .default('keepalive-posts'),
    /** Benchmark items expire (DynamoDB TTL) this many hours after they are written. */
    itemTtlHours: z.number().int().min(1).max(8760).default(24),
    /** Protect the table from `terraform destroy`. Off: it only holds expiring benchmark items. */
    deletionProtection: z.boolean().default(false),
  })
  .superRefine((k, ctx) => {
    const seen = new Set<string>();
    k.variants.forEach((v, i) => {
      if (seen.has(v)) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i],
          message: `variant ${v} is listed twice`,
          params: { allowed: `each of ${keepaliveVariantIds.join(', ')} at most once` },
        });
      }
      seen.add(v);
    });
  });

export type KeepaliveConfig = z.infer<typeof keepaliveConfigSchema>;
