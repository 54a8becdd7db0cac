/**
 * The HCL review copy (generated/<stack>/hcl/main.tf) as the real Terraform CLI reads it. Terraform loads and checks
 * the configuration before it installs providers, and prints the configuration's warnings then; the Docker and
 * Datadog providers are not mirrored here, so `terraform init` stops after that point, which is all this test needs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { synthesize } from '../../src/synth/synthesize';
import { tempDir } from '../helpers/temp-dir';
import { requireTerraform, terraform, terraformSetup } from './helpers/terraform';

describe('the HCL review copy of every stack, read by terraform', () => {
  it('loads without the "Quoted references are deprecated" warning (depends_on, ignore_changes)', async () => {
    const setup = terraformSetup('5.100.0');
    await requireTerraform(setup.env);
    const stacks = await synthesize(loadConfig(join(PROJECT_ROOT, 'stackwright.yaml')), { hcl: true });
    expect(stacks.map((s) => s.name)).toEqual(['datadog', 'ecs', 'sidecar', 'keepalive']);
    const hclOf = (s: (typeof stacks)[number]) => String(s.files.get('hcl/main.tf'));
    // The copy has references in both lists, so the warning would show if they were quoted.
    const all = stacks.map(hclOf).join('\n');
    expect(all).toMatch(/depends_on = \[\n\s+aws_/);
    expect(all).toMatch(/ignore_changes = \[\n\s+desired_count/);
    for (const stack of stacks) {
      const dir = tempDir(`sw-hcl-${stack.name}-`);
      writeFileSync(join(dir, 'main.tf'), hclOf(stack));
      const r = await terraform(['init', '-backend=false', '-input=false', '-no-color'], dir, setup.env);
      const output = `${r.stdout}\n${r.stderr}`;
      // Reached provider installation: the configuration was loaded, and its warnings (if any) printed.
      expect({ stack: stack.name, loaded: output.includes('Initializing provider plugins') }).toEqual({
        stack: stack.name,
        loaded: true,
      });
      expect({ stack: stack.name, warnings: output.match(/Warning: .*/g) ?? [] }).toEqual({
        stack: stack.name,
        warnings: [],
      });
    }
  }, 120_000);
});
