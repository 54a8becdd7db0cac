import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCdktfApp } from '../../src/cli/cdktf-app';
import { tempDir } from '../helpers/temp-dir';
import { synthStack, testConfig } from '../helpers/synth';
import type { Json } from '../helpers/json';

/** Runs the cdktf app entry as `npx cdktf synth` does (outdir and config from the environment); returns the outdir. */
function synthViaCdktf(configYaml: string): string {
  const dir = tempDir('sw-cdktf-');
  writeFileSync(join(dir, 'c.yaml'), configYaml);
  const env = { ...process.env };
  process.env.CDKTF_OUTDIR = join(dir, 'out');
  process.env.STACKWRIGHT_CONFIG = join(dir, 'c.yaml');
  try {
    runCdktfApp();
  } finally {
    process.env = env;
  }
  return join(dir, 'out');
}

const MANUAL_DATADOG = 'name: test\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    externalId: manual\n';

describe('cdktf app entry (npx cdktf synth)', () => {
  it('builds the same stacks into the outdir the cdktf CLI gives it', () => {
    const file = join(synthViaCdktf(MANUAL_DATADOG), 'stacks', 'datadog', 'cdk.tf.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).variable.datadog_external_id.sensitive).toBe(true);
  });

  it('gives the readable addresses, with the same moved blocks as stackwright synth', async () => {
    const viaCdktf = JSON.parse(readFileSync(join(synthViaCdktf(MANUAL_DATADOG), 'stacks', 'datadog', 'cdk.tf.json'), 'utf8'));
    const viaStackwright = (await synthStack(testConfig({ datadog: { externalId: 'manual' } }), 'datadog')).json as Record<string, Json>;
    expect(Object.keys(viaCdktf.resource.aws_iam_role)).toEqual(['delegation_role']);
    expect(viaCdktf.moved).toEqual(viaStackwright.moved);
    expect(viaCdktf.moved).toContainEqual({ from: 'aws_iam_role.delegation_role_CBBB7F21', to: 'aws_iam_role.delegation_role' });
  });
});
