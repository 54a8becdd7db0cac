import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { instanceHourlyUsd } from '../../src/aws/instance-types';
import { estimateStack } from '../../src/pricing/cost-section';
import type { TerraformResources } from '../../src/pricing/terraform-json';

const ROOT = join(__dirname, '..', '..');
const config = loadConfig(join(ROOT, 'stackwright.yaml'));
const generated = (stack: string) =>
  JSON.parse(readFileSync(join(ROOT, 'generated', stack, 'cdk.tf.json'), 'utf8')) as TerraformResources;
const readme = (stack: string) => readFileSync(join(ROOT, 'generated', stack, 'README.md'), 'utf8');
const monthlyOf = (e: ReturnType<typeof estimateStack>, type: string, item: RegExp) =>
  e.lines
    .filter((l) => l.resourceType === type && item.test(l.item))
    .reduce((s, l) => s + (l.rate ? l.rate.usd * l.monthly : 0), 0);

describe('cost estimates of the default config, from its Terraform', () => {
  it('ECS: the instances at the desired size, the NAT gateway and its address all month, on top of the reconciler', () => {
    const e = estimateStack('ecs', config, generated('ecs'));
    const hosts =
      config.stacks.ecs!.clusters[0].capacity.desiredSize ?? config.stacks.ecs!.clusters[0].capacity.minSize;
    expect(monthlyOf(e, 'aws_autoscaling_group', /t3\.small/)).toBeCloseTo(
      hosts * 730 * instanceHourlyUsd('t3.small', 'us-east-1')!,
      6,
    );
    expect(monthlyOf(e, 'aws_nat_gateway', /^NAT gateway$/)).toBeCloseTo(730 * 0.045, 6);
    expect(monthlyOf(e, 'aws_eip', /IPv4/)).toBeCloseTo(730 * 0.005, 6);
    expect(e.lines.some((l) => l.resourceType === 'aws_lambda_function' && l.priceId === 'lambda.arm')).toBe(true);
    // Far more than the reconciler's $0.87: the old README figure covered only the Lambda.
    expect(e.monthlyUsd).toBeGreaterThan(50);
  });

  it('sidecar: hourly figure = ALB + its addresses + tasks + endpoints per hour', () => {
    const e = estimateStack('sidecar', config, generated('sidecar'));
    const tasks =
      (0.25 * 0.04048 + 0.5 * 0.004445) * 2 +
      (0.5 * 0.04048 + 1 * 0.004445) +
      (0.25 * 0.03238 + 0.5 * 0.00356) * 2 +
      (0.5 * 0.03238 + 1 * 0.00356);
    const expected =
      0.0225 +
      2 * 0.005 +
      tasks +
      3 * 2 * 0.01 +
      e.lines.filter((l) => l.priceId === 'cw.metric').reduce((s, l) => s + (l.hourly ?? 0), 0) * 0.3;
    expect(e.hourlyUsd).toBeCloseTo(expected, 6);
  });

  it('keepalive: nothing billed by the hour; cents a month at the stated benchmark volume', () => {
    const e = estimateStack('keepalive', config, generated('keepalive'));
    expect(e.hourlyUsd).toBe(0);
    expect(e.monthlyUsd).toBeLessThan(1);
    expect(e.lines.filter((l) => l.resourceType === 'aws_lambda_function')).toHaveLength(
      2 * config.stacks.keepalive!.variants.length,
    );
  });

  it('datadog: nothing billed by AWS', () => {
    expect(estimateStack('datadog', config, generated('datadog')).lines).toEqual([]);
  });

  it.each(['ecs', 'sidecar', 'keepalive', 'datadog'])(
    'the committed %s README carries the estimate, its assumptions and the price source',
    (stack) => {
      const text = readme(stack);
      expect(text).toContain('## Estimated cost');
      expect(text).toContain('Assumptions:');
      expect(text).toContain('730 hours a month');
      expect(text).toContain('src/pricing/prices.ts');
      const e = estimateStack(stack, config, generated(stack));
      if (e.lines.length > 0) expect(text).toContain(`**About $${e.monthlyUsd.toFixed(2)} a month`);
    },
  );

  it('marks figures no source could confirm', () => {
    expect(readme('ecs')).toMatch(/\$0\.08 per GB-month †/);
    // The instance price comes from the generated instance table, whose source is a generated price list.
    expect(readme('ecs')).toMatch(/\$0\.0208 per instance-hour \|/);
    expect(readme('ecs')).toContain('† A price no source at hand could confirm');
  });
});
