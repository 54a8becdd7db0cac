import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../../core/errors';

/**
 * A stack's Terraform outputs by name, each unwrapped to its value. `path` is a stack folder (`terraform output
 * -json` runs there) or a JSON file holding that command's output; a file of plain `{ name: value }` works too.
 * `flag` names the command-line option in error messages.
 */
export function readTerraformOutputs(path: string, flag = '--from-terraform'): Record<string, unknown> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw InputError.single(flag, path, 'not found', 'a generated stack folder or a JSON file of `terraform output -json`');
  }
  const text = isDirectory ? terraformOutputJson(path, flag) : readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw InputError.single(flag, path, `not JSON: ${(err as Error).message}`, 'the output of `terraform output -json`');
  }
  if (!isRecord(parsed)) throw InputError.single(flag, path, 'is not a JSON object of outputs', 'the output of `terraform output -json`');
  // `terraform output -json` wraps each output as { sensitive, type, value }.
  return Object.fromEntries(Object.entries(parsed).map(([name, entry]) => [name, isRecord(entry) && 'value' in entry ? entry.value : entry]));
}

function terraformOutputJson(dir: string, flag: string): string {
  try {
    return execFileSync('terraform', ['output', '-no-color', '-json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    const why = e.code === 'ENOENT' ? 'terraform is not installed' : firstError(e.stderr ?? e.message);
    throw InputError.single(flag, dir, `terraform output -json failed: ${why}`, 'run terraform apply in that folder first, or pass a JSON file');
  }
}

/** Terraform's first `Error:` line (warnings, such as a missing ~/.terraformrc, come first), else its first line. */
function firstError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.replace(/^[\s│╷╵]+/, '').trim()).filter(Boolean);
  return lines.find((l) => l.startsWith('Error:')) ?? lines[0] ?? 'failed';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
