import { execFile } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../helpers/temp-dir';
import { planCopy } from '../../src/terraform/plan/plan-copy';
import type { Json } from '../helpers/json';

/**
 * The real Terraform with the real AWS provider, offline: hashicorp/aws 5.100.0 from the filesystem mirror under
 * /opt/tf-plugins (REFERENCE.md, "Offline validation that works here"). Nothing is sent anywhere: the provider skips
 * its credential, account and metadata calls, every endpoint it could use points at a closed loopback port, and
 * Terraform's own version check is off.
 */
export const TERRAFORM = ['/usr/local/bin/terraform', '/usr/bin/terraform'].find((p) => existsSync(p));
const MIRROR = '/opt/tf-plugins';
export const MIRRORED_AWS = '5.100.0';
export const offlineTerraformAvailable =
  TERRAFORM !== undefined && existsSync(join(MIRROR, 'registry.terraform.io/hashicorp/aws', MIRRORED_AWS));

const LOOPBACK = 'http://127.0.0.1:9';
const run = promisify(execFile);

/**
 * A copy of a synthesized stack that Terraform can init, validate and plan here (the suite's one plan copy:
 * src/terraform/plan/plan-copy.ts; every endpoint on a closed loopback port, as these tests never refresh);
 * returns its folder.
 */
export function offlineCopy(json: Record<string, Json>, stackDir?: string): string {
  const dir = tempDir('sw-tf-');
  if (stackDir) cpSync(stackDir, dir, { recursive: true, filter: (src) => !src.endsWith('/hcl') });
  // Nothing answers at the loopback endpoint, so the provider could not look up the account allowed_account_ids
  // pins: the pin is dropped here and planned against a stand-in in test/terraform/account-binding.test.ts.
  const unpinned = JSON.parse(JSON.stringify(json)) as Record<string, Json>;
  for (const aws of (unpinned.provider?.aws ?? []) as Array<Record<string, unknown>>) delete aws.allowed_account_ids;
  // Datadog's live permission list (a check block reads it) stands in as a list, as the plan test's does.
  const { json: tf } = planCopy(unpinned, {
    awsVersion: MIRRORED_AWS,
    endpoint: LOOPBACK,
    standInValues: { iam_permissions: ['sts:GetCallerIdentity'] },
  });
  tf.terraform.backend = { local: { path: 'terraform.tfstate' } };
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(tf, null, 1));
  writeFileSync(
    join(dir, 'cli.tfrc'),
    `provider_installation {\n  filesystem_mirror {\n    path = "${MIRROR}"\n  }\n}\n`,
  );
  return dir;
}

/** Runs terraform in a folder made by offlineCopy; resolves with stdout, rejects with stderr. */
export async function terraform(dir: string, ...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'),
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    TF_DATA_DIR: join(dir, '.terraform'),
  };
  try {
    const { stdout } = await run(TERRAFORM!, args, { cwd: dir, env, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`terraform ${args.join(' ')} failed in ${dir}:\n${e.stderr || e.stdout || e.message}`, {
      cause: err,
    });
  }
}
