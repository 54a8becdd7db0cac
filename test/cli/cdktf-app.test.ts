import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCdktfApp } from '../../src/cli/cdktf-app';
import { tempDir } from '../helpers/temp-dir';

describe('cdktf app entry (npx cdktf synth)', () => {
  it('builds the same stacks into the outdir the cdktf CLI gives it', () => {
    const dir = tempDir('sw-cdktf-');
    writeFileSync(join(dir, 'c.yaml'), 'name: t\naws:\n  region: us-east-1\nstacks:\n  datadog:\n    externalId: manual\n');
    const env = { ...process.env };
    process.env.CDKTF_OUTDIR = join(dir, 'out');
    process.env.STACKWRIGHT_CONFIG = join(dir, 'c.yaml');
    try {
      runCdktfApp();
    } finally {
      process.env = env;
    }
    const file = join(dir, 'out', 'stacks', 'datadog', 'cdk.tf.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).variable.datadog_external_id.sensitive).toBe(true);
  });
});
