import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthStack, testConfig } from '../helpers/synth';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import {
  boundAwsVersion,
  LOCK_FILE,
  requireTerraform,
  terraformSetup,
  warmPluginCache,
  type TerraformSetup,
} from './helpers/terraform';
import type { Json } from '../helpers/json';
import type { StackValidation } from '../../src/terraform/validate';

/** A generated folder with the given stacks, pinned to the provider version this machine can install. */
function outDir(setup: TerraformSetup, stacks: Record<string, Json>): string {
  // Copied like a user's own lock file: Terraform then links the cached provider instead of re-installing it.
  const out = tempDir('stackwright-validate-out-');
  for (const [name, json] of Object.entries(stacks)) {
    const copy = JSON.parse(JSON.stringify(json));
    copy.terraform.required_providers.aws.version = setup.awsVersion;
    mkdirSync(join(out, name));
    writeFileSync(join(out, name, 'cdk.tf.json'), JSON.stringify(copy, null, 2));
    writeFileSync(join(out, name, LOCK_FILE), lockFile);
  }
  return out;
}

let lockFile = '';

describe("stackwright validate (terraform init -backend=false + terraform validate, the user's own Terraform)", () => {
  let setup: TerraformSetup;
  let valid: Json;
  const saved = { ...process.env };
  beforeAll(async () => {
    setup = terraformSetup(boundAwsVersion());
    await requireTerraform(setup.env);
    lockFile = await warmPluginCache(setup);
    // Manual mode needs only the AWS provider, which this machine mirrors.
    valid = (await synthStack(testConfig({ datadog: { externalId: 'manual', permissions: 'core' } }), 'datadog')).json;
  }, 10 * 60_000);
  beforeEach(() => {
    // The command uses the user's CLI config: here the test's (mirror + plugin cache, no network).
    Object.assign(process.env, {
      TF_CLI_CONFIG_FILE: setup.cliConfigFile,
      CHECKPOINT_DISABLE: '1',
      HOME: setup.env.HOME,
    });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it(
    'exits 0 when every stack is valid, and writes nothing into the generated folder',
    async () => {
      const out = outDir(setup, { datadog: valid });
      const r = await runCli(['validate', '--out', out]);
      expect(r).toMatchObject({ code: 0, stdout: 'datadog: valid\n' });
      expect(readdirSync(join(out, 'datadog')).sort()).toEqual([LOCK_FILE, 'cdk.tf.json']);
    },
    5 * 60_000,
  );

  it(
    'exits 1 and names the stack and the problem when a stack is invalid (the old manual-mode output)',
    async () => {
      const old = JSON.parse(
        readFileSync(join(__dirname, '..', 'rules', 'fixtures', 'before-issue-10', 'datadog-eu.cdk.tf.json'), 'utf8'),
      );
      const broken = JSON.parse(JSON.stringify(valid));
      Object.values<Json>(broken.resource.aws_iam_role)[0].no_such_argument = true;
      const out = outDir(setup, { eu: old, broken, ok: valid });
      const r = await runCli(['validate', '--out', out, '--json']);
      expect(r.code).toBe(1);
      const results = JSON.parse(r.stdout) as StackValidation[];
      expect(results.map((x) => [x.stack, x.valid, x.checked, x.failedAt])).toEqual([
        ['broken', false, true, 'validate'],
        ['eu', false, true, 'init'],
        ['ok', true, true, undefined],
      ]);
      expect(results[0].diagnostics[0]).toMatchObject({
        severity: 'error',
        summary: 'Extraneous JSON object property',
      });
      expect(results[0].diagnostics[0].detail).toContain('no_such_argument');
      expect(results[1].diagnostics[0].detail).toContain('Invalid validation expression');
    },
    5 * 60_000,
  );

  it(
    'exits 2, "cannot check", when Terraform cannot install a provider: the environment, not the stack',
    async () => {
      // A provider version the mirror does not hold, and a CLI config that allows only the mirror: init fails with
      // "Failed to query available provider packages" (hashicorp/terraform internal/command/init.go).
      const unmirrored = JSON.parse(JSON.stringify(valid));
      unmirrored.terraform.required_providers.aws.version = '0.0.1';
      const out = tempDir('stackwright-validate-unmirrored-');
      mkdirSync(join(out, 'datadog'));
      writeFileSync(join(out, 'datadog', 'cdk.tf.json'), JSON.stringify(unmirrored, null, 2));
      const r = await runCli(['validate', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(
        /^datadog: cannot check \(no provider\)\n {2}error: Terraform could not install a provider/,
      );
      expect(r.stdout).not.toContain('INVALID');
      const json = await runCli(['validate', '--out', out, '--json']);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject([{ stack: 'datadog', valid: false, checked: false }]);
    },
    5 * 60_000,
  );

  it('exits 2 with how to install Terraform when there is no terraform binary', async () => {
    const out = outDir(setup, { datadog: valid });
    const r = await runCli(['validate', '--out', out, '--terraform', join(out, 'no-terraform-here')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot run '.*no-terraform-here'.*install Terraform 1\.5 or later/);
  });

  it('exits 2 on bad input: no generated stacks, or an unknown --stack', async () => {
    const empty = tempDir('stackwright-validate-empty-');
    expect(await runCli(['validate', '--out', empty])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no generated stacks'),
    });
    const out = outDir(setup, { datadog: valid });
    expect(await runCli(['validate', '--out', out, '--stack', 'ecs'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--stack: ecs: not a stack'),
    });
  });
});
