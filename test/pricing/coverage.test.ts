import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { synthesize } from '../../src/synth/synthesize';
import { PRICES, type PriceId } from '../../src/pricing/prices';
import { instanceHourlyUsd } from '../../src/aws/instance-types';
import { regionOf } from '../../src/pricing/assumptions';
import { RESOURCE_BILLING } from '../../src/pricing/resource-billing';
import { costSection, estimateStack } from '../../src/pricing/cost-section';
import { resourcesOf, labelOf, type TerraformResources } from '../../src/pricing/terraform-json';

const ROOT = join(__dirname, '..', '..');

/** Every stack Stackwright ships: generated/ (the default config) and every example, synthesized here. */
let stacks: { origin: string; stack: string; config: ReturnType<typeof loadConfig>; json: TerraformResources }[] = [];
beforeAll(async () => {
  const defaults = loadConfig(join(ROOT, 'stackwright.yaml'));
  const stackDirs = readdirSync(join(ROOT, 'generated'), { withFileTypes: true }).filter(
    (d) => d.isDirectory() && !d.name.startsWith('.'),
  );
  for (const { name: stack } of stackDirs) {
    const json = JSON.parse(readFileSync(join(ROOT, 'generated', stack, 'cdk.tf.json'), 'utf8')) as TerraformResources;
    stacks.push({ origin: 'generated', stack, config: defaults, json });
  }
  for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'))) {
    const config = loadConfig(join(ROOT, 'examples', file));
    for (const s of await synthesize(config, { hcl: false }))
      stacks.push({ origin: file, stack: s.name, config, json: s.json as TerraformResources });
  }
}, 240_000);
afterAll(() => {
  stacks = [];
});

const allTypes = () => [...new Set(stacks.flatMap((s) => Object.keys(s.json.resource ?? {})))].sort();

describe('price table', () => {
  it.each(Object.entries(PRICES))('%s names its AWS pricing page, where it was read and when', (_id, p) => {
    expect(p.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9-]+\/pricing\//);
    expect(p.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p.usd).toBeGreaterThanOrEqual(0);
    // An unconfirmed figure says so where it was "read"; a confirmed one names a page.
    expect(p.readFrom).toMatch(p.confirmed ? /^https:\/\// : /^not confirmed: /);
  });
});

describe('every resource type the shipped stacks emit has a pricing decision', () => {
  it('covers the default config and every example', () => {
    expect(stacks.map((s) => s.origin)).toEqual(
      expect.arrayContaining(['generated', 'ecs-10x10.yaml', 'sidecar-public-arm64.yaml', 'datadog-eu.yaml']),
    );
    expect(allTypes().length).toBeGreaterThan(30);
  });

  it('each type is classified: billable with prices that exist in the table, or free with the reason', () => {
    const missing = allTypes().filter((t) => RESOURCE_BILLING[t] === undefined);
    expect(missing).toEqual([]);
    for (const t of allTypes()) {
      const b = RESOURCE_BILLING[t];
      if (b.billable) {
        expect(b.prices.length).toBeGreaterThan(0);
        for (const id of b.prices) expect(PRICES[id as PriceId]).toBeDefined();
      } else expect(b.why.length).toBeGreaterThan(5);
    }
  });

  it('every decision in the table, emitted today or not, is complete', () => {
    for (const [type, b] of Object.entries(RESOURCE_BILLING)) {
      expect(type).toMatch(/^(aws|docker|datadog)_[a-z0-9_]+$/);
      if (b.billable)
        for (const id of b.prices) expect([type, PRICES[id as PriceId] !== undefined]).toEqual([type, true]);
      else expect(b.why).toMatch(/\w{3}/);
    }
  });

  it("every instance type the Auto Scaling groups launch has a price in its stack's region", () => {
    const types = stacks.flatMap((s) =>
      resourcesOf(s.json, 'aws_launch_template').map((lt) => `${String(lt.attrs.instance_type)} ${regionOf(s.json)}`),
    );
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((t) => instanceHourlyUsd(t.split(' ')[0]!, t.split(' ')[1]!) === undefined)).toEqual([]);
  });

  it('every billable resource of every stack gets a priced line in the estimate (EC2-hosted services and gateway endpoints excepted)', () => {
    for (const s of stacks) {
      const e = estimateStack(s.stack, s.config, s.json);
      expect(e.unclassified).toEqual([]);
      const priced = new Set(e.lines.filter((l) => l.rate).map((l) => `${l.resourceType} ${l.resource}`));
      for (const [type, billing] of Object.entries(RESOURCE_BILLING)) {
        if (!billing.billable) continue;
        for (const r of resourcesOf(s.json, type)) {
          const onInstances = type === 'aws_ecs_service' && r.attrs.launch_type !== 'FARGATE';
          const gateway = type === 'aws_vpc_endpoint' && r.attrs.vpc_endpoint_type !== 'Interface';
          const enhancedInsights =
            type === 'aws_ecs_cluster' && JSON.stringify(r.attrs.setting ?? []).includes('enhanced');
          if (!onInstances && !gateway && !enhancedInsights)
            expect([s.origin, priced.has(`${type} ${labelOf(r)}`)]).toEqual([s.origin, true]);
        }
      }
    }
  });

  it('a type nobody has classified shows up in the estimate and the README instead of being priced at zero silently', () => {
    const s = stacks.find((x) => x.stack === 'keepalive')!;
    const json = { resource: { ...s.json.resource, aws_brand_new_thing: { x: {} } } };
    expect(estimateStack('keepalive', s.config, json).unclassified).toEqual(['aws_brand_new_thing']);
    expect(costSection('keepalive', s.config, json).body).toContain(
      'Not classified (add to `src/pricing/resource-billing.ts`): `aws_brand_new_thing`',
    );
  });
});
