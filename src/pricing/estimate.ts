import { instanceFacts, instanceHourlyUsd } from '../aws/instance-types';
import { regionOf, usageFor } from './assumptions';
import { PRICES } from './prices';
import { RESOURCE_BILLING, type CostLine } from './resource-billing';
import { resourcesOf, resourceTypes, type TerraformResources } from './terraform-json';
import type { UsageAssumptions } from './usage';

/** The rate a line is priced at, and how far it can be trusted. */
export interface Rate {
  readonly usd: number;
  readonly per: string;
  /** The region the figure is for: the stack's, or us-east-1 where no kept source has the stack's. */
  readonly region: string;
  /** False: no source at hand confirmed the figure (prices.ts says so). */
  readonly confirmed: boolean;
}

export interface PricedLine extends CostLine {
  /** Undefined: billable but not priced (an instance type the table lacks); the headline says "at least". */
  readonly rate?: Rate;
}

export interface CostEstimate {
  readonly region: string;
  readonly lines: readonly PricedLine[];
  /** Resource types with no billing decision in RESOURCE_BILLING. */
  readonly unclassified: readonly string[];
  readonly monthlyUsd: number;
  /** What the stack costs per hour it exists (hourly-billed items only). */
  readonly hourlyUsd: number;
  /** Every line priced, in the stack's own region: the total is an estimate, not a lower bound. */
  readonly complete: boolean;
  /** What is left out of the total, one phrase each (e.g. "2 x m9z.large: not in the instance table"). */
  readonly notPriced: readonly string[];
  /** What is priced at us-east-1 rates because no kept source has the stack's region's (empty in us-east-1). */
  readonly atUsEast1Rates: readonly string[];
  readonly usage: UsageAssumptions;
}

function rateOf(line: CostLine, region: string): Rate | undefined {
  if (line.instanceType !== undefined) {
    const here = instanceHourlyUsd(line.instanceType, region);
    if (here !== undefined) return { usd: here, per: 'instance-hour', region, confirmed: true };
    const east = instanceHourlyUsd(line.instanceType, 'us-east-1');
    return east === undefined ? undefined : { usd: east, per: 'instance-hour', region: 'us-east-1', confirmed: true };
  }
  if (!line.priceId) return undefined;
  const p = PRICES[line.priceId];
  // prices.ts holds us-east-1 figures only: elsewhere they are us-east-1 rates, and the estimate says so.
  return { usd: p.usd, per: p.per, region: 'us-east-1', confirmed: p.confirmed };
}

function whyNotPriced(line: CostLine): string {
  if (line.instanceType !== undefined)
    return instanceFacts(line.instanceType)
      ? `${line.item}: the instance table has no on-demand price for ${line.instanceType}`
      : `${line.item}: ${line.instanceType} is not in the instance table`;
  return `${line.item}: no price in the table`;
}

/**
 * Prices every billable resource of a synthesized stack from its Terraform JSON alone. `stack` is its generated/
 * folder name (it picks the usage assumptions); the region is the AWS provider's (else `fallbackRegion`).
 */
export function estimateTerraform(stack: string, json: TerraformResources, fallbackRegion = 'us-east-1'): CostEstimate {
  const region = regionOf(json, fallbackRegion);
  const usage = usageFor(stack, json);
  const lines: PricedLine[] = [];
  const unclassified: string[] = [];
  for (const type of resourceTypes(json)) {
    const billing = RESOURCE_BILLING[type];
    if (!billing) unclassified.push(type);
    else if (billing.billable)
      for (const r of resourcesOf(json, type))
        for (const l of billing.estimate(r, { json, usage })) lines.push({ ...l, rate: rateOf(l, region) });
  }
  const notPriced = lines.filter((l) => !l.rate).map(whyNotPriced);
  const atUsEast1Rates = [
    ...new Set(
      lines
        .filter((l) => l.rate && l.rate.region !== region && l.rate.usd * l.monthly > 0)
        .map((l) => (l.instanceType !== undefined ? `EC2 ${l.instanceType}` : PRICES[l.priceId!].what)),
    ),
  ].sort();
  const usd = (l: PricedLine, q: number) => (l.rate ? l.rate.usd * q : 0);
  return {
    region,
    lines,
    unclassified,
    monthlyUsd: lines.reduce((s, l) => s + usd(l, l.monthly), 0),
    hourlyUsd: lines.reduce((s, l) => s + usd(l, l.hourly ?? 0), 0),
    complete: notPriced.length === 0 && atUsEast1Rates.length === 0 && unclassified.length === 0,
    notPriced,
    atUsEast1Rates,
    usage,
  };
}
