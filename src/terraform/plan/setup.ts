import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/project-root';
import { runTerraform, type RunResult } from '../process';

export { mapLimited, type RunResult } from '../process';

/** Where the real AWS provider is mirrored on this machine image (override: STACKWRIGHT_TF_PLUGIN_MIRROR). */
export const MIRROR = process.env.STACKWRIGHT_TF_PLUGIN_MIRROR ?? '/opt/tf-plugins';
const AWS_IN_MIRROR = join(MIRROR, 'registry.terraform.io', 'hashicorp', 'aws');

/** One provider copy for every stack and test run (Terraform links it into each .terraform/). */
export const PLUGIN_CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'stackwright', 'terraform-plugins');

/** Terraform's dependency lock file name. */
export const LOCK_FILE = '.terraform.lock.hcl';

export const HOW_TO_PROVIDE =
  'Terraform needs the hashicorp/aws provider: mirror it under /opt/tf-plugins (registry.terraform.io/hashicorp/aws/<version>/<os_arch>/, ' +
  'or set STACKWRIGHT_TF_PLUGIN_MIRROR), or allow access to registry.terraform.io so `terraform init` can download it.';

export interface TerraformSetup {
  /** hashicorp/aws version the test copies pin. */
  readonly awsVersion: string;
  readonly source: 'mirror' | 'registry';
  /** Environment for every terraform command: the test's CLI config, no other network, no user settings. */
  readonly env: NodeJS.ProcessEnv;
  readonly cliConfigFile: string;
}

/**
 * The test's Terraform CLI config: the filesystem mirror when present (AWS only, never the network), else normal
 * installation from the registry; a shared plugin cache either way.
 */
export function terraformSetup(registryVersion: string): TerraformSetup {
  const dir = mkdtempSync(join(tmpdir(), 'stackwright-tf-'));
  mkdirSync(PLUGIN_CACHE, { recursive: true });
  const mirrored = existsSync(AWS_IN_MIRROR)
    ? readdirSync(AWS_IN_MIRROR)
        .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
        .sort(byVersion)
    : [];
  const awsVersion = mirrored.length > 0 ? mirrored[mirrored.length - 1] : registryVersion;
  const installation =
    mirrored.length > 0
      ? `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(MIRROR)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`
      : '';
  const cliConfigFile = join(dir, 'terraform.rc');
  writeFileSync(cliConfigFile, `${installation}plugin_cache_dir = ${JSON.stringify(PLUGIN_CACHE)}\n`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    // The AWS provider must never look for real credentials or the instance metadata service.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  return { awsVersion, source: mirrored.length > 0 ? 'mirror' : 'registry', env, cliConfigFile };
}

function byVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

/** Runs terraform asynchronously (the loopback stand-in answers from this same process meanwhile). */
export function terraform(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  bin = 'terraform',
): Promise<RunResult> {
  return runTerraform(bin, [...args], cwd, env);
}

/** Fails with how to install Terraform when the binary is missing. */
export async function requireTerraform(env: NodeJS.ProcessEnv): Promise<string> {
  const r = await terraform(['version', '-json'], tmpdir(), env);
  if (r.code !== 0)
    throw new Error(
      `Terraform is not on PATH (${r.spawnError ?? r.stderr}): install Terraform 1.5 or later (https://developer.hashicorp.com/terraform/install).`,
    );
  return (JSON.parse(r.stdout) as { terraform_version: string }).terraform_version;
}

/**
 * Installs the provider into the shared cache once, under a lock, and returns the dependency lock file that init
 * wrote. Every stack copy gets that lock file: with its checksums Terraform links the cached copy; without one it
 * would re-install into the cache, and concurrent inits (this file's stacks, other test files) would collide.
 */
export async function warmPluginCache(setup: TerraformSetup): Promise<string> {
  const marker = join(PLUGIN_CACHE, `.lock-aws-${setup.awsVersion}.hcl`);
  if (existsSync(marker)) return readFileSync(marker, 'utf8');
  const lock = `${PLUGIN_CACHE}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(marker)) return readFileSync(marker, 'utf8');
      // A lock older than 10 minutes was left by a killed run: no install takes that long.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250)); // another test file is installing it
    }
  }
  try {
    if (existsSync(marker)) return readFileSync(marker, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'stackwright-tf-warm-'));
    writeFileSync(
      join(dir, 'main.tf.json'),
      JSON.stringify({
        terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: setup.awsVersion } } },
      }),
    );
    const r = await terraform(['init', '-backend=false', '-input=false', '-no-color'], dir, setup.env);
    const lockFile = r.code === 0 ? readFileSync(join(dir, LOCK_FILE), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    if (r.code !== 0)
      throw new Error(
        `terraform init could not install hashicorp/aws ${setup.awsVersion} (${setup.source}). ${HOW_TO_PROVIDE}\n${r.stderr}${r.stdout}`,
      );
    writeFileSync(marker, lockFile);
    return lockFile;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
