import { estimateTerraform, type CostEstimate } from '../pricing/estimate';
import type { TerraformDocument } from '../terraform/json/document';

/** A stack's monthly estimate before and after, in USD: 0 for a side without the stack. */
export interface CostDelta {
  readonly before: number;
  readonly after: number;
  /** after - before. */
  readonly delta: number;
  /** What a side's figure leaves out or prices at another region's rates: the figure is then a lower bound. */
  readonly note?: string;
}

/**
 * The monthly estimate of src/pricing on both sides of one stack folder: the one the stack READMEs print, read from
 * the Terraform alone (region from the AWS provider; the folder's last segment names the stack's usage assumptions).
 */
export function costDelta(folder: string, base?: TerraformDocument, head?: TerraformDocument): CostDelta {
  const stack = folder.split('/').pop() ?? folder;
  const estimate = (doc?: TerraformDocument) => (doc ? estimateTerraform(stack, doc) : undefined);
  const [b, h] = [estimate(base), estimate(head)];
  const before = round(b?.monthlyUsd ?? 0);
  const after = round(h?.monthlyUsd ?? 0);
  const note = [gaps('before', b), gaps('after', h)].filter(Boolean).join('; ');
  return { before, after, delta: round(after - before), ...(note ? { note } : {}) };
}

function gaps(side: string, e: CostEstimate | undefined): string | undefined {
  if (!e || e.complete) return undefined;
  const left = [...e.notPriced, ...e.unclassified.map((t) => `${t}: not classified`)];
  const rates =
    e.atUsEast1Rates.length > 0 ? [`${e.atUsEast1Rates.join(', ')} at us-east-1 rates, not ${e.region}'s`] : [];
  return `${side} is at least this (${[...left, ...rates].join('; ')})`;
}

/** Cents: the estimate's own precision is far coarser, and the report must not print float noise. */
function round(usd: number): number {
  return Math.round(usd * 100) / 100;
}
