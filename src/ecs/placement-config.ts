import { z } from 'zod';
import { MAX_EXPRESSION_LENGTH } from './placement';

/**
 * A placement strategy as written in config. The field is checked against the type in `placementIssues` (./placement.ts) rather than
 * with a union, so a mistake is reported as "binpack cannot use field host (cpu, memory)" instead of a union dump.
 */
export const placementStrategySchema = z.strictObject({
  type: z.enum(['binpack', 'random', 'spread']),
  /** binpack: cpu or memory; spread: instanceId, host or attribute:<name>; random: none. */
  field: z.string().min(1).optional(),
});

export const placementConstraintSchema = z.strictObject({
  type: z.enum(['distinctInstance', 'memberOf']),
  /** Cluster query language expression (memberOf only), e.g. `attribute:ecs.instance-type =~ t3.*`. */
  expression: z.string().min(1).max(MAX_EXPRESSION_LENGTH).optional(),
});

export const placementSchema = z.strictObject({
  strategies: z.array(placementStrategySchema).default([]),
  constraints: z.array(placementConstraintSchema).default([]),
});

export type PlacementStrategyConfig = z.infer<typeof placementStrategySchema>;
export type PlacementConstraintConfig = z.infer<typeof placementConstraintSchema>;
export type PlacementConfig = z.infer<typeof placementSchema>;
