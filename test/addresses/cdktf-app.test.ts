import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCdktfApp } from '../../src/cli/cdktf-app';
import { tempDir } from '../helpers/temp-dir';
import { synthStack, testConfig } from '../helpers/synth';

describe('addresses through the cdktf CLI entry (npx cdktf synth)', () => {
  it('are the readable ones, with the same moved blocks as stackwright synth', async () => {
    const dir = tempDir('sw-cdktf-addr-');
    writeFileSync(join(dir, 'c.yaml'), 'name: test\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    externalId: manual\n');
    const env = { ...process.env };
    process.env.CDKTF_OUTDIR = join(dir, 'out');
    process.env.STACKWRIGHT_CONFIG = join(dir, 'c.yaml');
    try {
      runCdktfApp();
    } finally {
      process.env = env;
    }
    const viaCdktf = JSON.parse(readFileSync(join(dir, 'out', 'stacks', 'datadog', 'cdk.tf.json'), 'utf8'));
    const viaStackwright = (await synthStack(testConfig({ datadog: { externalId: 'manual' } }), 'datadog')).json as Record<string, any>;
    expect(Object.keys(viaCdktf.resource.aws_iam_role)).toEqual(['delegation_role']);
    expect(viaCdktf.moved).toEqual(viaStackwright.moved);
    expect(viaCdktf.moved).toContainEqual({ from: 'aws_iam_role.delegation_role_CBBB7F21', to: 'aws_iam_role.delegation_role' });
  });
});
