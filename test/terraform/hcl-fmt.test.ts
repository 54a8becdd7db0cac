import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStacks } from '../../src/synth/synthesize';
import { renderHcl } from '../../src/synth/hcl';
import { testConfig } from '../helpers/synth';
import { tempDir } from '../helpers/temp-dir';

// terraform fmt is the reference layout of the HCL review copy (src/synth/hcl-format.ts lays it out in process).
describe('the HCL review copy', () => {
  it('is what terraform fmt would write', () => {
    const dir = tempDir('sw-fmt-');
    const configs = [{ externalId: 'manual', permissions: 'full' }, {}]; // manual (variable validation), managed (check)
    configs.forEach((datadog, i) =>
      writeFileSync(join(dir, `main${i}.tf`), renderHcl(buildStacks(testConfig({ datadog }))[0]!)),
    );
    expect(
      execFileSync('terraform', ['fmt', '-check', '-diff', dir], {
        encoding: 'utf8',
        env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
      }),
    ).toBe('');
  });
});
