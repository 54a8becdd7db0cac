import {
  INSTANCE_PRICE_REGIONS,
  INSTANCE_TABLE_SOURCE,
  instanceFacts,
  instanceHourlyUsd,
  isGravitonInstanceType,
} from '../../src/aws/instance-types';
import { parsePrices, parseSpecs } from '../../scripts/ec2-instance-table';

/**
 * The instance table is generated from kubernetes/autoscaler's ec2_instance_types.go (specs) and
 * aws/karpenter-provider-aws's zz_generated.pricing_aws*.go (on-demand prices), both generated from the AWS Price List
 * API by their projects. These check the committed table says where it came from and the parser reads both formats.
 */
describe('the EC2 instance table', () => {
  it('names its sources, their commits and when their data was generated', () => {
    expect(INSTANCE_TABLE_SOURCE.specs.repository).toBe('https://github.com/kubernetes/autoscaler');
    expect(INSTANCE_TABLE_SOURCE.specs.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(INSTANCE_TABLE_SOURCE.specs.listUpdated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(INSTANCE_TABLE_SOURCE.prices.repository).toBe('https://github.com/aws/karpenter-provider-aws');
    for (const f of INSTANCE_TABLE_SOURCE.prices.files) expect(f.generated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(INSTANCE_PRICE_REGIONS).toEqual(['us-east-1', 'us-gov-east-1', 'us-gov-west-1']);
  });

  it('holds the types the shipped configs launch, with their size and architecture', () => {
    expect(instanceFacts('t3.small')).toMatchObject({ vcpu: 2, memoryMiB: 2048, architecture: 'x86_64' });
    expect(instanceFacts('m7g.large')).toMatchObject({ vcpu: 2, memoryMiB: 8192, architecture: 'arm64' });
    expect(instanceHourlyUsd('m6g.large', 'us-east-1')).toBeGreaterThan(0);
    expect(instanceHourlyUsd('t3.small', 'eu-west-1')).toBeUndefined();
    expect(instanceFacts('toString')).toBeUndefined();
  });

  it('the generator reads both Go formats', () => {
    const specs = parseSpecs(
      'var StaticListLastUpdateTime = "2026-01-22"\n' +
        Array.from(
          { length: 100 },
          (_, i) =>
            `"x${i}.large": {\n\t\tInstanceType: "x${i}.large",\n\t\tVCPU: 2,\n\t\tMemoryMb: 4096,\n\t\tGPU: 0,\n\t\tArchitecture: "amd64",\n\t},`,
        ).join('\n'),
    );
    expect(specs.date).toBe('2026-01-22');
    expect(specs.specs.get('x7.large')).toEqual({ vcpu: 2, memoryMiB: 4096, architecture: 'x86_64' });
    const prices = parsePrices(
      '// generated at 2026-07-20T13:44:30Z for us-east-1\n\t"us-east-1": {\n\t\t"a1.large": 0.051000, "a1.xlarge": 0.102000,\n\t},\n\t"us-gov-west-1": {\n\t\t"c1.medium": 0.157000,\n\t},\n',
    );
    expect(prices.date).toBe('2026-07-20T13:44:30Z');
    expect(Object.fromEntries([...prices.prices].map(([r, m]) => [r, Object.fromEntries(m)]))).toEqual({
      'us-east-1': { 'a1.large': 0.051, 'a1.xlarge': 0.102 },
      'us-gov-west-1': { 'c1.medium': 0.157 },
    });
  });
});

describe('instance types', () => {
  // docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html, the additional capabilities after the
  // generation: "g – AWS Graviton processors"; the first Arm family, a1, predates that letter.
  it.each([
    ['t4g.small', true],
    ['c7gn.large', true],
    ['is4gen.xlarge', true],
    ['a1.medium', true],
    ['m8g.large', true],
    ['t3.small', false],
    ['g4dn.xlarge', false],
    ['m7i-flex.large', false],
    ['m5zn.large', false],
  ])('%s is Graviton: %s', (type, graviton) => {
    expect(isGravitonInstanceType(type)).toBe(graviton);
  });
});
