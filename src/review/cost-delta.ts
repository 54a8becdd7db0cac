import type { StackwrightConfig } from '../config/schema';
import { estimateStack } from '../pricing/cost-section';
import type { TerraformDocument } from '../terraform/json/document';

/** A stack's monthly estimate before and after, in USD: 0 for a side without the stack, null when not priceable. */
export interface CostDelta {
  readonly before: number | null;
  readonly after: number | null;
  /** after - before; null when either side could not be priced. */
  readonly delta: number | null;
  /** Why a side could not be priced (its config could not be read). */
  readonly note?: string;
}

/** One side of the review: its stack's document and the config that made it (needed for usage assumptions). */
export interface CostSide {
  readonly doc?: TerraformDocument;
  readonly config?: StackwrightConfig;
  /** Why `config` is missing (e.g. the base's config does not parse with this version). */
  readonly configProblem?: string;
}

/** The monthly estimate of src/pricing on both sides of one stack. */
export function costDelta(stack: string, base: CostSide, head: CostSide): CostDelta {
  const monthly = (side: CostSide): number | null => {
    if (!side.doc) return 0;
    if (!side.config) return null;
    return round(estimateStack(stack, side.config, side.doc).monthlyUsd);
  };
  const before = monthly(base);
  const after = monthly(head);
  const note = [base, head]
    .filter((s) => s.doc && !s.config)
    .map((s) => s.configProblem ?? 'no config')
    .join('; ');
  return {
    before,
    after,
    delta: before === null || after === null ? null : round(after - before),
    ...(note ? { note } : {}),
  };
}

/** Cents: the estimate's own precision is far coarser, and the report must not print float noise. */
function round(usd: number): number {
  return Math.round(usd * 100) / 100;
}
