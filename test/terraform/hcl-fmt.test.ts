import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildStacks } from '../../src/synth/synthesize';
import { renderHcl } from '../../src/synth/hcl';
import { ecsUserData } from '../../src/ecs/ec2-capacity';
import { testConfig } from '../helpers/synth';
import { tempDir } from '../helpers/temp-dir';

const ENV = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' };
const ECS = { clusters: [{ name: 'main' }] };

// terraform fmt is the reference layout of the HCL review copy (src/synth/hcl-format.ts lays it out in process).
describe('the HCL review copy', () => {
  it('is what terraform fmt would write', () => {
    const dir = tempDir('sw-fmt-');
    // Datadog manual (a variable's validation), managed (a check block); ECS (user data: a heredoc in a call).
    const configs = [{ datadog: { externalId: 'manual', permissions: 'full' } }, { datadog: {} }, { ecs: ECS }];
    configs.forEach((stacks, i) =>
      writeFileSync(join(dir, `main${i}.tf`), renderHcl(buildStacks(testConfig(stacks))[0]!)),
    );
    expect(execFileSync('terraform', ['fmt', '-check', '-diff', dir], { encoding: 'utf8', env: ENV })).toBe('');
  });

  it("writes the EC2 user data as a heredoc that Terraform reads as the JSON's string", () => {
    const hcl = renderHcl(buildStacks(testConfig({ ecs: ECS }))[0]!);
    const attribute = /^ {2}user_data = (base64encode\(<<-EOT\n[\s\S]*?\n {2}EOT\n {2}\))$/m.exec(hcl)?.[1];
    expect(attribute).toBeDefined();
    const dir = tempDir('sw-heredoc-');
    writeFileSync(join(dir, 'main.tf'), `locals {\n  user_data = ${attribute}\n}\n`);
    // No providers, no state: console evaluates the local without init.
    const value = execFileSync('terraform', ['console'], {
      cwd: dir,
      input: 'local.user_data\n',
      encoding: 'utf8',
      env: ENV,
    });
    expect(JSON.parse(value.trim())).toBe(Buffer.from(ecsUserData('test-main')).toString('base64'));
  });
});
