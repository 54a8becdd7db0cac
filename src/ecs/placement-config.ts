import { z } from 'zod';
import { MAX_EXPRESSION_LENGTH, PLACEMENT_CONSTRAINT_TYPES, PLACEMENT_STRATEGY_TYPES } from './placement';

/**
 * Placement as written in config: the fields of ServicePlacement (./placement.ts, where they are documented). A
 * strategy's field is checked against its type in `placementIssues` rather than with a union, so a mistake is
 * reported as "binpack cannot use field host (cpu, memory)" instead of a union dump.
 */
export const placementStrategySchema = z.strictObject({
  type: z.enum(PLACEMENT_STRATEGY_TYPES),
  field: z.string().min(1).optional(),
});

export const placementConstraintSchema = z.strictObject({
  type: z.enum(PLACEMENT_CONSTRAINT_TYPES),
  expression: z.string().min(1).max(MAX_EXPRESSION_LENGTH).optional(),
});

export const placementSchema = z.strictObject({
  strategies: z.array(placementStrategySchema).default([]),
  constraints: z.array(placementConstraintSchema).default([]),
});

export type PlacementStrategyConfig = z.infer<typeof placementStrategySchema>;
export type PlacementConstraintConfig = z.infer<typeof placementConstraintSchema>;
export type PlacementConfig = z.infer<typeof placementSchema>;
