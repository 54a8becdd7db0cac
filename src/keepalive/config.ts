import { z } from 'zod';
import { logRetention } from '../config/common';
import { keepaliveVariantIds, nodeRuntimes, pythonRuntimes } from './variants';

/**
 * Config section `stacks.keepalive`: the Lambda keep-alive benchmark (a DynamoDB table and one function per
 * language and keep-alive setting, each behind an IAM-authenticated function URL). Every field maps onto the
 * KeepaliveBenchmarkProps field of the same name, which documents it; stacks/keepalive-props.ts has tsc hold the two
 * in agreement.
 */
export const keepaliveConfigSchema = z
  .strictObject({
    /** All four by default. */
    variants: z
      .array(z.enum(keepaliveVariantIds))
      .min(1, 'name at least one variant')
      .default([...keepaliveVariantIds]),
    pythonRuntime: z.enum(pythonRuntimes).default(pythonRuntimes[0]),
    nodeRuntime: z.enum(nodeRuntimes).default(nodeRuntimes[0]),
    architecture: z.enum(['x86_64', 'arm64']).default('x86_64'),
    memorySize: z.number().int().min(128).max(10240).default(128),
    timeoutSeconds: z.number().int().min(1).max(60).default(10),
    logRetentionDays: logRetention.default(14),
    /** `<environment>` is the config's `name`. */
    tableNameSuffix: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lowercase letters, digits, dots, dashes and underscores, at most 100')
      .default('keepalive-posts'),
    itemTtlHours: z.number().int().min(1).max(8760).default(24),
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
