import type { StackwrightConfig } from '../config/schema';
import type { ReadmeSection } from '../core/stackwright-stack';
import { PRICES } from './prices';
import { RESOURCE_BILLING, type CostLine } from './resource-billing';
import { resourcesOf, resourceTypes, type TerraformResources } from './terraform-json';
import { usageFor } from './stack-usage';

export interface CostEstimate {
  readonly lines: readonly CostLine[];
  /** Resource types with no billing decision in RESOURCE_BILLING. */
  readonly unclassified: readonly string[];
  readonly monthlyUsd: number;
  /** What the stack costs per hour it exists (hourly-billed items only). */
  readonly hourlyUsd: number;
}

/** Prices every billable resource of a synthesized stack. */
export function estimateStack(stack: string, config: StackwrightConfig, json: TerraformResources): CostEstimate {
  const usage = usageFor(stack, config);
  const lines: CostLine[] = [];
  const unclassified: string[] = [];
  for (const type of resourceTypes(json)) {
    const billing = RESOURCE_BILLING[type];
    if (!billing) unclassified.push(type);
    else if (billing.billable)
      for (const r of resourcesOf(json, type)) lines.push(...billing.estimate(r, { json, usage }));
  }
  const usd = (l: CostLine, q: number) => (l.priceId ? PRICES[l.priceId].usd * q : 0);
  return {
    lines,
    unclassified,
    monthlyUsd: lines.reduce((s, l) => s + usd(l, l.monthly), 0),
    hourlyUsd: lines.reduce((s, l) => s + usd(l, l.hourly ?? 0), 0),
  };
}

const money = (usd: number) => (usd === 0 ? '$0.00' : usd < 0.01 ? '< $0.01' : `$${usd.toFixed(2)}`);

/** The README's `Estimated cost` section. */
export function costSection(stack: string, config: StackwrightConfig, json: TerraformResources): ReadmeSection {
  const e = estimateStack(stack, config, json);
  const usage = usageFor(stack, config);
  const rows = e.lines.map((l) => {
    const p = l.priceId ? PRICES[l.priceId] : undefined;
    const price = p ? `$${p.usd} per ${p.per}${p.confirmed ? '' : ' †'}` : 'no price in the table';
    return `| \`${l.resourceType}\` ${l.resource} | ${l.item} | ${price} | ${p ? money(p.usd * l.monthly) : '?'} |`;
  });
  const unconfirmed = e.lines.some((l) => l.priceId && !PRICES[l.priceId].confirmed);
  const unpriced = e.lines.filter((l) => !l.priceId).length;
  const body = [
    e.lines.length === 0
      ? 'Nothing this stack creates is billed by AWS.'
      : `**About ${money(e.monthlyUsd)} a month; ${money(e.hourlyUsd)} for each hour it is deployed** (hourly-billed items only).`,
    '',
    ...(e.lines.length > 0
      ? ['| resource | item (a month) | price | per month |', '| --- | --- | --- | --- |', ...rows, '']
      : []),
    'Assumptions:',
    ...usage.notes.map((n) => `- ${n}.`),
    ...(config.aws.region === 'us-east-1' ? [] : [`- prices are us-east-1's; \`${config.aws.region}\` differs.`]),
    '',
    'Prices come from `src/pricing/prices.ts` (each with its AWS pricing page, where it was read, and the date).',
    ...(unconfirmed
      ? ['† A price no source at hand could confirm: check it on the AWS pricing page before relying on it.']
      : []),
    ...(unpriced > 0 ? [`${unpriced} item(s) have no price and are left out of the total.`] : []),
    ...(e.unclassified.length > 0
      ? [
          `Not classified (add to \`src/pricing/resource-billing.ts\`): ${e.unclassified.map((t) => `\`${t}\``).join(', ')}.`,
        ]
      : []),
  ];
  return { heading: 'Estimated cost', body: body.join('\n') };
}
