/**
 * Every folder of the five-account example (examples/targets/datadog-organisation.yaml) planned by the real Terraform
 * and the real hashicorp/aws provider, offline, against the loopback stand-in, which answers STS per account: a
 * provider that assumes a role in account X gets X's credentials and is X to GetCallerIdentity (see
 * helpers/aws-stand-in.ts). Each folder is a module of one root with its own provider (its region, its role, its
 * `allowed_account_ids`), as each folder is planned with its own role in CI.
 *
 * What it relies on, from the AWS provider's documentation (registry.terraform.io/providers/hashicorp/aws/latest/docs,
 * "Argument Reference"): "allowed_account_ids - (Optional) List of allowed AWS account IDs to prevent you from
 * mistakenly using an incorrect one (and potentially end up destroying a live environment)", and under "Assume Role
 * Configuration Reference": "role_arn - (Required) ARN of the IAM Role to assume". The provider learns the account
 * from the assumed credentials (sts:GetCallerIdentity), so a role in another account is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../src/config/load';
import { PROJECT_ROOT } from '../../src/core/project-root';
import { snapshotPermissions } from '../../src/datadog/permissions';
import { synthesize, type SynthesizedStack } from '../../src/synth/synthesize';
import { tempDir } from '../helpers/temp-dir';
import type { Json } from '../helpers/json';
import { standInKeyFor, startAwsStandIn, type AwsStandIn } from '../../src/terraform/plan/aws-stand-in';
import { asModule, planCopy } from '../../src/terraform/plan/plan-copy';
import {
  boundAwsVersion,
  LOCK_FILE,
  requireTerraform,
  terraform,
  terraformSetup,
  warmPluginCache,
  type TerraformSetup,
} from './helpers/terraform';

const EXAMPLE = 'examples/targets/datadog-organisation.yaml';
const TIMEOUT = 20 * 60_000;
const VARIABLE_VALUES: Record<string, string> = { datadog_external_id: 'stand-in+external=id/0123456789' };

let setup: TerraformSetup;
let standIn: AwsStandIn;
let folders: SynthesizedStack[] = [];

beforeAll(async () => {
  setup = terraformSetup(boundAwsVersion());
  await requireTerraform(setup.env);
  standIn = await startAwsStandIn();
  folders = await synthesize(loadConfig(join(PROJECT_ROOT, EXAMPLE)), { hcl: false, configFile: EXAMPLE });
}, TIMEOUT);
afterAll(() => standIn?.close());

const moduleOf = (folder: string) => folder.replaceAll('/', '__');

/**
 * A root holding `stacks` as modules, each with its own provider. `edit` may change a module's provider (the negative
 * test points a role at another account). A folder on the ambient credentials gets its account's keys, as CI would
 * give them. Returns the root folder.
 */
async function writeRoot(stacks: readonly SynthesizedStack[], edit: (folder: string, p: Json) => void = () => {}) {
  const root = tempDir('stackwright-targets-plan-');
  const providers: Json[] = [];
  const modules: Record<string, unknown> = {};
  for (const stack of stacks) {
    const name = moduleOf(stack.name);
    const dir = join(root, name);
    for (const [path, contents] of stack.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), contents);
    }
    const copy = planCopy(stack.json, {
      awsVersion: setup.awsVersion,
      endpoint: standIn.url,
      standInValues: { iam_permissions: [...snapshotPermissions('standard')] },
    });
    const { module, provider } = asModule(copy.json);
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(module, null, 2));
    if (provider.assume_role === undefined) provider.access_key = standInKeyFor(stack.folder!.accountId!);
    edit(stack.name, provider);
    providers.push({ ...provider, alias: name });
    const variables = Object.entries<Json>(module.variable ?? {})
      .filter(([, v]) => v.default === undefined)
      .map(([k]) => k);
    modules[name] = {
      source: `./${name}`,
      providers: { aws: `aws.${name}` },
      ...Object.fromEntries(variables.map((v) => [v, VARIABLE_VALUES[v]])),
    };
  }
  const required = { aws: { source: 'hashicorp/aws', version: setup.awsVersion } };
  writeFileSync(
    join(root, 'main.tf.json'),
    JSON.stringify({ terraform: { required_providers: required }, provider: { aws: providers }, module: modules }),
  );
  writeFileSync(join(root, LOCK_FILE), await warmPluginCache(setup));
  const init = await terraform(['init', '-backend=false', '-input=false', '-no-color'], root, setup.env);
  if (init.code !== 0) throw new Error(`terraform init failed: ${init.stderr}${init.stdout}`);
  return root;
}

interface PlanEvent {
  readonly type: string;
  readonly change?: { readonly action: string; readonly resource: { readonly module?: string } };
}

describe('the five-account example plans folder by folder, each against its own account (real Terraform)', () => {
  it(
    'every folder plans: each module creates what its folder declares, with its own role and account',
    async () => {
      const root = await writeRoot(folders);
      const seenBefore = standIn.calls.length;
      const plan = await terraform(['plan', '-json', '-input=false', '-lock=false', '-no-color'], root, setup.env);
      expect({ code: plan.code, stderr: plan.code === 0 ? '' : `${plan.stderr}${plan.stdout.slice(-4000)}` }).toEqual({
        code: 0,
        stderr: '',
      });
      const events = plan.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as PlanEvent);
      for (const stack of folders) {
        const created = events.filter(
          (e) =>
            e.type === 'planned_change' &&
            e.change!.action === 'create' &&
            e.change!.resource.module === `module.${moduleOf(stack.name)}`,
        ).length;
        const declared = Object.values((stack.json as Json).resource as Json).reduce(
          (n: number, byName) => n + Object.keys(byName as object).length,
          0,
        );
        expect([stack.name, created]).toEqual([stack.name, declared]);
      }

      const calls = standIn.calls.slice(seenBefore);
      // Four targets reach their account through a role (the stand-in hands out that account's credentials).
      expect(calls.filter((c) => c.action === 'AssumeRole').length).toBeGreaterThanOrEqual(4);
      // Everything after AssumeRole was signed by a target's account, in that target's regions only.
      const expected = new Set(folders.map((f) => `${f.folder!.accountId} ${f.folder!.region}`));
      const signed = new Set(calls.filter((c) => c.action !== 'AssumeRole').map((c) => `${c.account} ${c.region}`));
      expect([...signed].filter((s) => !expected.has(s))).toEqual([]);
      expect(new Set([...signed].map((s) => s.split(' ')[0]))).toEqual(
        new Set(['111111111111', '222222222222', '333333333333', '444444444444', '555555555555']),
      );
    },
    TIMEOUT,
  );

  it(
    "refuses to plan a folder whose role is in another account than the target's",
    async () => {
      const prod = folders.filter((f) => f.name === 'prod/global/datadog');
      const root = await writeRoot(prod, (_folder, provider) => {
        provider.assume_role = [{ role_arn: 'arn:aws:iam::999999999999:role/terraform' }];
      });
      const plan = await terraform(['plan', '-input=false', '-lock=false', '-no-color'], root, setup.env);
      expect(plan.code).not.toBe(0);
      expect(`${plan.stderr}${plan.stdout}`).toContain('AWS account ID not allowed: 999999999999');
    },
    TIMEOUT,
  );
});
