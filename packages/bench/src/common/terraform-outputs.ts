import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '@stackwright/generator';

export interface TerraformOutputsOptions {
  /** The command-line option named in error messages. @default '--from-terraform' */
  readonly flag?: string;
  /** The Terraform CLI to run in a stack folder (OpenTofu's `tofu` answers the same command). @default 'terraform' */
  readonly binary?: string;
}

/**
 * A stack's Terraform outputs by name, each unwrapped to its value. `path` is a stack folder (`terraform output
 * -json` runs there) or a JSON file holding that command's output; a file of plain `{ name: value }` works too.
 */
export function readTerraformOutputs(path: string, options: TerraformOutputsOptions = {}): Record<string, unknown> {
  const flag = options.flag ?? '--from-terraform';
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw InputError.single(
      flag,
      path,
      'not found',
      'a generated stack folder or a JSON file of `terraform output -json`',
    );
  }
  const text = isDirectory
    ? terraformOutputJson(path, flag, options.binary ?? 'terraform')
    : readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw InputError.single(
      flag,
      path,
      `not JSON: ${(err as Error).message}`,
      'the output of `terraform output -json`',
    );
  }
  if (!isRecord(parsed))
    throw InputError.single(flag, path, 'is not a JSON object of outputs', 'the output of `terraform output -json`');
  // `terraform output -json` wraps each output as { sensitive, type, value }.
  return Object.fromEntries(
    Object.entries(parsed).map(([name, entry]) => [name, isRecord(entry) && 'value' in entry ? entry.value : entry]),
  );
}

function terraformOutputJson(dir: string, flag: string, binary: string): string {
  try {
    return execFileSync(binary, ['output', '-no-color', '-json'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw InputError.single(
        flag,
        dir,
        `${binary} is not installed`,
        'install Terraform (or pass --terraform), or pass a JSON file of `terraform output -json`',
      );
    throw InputError.single(
      flag,
      dir,
      `${binary} output -json failed: ${firstError(e.stderr ?? e.message)}`,
      'run terraform apply in that folder first, or pass a JSON file',
    );
  }
}

/** Terraform's first `Error:` line (warnings, such as a missing ~/.terraformrc, come first), else its first line. */
function firstError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.replace(/^[\s│╷╵]+/, '').trim())
    .filter(Boolean);
  return lines.find((l) => l.startsWith('Error:')) ?? lines[0] ?? 'failed';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
