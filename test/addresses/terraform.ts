import { execFile } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../helpers/temp-dir';

/**
 * The real Terraform with the real AWS provider, offline: hashicorp/aws 5.100.0 from the filesystem mirror under
 * /opt/tf-plugins (REFERENCE.md, "Offline validation that works here"). Nothing is sent anywhere: the provider skips
 * its credential, account and metadata calls, every endpoint it could use points at a closed loopback port, and
 * Terraform's own version check is off.
 */
export const TERRAFORM = ['/usr/local/bin/terraform', '/usr/bin/terraform'].find((p) => existsSync(p));
const MIRROR = '/opt/tf-plugins';
export const MIRRORED_AWS = '5.100.0';
export const offlineTerraformAvailable = TERRAFORM !== undefined && existsSync(join(MIRROR, 'registry.terraform.io/hashicorp/aws', MIRRORED_AWS));

/** Providers that are not mirrored: their blocks become `terraform_data` stand-ins, references rewritten to them. */
const UNMIRRORED = /^(datadog|docker)_/;
/** Runtimes newer than provider 5.100 knows, and the newest it does. */
const OLDER_RUNTIMES: Record<string, string> = { 'python3.14': 'python3.13', 'nodejs24.x': 'nodejs22.x' };
const LOOPBACK = 'http://127.0.0.1:9';
const ENDPOINT_SERVICES = ['sts', 'iam', 'ec2', 'ecs', 'ecr', 'elbv2', 'lambda', 'dynamodb', 'cloudwatchlogs', 'events', 'sqs', 'ssm', 'autoscaling'];

const run = promisify(execFile);

/** A copy of a synthesized stack that Terraform can init, validate and plan here; returns its folder. */
export function offlineCopy(json: Record<string, any>, stackDir?: string): string {
  const dir = tempDir('sw-tf-');
  if (stackDir) cpSync(stackDir, dir, { recursive: true, filter: (src) => !src.endsWith('/hcl') });
  const tf = structuredClone(json);
  tf.terraform.required_providers = { aws: { source: 'hashicorp/aws', version: MIRRORED_AWS } };
  tf.terraform.backend = { local: { path: 'terraform.tfstate' } };
  delete tf.terraform.cloud;
  tf.provider = {
    aws: tf.provider.aws.map((p: Record<string, unknown>) => ({
      ...p,
      access_key: 'offline',
      secret_key: 'offline',
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      endpoints: [Object.fromEntries(ENDPOINT_SERVICES.map((s) => [s, LOOPBACK]))],
    })),
  };
  const standIns: Record<string, unknown> = {};
  for (const kind of ['resource', 'data'] as const) {
    for (const type of Object.keys(tf[kind] ?? {})) {
      if (!UNMIRRORED.test(type)) continue;
      for (const name of Object.keys(tf[kind][type])) standIns[standInName(kind === 'data', type, name)] = { input: {} };
      delete tf[kind][type];
    }
  }
  if (Object.keys(standIns).length > 0) tf.resource = { ...tf.resource, terraform_data: standIns };
  tf.moved = (tf.moved ?? []).filter((m: { to: string }) => !UNMIRRORED.test(m.to));
  if (tf.moved.length === 0) delete tf.moved;
  for (const fn of Object.values<any>(tf.resource?.aws_lambda_function ?? {})) fn.runtime = OLDER_RUNTIMES[fn.runtime] ?? fn.runtime;
  const text = JSON.stringify(tf, null, 1).replace(
    /\b(data\.)?((?:datadog|docker)_[a-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_]+)?)/g,
    (_m, data: string | undefined, type: string, name: string, attr: string) =>
      `terraform_data.${standInName(!!data, type, name)}${attr ? `.output${attr}` : ''}`,
  );
  writeFileSync(join(dir, 'cdk.tf.json'), text);
  writeFileSync(join(dir, 'cli.tfrc'), `provider_installation {\n  filesystem_mirror {\n    path = "${MIRROR}"\n  }\n}\n`);
  return dir;
}

function standInName(data: boolean, type: string, name: string): string {
  return `${data ? 'data__' : ''}${type}__${name}`;
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
    throw new Error(`terraform ${args.join(' ')} failed in ${dir}:\n${e.stderr || e.stdout || e.message}`);
  }
}
