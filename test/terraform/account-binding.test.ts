/**
 * Datadog's managed mode registers the AWS account Terraform runs in, so it requires `aws.accountId`, which the stack
 * writes as the AWS provider's `allowed_account_ids`. The real hashicorp/aws provider (filesystem mirror) plans the
 * stack against the loopback stand-in, whose credentials belong to STAND_IN_ACCOUNT: another pinned account is
 * refused before anything is planned.
 *
 * Terraform AWS provider docs, argument reference: "allowed_account_ids - (Optional) List of allowed AWS account IDs
 * to prevent you from mistakenly using an incorrect one (and potentially end up destroying a live environment)."
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotPermissions } from '../../src/datadog/permissions';
import { synthesize } from '../../src/synth/synthesize';
import { testConfig } from '../helpers/synth';
import type { Json } from '../helpers/json';
import { tempDir } from '../helpers/temp-dir';
import { STAND_IN_ACCOUNT, startAwsStandIn, type AwsStandIn } from '../../src/terraform/plan/aws-stand-in';
import { planCopy } from '../../src/terraform/plan/plan-copy';
import {
  boundAwsVersion,
  LOCK_FILE,
  requireTerraform,
  terraform,
  terraformSetup,
  warmPluginCache,
  type TerraformSetup,
} from './helpers/terraform';

let setup: TerraformSetup;
let standIn: AwsStandIn;

beforeAll(async () => {
  setup = terraformSetup(boundAwsVersion());
  await requireTerraform(setup.env);
  standIn = await startAwsStandIn();
}, 5 * 60_000);
afterAll(() => standIn?.close());

/** Plans the Datadog stack (managed mode) pinned to `accountId`; returns terraform's exit code and output. */
async function planPinnedTo(accountId: string): Promise<{ code: number | null; output: string }> {
  const config = testConfig({ datadog: { externalId: 'managed' } }, { aws: { region: 'us-east-1', accountId } });
  const [stack] = await synthesize(config, { only: ['datadog'], hcl: false });
  expect((stack!.json as Json).provider.aws[0].allowed_account_ids).toEqual([accountId]);
  const dir = tempDir('stackwright-account-');
  const copy = planCopy(stack!.json, {
    awsVersion: setup.awsVersion,
    endpoint: standIn.url,
    standInValues: { iam_permissions: [...snapshotPermissions('standard')] },
  });
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(copy.json, null, 2));
  writeFileSync(join(dir, LOCK_FILE), await warmPluginCache(setup));
  const init = await terraform(['init', '-backend=false', '-input=false', '-no-color'], dir, setup.env);
  if (init.code !== 0) throw new Error(`terraform init failed: ${init.stderr}${init.stdout}`);
  const plan = await terraform(['plan', '-input=false', '-lock=false', '-no-color'], dir, setup.env);
  return { code: plan.code, output: `${plan.stderr}${plan.stdout}` };
}

describe('managed Datadog is bound to the configured AWS account (real provider, offline)', () => {
  it(
    'plans when the credentials are of the configured account',
    async () => {
      const r = await planPinnedTo(STAND_IN_ACCOUNT);
      expect({ code: r.code, output: r.code === 0 ? '' : r.output }).toEqual({ code: 0, output: '' });
    },
    5 * 60_000,
  );

  it(
    'refuses to plan when the credentials point at another account',
    async () => {
      const r = await planPinnedTo('210987654321');
      expect(r.code).not.toBe(0);
      expect(r.output).toContain(`AWS account ID not allowed: ${STAND_IN_ACCOUNT}`);
    },
    5 * 60_000,
  );
});
