import { costDelta } from '../../src/review/cost-delta';
import type { TerraformDocument } from '../../src/terraform/json/document';
import { estimateTerraform } from '../../src/pricing/estimate';
import { costSection, headline } from '../../src/pricing/cost-section';
import { instanceHourlyUsd } from '../../src/aws/instance-types';
import type { TerraformResources } from '../../src/pricing/terraform-json';
import { testConfig, synthStack } from '../helpers/synth';
import { container, service } from '../ecs/helpers';

/**
 * The faults a new user's trial found (issue 21): an unpriced instance type under an "About" headline, a
 * distinctInstance service's tasks not counted as hosts, and a non-us-east-1 region priced at us-east-1 rates silently.
 * distinctInstance: "Place each task on a different container instance" (ECS developer guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html).
 */
const cluster = (instanceType: string, services: unknown[], capacity: Record<string, unknown> = {}) => ({
  clusters: [
    {
      name: 'main',
      capacity: {
        instanceType,
        architecture: instanceType.includes('g.') ? 'arm64' : 'x86_64',
        scaling: 'memoryReservation',
        minSize: 3,
        maxSize: 6,
        ...capacity,
      },
      services,
    },
  ],
});
const synth = async (section: unknown, region = 'us-east-1') => {
  const partition = region.startsWith('us-gov-') ? { partition: 'aws-us-gov' } : {};
  const config = testConfig({ ecs: section }, { aws: { region, ...partition } });
  return { config, json: (await synthStack(config, 'ecs')).json as TerraformResources };
};
const instanceLine = (json: TerraformResources) =>
  estimateTerraform('ecs', json).lines.find((l) => l.instanceType !== undefined)!;

describe('an honest estimate', () => {
  it('prices m6g.large instances (the trial found them unpriced under "About")', async () => {
    const { json } = await synth(cluster('m6g.large', [service({ name: 'web' })]));
    const line = instanceLine(json);
    expect(line.rate?.usd).toBe(instanceHourlyUsd('m6g.large', 'us-east-1'));
    expect(line.monthly).toBe(3 * 730);
    expect(estimateTerraform('ecs', json).complete).toBe(true);
  });

  it('counts the hosts a distinctInstance service needs: 6 tasks, 6 hosts, above the group start of 3', async () => {
    const web = service({ name: 'web', desiredCount: 6, placement: { constraints: [{ type: 'distinctInstance' }] } });
    const { config, json } = await synth(cluster('t3.small', [web]));
    expect(instanceLine(json).item).toBe('6 x t3.small (as placement needs)');
    expect(costSection('ecs', config, json).body).toContain(
      'web: 6 task(s) with distinctInstance, one per instance (the group starts at 3)',
    );
  });

  it("counts the hosts the tasks' memory needs (a lower bound: ECS registers less than the installed memory)", async () => {
    const web = service({ name: 'web', desiredCount: 5, containers: [container({ memoryReservation: 1024 })] });
    const { json } = await synth(cluster('t3.small', [web], { maxSize: 10 }));
    // 5 x 1024 MiB over 2048 MiB per t3.small: 3 hosts at least, which the group's 3 already cover.
    expect(instanceLine(json).monthly).toBe(3 * 730);
    const more = service({ name: 'web', desiredCount: 9, containers: [container({ memoryReservation: 1024 })] });
    expect(instanceLine((await synth(cluster('t3.small', [more], { maxSize: 10 }))).json).monthly).toBe(5 * 730);
  });

  it('says "at least" and names an instance type the table lacks', async () => {
    const { json } = await synth(cluster('zz9.large', [service({ name: 'web' })]));
    const e = estimateTerraform('ecs', json);
    expect(e.complete).toBe(false);
    expect(headline(e)).toMatch(/^\*\*At least \$[\d.]+ a month; at least/);
    expect(headline(e)).toContain(
      'Not priced: 3 x zz9.large (desired, else minimum size): zz9.large is not in the instance table.',
    );
  });

  it('in eu-west-1, says the figures are us-east-1 rates in the headline and lists them', async () => {
    const { config, json } = await synth(cluster('t3.small', [service({ name: 'web' })]), 'eu-west-1');
    const body = costSection('ecs', config, json).body;
    expect(body).toMatch(/^\*\*About \$[\d.]+ a month at us-east-1 rates, not eu-west-1's;/);
    expect(body).toContain('EC2 t3.small');
    expect(body).toContain('NAT gateway');
    expect(body).toContain('$0.0208 per instance-hour (us-east-1 rate)');
  });

  it("in GovCloud, prices the instances at the region's own rate from the table", async () => {
    const { json } = await synth(cluster('t3.small', [service({ name: 'web' })]), 'us-gov-west-1');
    const line = instanceLine(json);
    expect(line.rate).toEqual({
      usd: instanceHourlyUsd('t3.small', 'us-gov-west-1'),
      per: 'instance-hour',
      region: 'us-gov-west-1',
      confirmed: true,
    });
    expect(estimateTerraform('ecs', json).atUsEast1Rates).not.toContain('EC2 t3.small');
  });

  it('lists only the assumptions that apply: no NAT line without a NAT gateway', async () => {
    const { json } = await synth(cluster('t3.small', [service({ name: 'web' })]));
    const withNat = estimateTerraform('ecs', json).usage.notes.join('\n');
    expect(withNat).toContain('NAT gateway');
    const noNat = { resource: { ...json.resource, aws_nat_gateway: undefined } } as unknown as TerraformResources;
    expect(estimateTerraform('ecs', noNat).usage.notes.join('\n')).not.toContain('NAT gateway');
  });
});

describe("the review's cost delta (src/review/cost-delta.ts)", () => {
  it('gives before, after and difference per stack folder, and says when a side is a lower bound', async () => {
    const three = (await synth(cluster('t3.small', [service({ name: 'web' })]))).json as TerraformDocument;
    const web6 = service({ name: 'web', desiredCount: 6, placement: { constraints: [{ type: 'distinctInstance' }] } });
    const six = (await synth(cluster('t3.small', [web6]))).json as TerraformDocument;
    const unknown = (await synth(cluster('zz9.large', [service({ name: 'web' })]))).json as TerraformDocument;
    const ecs = costDelta('ecs', three, six);
    // Three more t3.small hosts all month, and their root volumes; the reconciler's per-host events grow too.
    expect(ecs.delta).toBeGreaterThan(3 * 730 * instanceHourlyUsd('t3.small', 'us-east-1')!);
    expect(ecs.note).toBeUndefined();
    const removed = costDelta('ecs', three, undefined);
    expect(removed.after).toBe(0);
    expect(removed.delta).toBeCloseTo(-removed.before, 2);
    const added = costDelta('ecs', undefined, unknown);
    expect(added.before).toBe(0);
    expect(added.note).toMatch(/^after is at least this \(.*zz9\.large is not in the instance table/);
  });
});
