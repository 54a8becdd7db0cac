import { InputError } from '../core/errors';
import { runTerraform as run } from './process';

/** Fails with exit code 2 and a clear message when the binary is missing or not Terraform. */
export async function terraformVersion(bin: string): Promise<string> {
  const r = await run(bin, ['version', '-json'], process.cwd());
  if (r.spawnError || r.code !== 0) {
    const why = r.spawnError ? `cannot run '${bin}' (${r.spawnError})` : `'${bin} version' failed: ${r.stderr.trim()}`;
    throw InputError.single(
      'terraform',
      '',
      why,
      'install Terraform 1.5 or later (https://developer.hashicorp.com/terraform/install) or pass --terraform PATH',
    );
  }
  try {
    return (JSON.parse(r.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    throw InputError.single(
      'terraform',
      '',
      `'${bin}' is not Terraform (no JSON from 'version -json')`,
      'install Terraform 1.5 or later, or pass --terraform PATH',
    );
  }
}
