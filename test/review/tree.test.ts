import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { costDelta } from '../../src/review/cost-delta';
import { narrowTree, readTree } from '../../src/review/tree';
import type { TerraformDocument } from '../../src/terraform/json/document';
import { tempDir } from '../helpers/temp-dir';

const doc = (region: string): TerraformDocument => ({ provider: { aws: [{ region }] }, resource: {} });

function tree(folders: Record<string, string>): string {
  const root = tempDir('stackwright-review-tree-');
  for (const [dir, region] of Object.entries(folders)) {
    mkdirSync(join(root, dir, 'hcl'), { recursive: true });
    writeFileSync(join(root, dir, 'cdk.tf.json'), JSON.stringify(doc(region)));
    writeFileSync(join(root, dir, 'hcl', 'main.tf'), '');
  }
  return root;
}

describe('the generated tree a review reads', () => {
  const targets = {
    'prod/global/datadog': 'us-east-1',
    'prod/us-east-1/ecs': 'us-east-1',
    'prod/eu-west-1/ecs': 'eu-west-1',
    'staging/us-east-1/ecs': 'us-east-1',
  };

  it('finds the stack folders of a single-account config by their names', () => {
    expect([...readTree(tree({ ecs: 'us-east-1', datadog: 'us-east-1' })).keys()]).toEqual(['datadog', 'ecs']);
  });

  it("finds a targets: config's nested folders, in name order", () => {
    expect([...readTree(tree(targets)).keys()]).toEqual([
      'prod/eu-west-1/ecs',
      'prod/global/datadog',
      'prod/us-east-1/ecs',
      'staging/us-east-1/ecs',
    ]);
  });

  it('narrows by stack, target and region (a global folder is in its provider region)', () => {
    const all = readTree(tree(targets));
    const names = (filter: Parameters<typeof narrowTree>[1]) => [...narrowTree(all, filter).keys()];
    expect(names({ targets: ['prod'], regions: ['us-east-1'] })).toEqual(['prod/global/datadog', 'prod/us-east-1/ecs']);
    expect(names({ only: ['ecs'], regions: ['eu-west-1'] })).toEqual(['prod/eu-west-1/ecs']);
    expect(names({ targets: ['staging'] })).toEqual(['staging/us-east-1/ecs']);
    expect(names({})).toHaveLength(4);
  });
});

describe('the cost delta of a review', () => {
  const generated = (stack: string) =>
    JSON.parse(readFileSync(join(__dirname, '../../generated', stack, 'cdk.tf.json'), 'utf8')) as TerraformDocument;

  it('prices a nested folder with the assumptions of its stack (the last segment)', () => {
    const plain = costDelta('keepalive', undefined, generated('keepalive'));
    const nested = costDelta('prod/us-east-1/keepalive', undefined, generated('keepalive'));
    expect(plain.after).toBeGreaterThan(0);
    expect(nested).toEqual(plain);
    expect(plain.before).toBe(0);
    expect(plain.delta).toBe(plain.after);
  });

  it('says when a side is a lower bound (a region priced at us-east-1 rates)', () => {
    const eu = generated('keepalive');
    const moved = JSON.parse(JSON.stringify(eu).replace(/"region": ?"us-east-1"/g, '"region":"eu-west-1"'));
    const delta = costDelta('keepalive', eu, moved as TerraformDocument);
    expect(delta.note).toMatch(/after is at least this \(.*at us-east-1 rates, not eu-west-1's\)/);
  });
});
