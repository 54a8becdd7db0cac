import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../../src/core/errors';
import { stackFolders } from '../../../src/terraform/stack-folders';
import { tempDir } from '../../helpers/temp-dir';

/** A generated tree with a cdk.tf.json in each of `folders`. */
function tree(folders: string[]): string {
  const out = tempDir('sw-folders-');
  for (const f of folders) {
    mkdirSync(join(out, f), { recursive: true });
    // A global folder's provider is in its target's first region.
    const json = f.includes('/global/') ? { provider: { aws: [{ region: 'eu-west-1' }] } } : {};
    writeFileSync(join(out, f, 'cdk.tf.json'), JSON.stringify(json));
  }
  return out;
}

describe('stackFolders: the folders validate works on', () => {
  it("finds a single-account tree's stacks as before", () => {
    const out = tree(['ecs', 'datadog']);
    expect(stackFolders(out)).toEqual(['datadog', 'ecs']);
    expect(stackFolders(out, ['ecs'])).toEqual(['ecs']);
  });

  it("finds a targets tree's folders and narrows them by stack, target and region", () => {
    const out = tree(['prod/global/datadog', 'prod/us-east-1/ecs', 'prod/eu-west-1/ecs', 'qa/us-east-1/ecs']);
    expect(stackFolders(out)).toEqual([
      'prod/eu-west-1/ecs',
      'prod/global/datadog',
      'prod/us-east-1/ecs',
      'qa/us-east-1/ecs',
    ]);
    expect(stackFolders(out, { targets: ['prod'], only: ['ecs'] })).toEqual([
      'prod/eu-west-1/ecs',
      'prod/us-east-1/ecs',
    ]);
    expect(stackFolders(out, { regions: ['us-east-1'] })).toEqual(['prod/us-east-1/ecs', 'qa/us-east-1/ecs']);
    expect(stackFolders(out, { regions: ['eu-west-1'] })).toEqual(['prod/eu-west-1/ecs', 'prod/global/datadog']);
  });

  it('an unknown target is bad input naming the known ones', () => {
    const out = tree(['prod/us-east-1/ecs']);
    expect(() => stackFolders(out, { targets: ['dev'] })).toThrow(InputError);
    expect(() => stackFolders(out, { targets: ['dev'] })).toThrow(/--target: dev: not a target in .* \(prod\)/);
  });
});
