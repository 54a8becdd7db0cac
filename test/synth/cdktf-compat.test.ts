import { synthesize } from '../../src/synth/synthesize';
import { REQUIRED_TERRAFORM_VERSION } from '../../src/core/stackwright-stack';
import { testConfig } from '../helpers/synth';

// Every stack has moved blocks, so cdktf's own validation would run `terraform version` for each (see
// src/synth/cdktf-compat.ts); in this tier any child process fails the test (test/helpers/unit-guard.ts).
describe('synth needs no Terraform and prints no warning', () => {
  it('builds a stack with moved blocks and an HCP backend without starting a process, with no DeprecationWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      const config = testConfig(
        { datadog: { externalId: 'manual', permissions: 'core' } },
        { backend: { type: 'hcp', organization: 'acme', workspacePrefix: 'demo' } },
      );
      const [datadog] = await synthesize(config);
      const json = datadog.json as { moved?: unknown[]; terraform: { required_version?: string; cloud?: unknown } };
      expect(json.moved?.length).toBeGreaterThan(0);
      expect(json.terraform.cloud).toBeDefined();
      // The Terraform that runs the stack checks its own version, at init.
      expect(json.terraform.required_version).toBe(REQUIRED_TERRAFORM_VERSION);
      expect(String(datadog.files.get('hcl/main.tf'))).toContain(`  required_version = ">= 1.5"\n`);
      expect(String(datadog.files.get('hcl/main.tf'))).not.toMatch(/^\s*\d+ = "/m);
    } finally {
      process.off('warning', onWarning);
    }
    // Warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    expect(warnings).toEqual([]);
  });
});
