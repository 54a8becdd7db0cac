import { estimateTerraform, type CostEstimate } from './estimate';
import type { TerraformResources } from './terraform-json';

/**
 * The monthly cost before and after a change, per stack and in total, for the pull-request review. Its input is what
 * the review has: each side's generated/ folders, by folder name (`ecs`, `sidecar`...), with the parsed `cdk.tf.json`
 * of each. The estimate reads the Terraform alone (region from the AWS provider), the same one the stack READMEs print.
 */
export type GeneratedStacks = Readonly<Record<string, TerraformResources>>;

/** One side of a stack's delta; absent when the stack does not exist on that side. */
export interface CostSide {
  readonly monthlyUsd: number;
  /** Every line priced at the stack's own region's rates: `monthlyUsd` is an estimate, not a lower bound. */
  readonly complete: boolean;
  /** What the total leaves out (not priced, not classified). */
  readonly notPriced: readonly string[];
  /** What is priced at us-east-1 rates because no kept source has the region's. */
  readonly atUsEast1Rates: readonly string[];
  readonly region: string;
}

export interface StackCostDelta {
  readonly stack: string;
  readonly before?: CostSide;
  readonly after?: CostSide;
  /** after - before (a missing side counts as 0). */
  readonly differenceUsd: number;
  /** Both sides present are complete. */
  readonly complete: boolean;
}

export interface CostDelta {
  readonly stacks: readonly StackCostDelta[];
  readonly total: {
    readonly beforeUsd: number;
    readonly afterUsd: number;
    readonly differenceUsd: number;
    readonly complete: boolean;
  };
}

function side(stack: string, json: TerraformResources | undefined): CostSide | undefined {
  if (!json) return undefined;
  const e: CostEstimate = estimateTerraform(stack, json);
  return {
    monthlyUsd: e.monthlyUsd,
    complete: e.complete,
    notPriced: [...e.notPriced, ...e.unclassified.map((t) => `${t}: not classified`)],
    atUsEast1Rates: e.atUsEast1Rates,
    region: e.region,
  };
}

/** Per stack folder (sorted by name) and in total: monthly before, after, the difference, and completeness. */
export function costDelta(base: GeneratedStacks, head: GeneratedStacks): CostDelta {
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  const stacks = names.map((stack): StackCostDelta => {
    const before = side(stack, base[stack]);
    const after = side(stack, head[stack]);
    return {
      stack,
      before,
      after,
      differenceUsd: (after?.monthlyUsd ?? 0) - (before?.monthlyUsd ?? 0),
      complete: (before?.complete ?? true) && (after?.complete ?? true),
    };
  });
  const beforeUsd = stacks.reduce((s, d) => s + (d.before?.monthlyUsd ?? 0), 0);
  const afterUsd = stacks.reduce((s, d) => s + (d.after?.monthlyUsd ?? 0), 0);
  return {
    stacks,
    total: { beforeUsd, afterUsd, differenceUsd: afterUsd - beforeUsd, complete: stacks.every((d) => d.complete) },
  };
}
