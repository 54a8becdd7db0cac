import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type InputProblem } from '../core/errors';
import { isObj } from '../terraform/json';
import type { CheckInput } from './index';

/** A Terraform JSON document to check, with where it lives (for CI annotations). */
export interface LocatedInput extends CheckInput {
  /** Path of the cdk.tf.json, relative as given. */
  readonly file: string;
  /** The file's text, to find line numbers. */
  readonly text: string;
}

export const TERRAFORM_JSON = 'cdk.tf.json';

/**
 * Reads Terraform JSON files for `check --file`. A folder stands for the cdk.tf.json in it or in its subfolders
 * (so `--file generated` checks every stack). Missing files and invalid JSON are input errors (exit 2).
 */
export function readTerraformFiles(paths: readonly string[]): LocatedInput[] {
  const problems: InputProblem[] = [];
  const inputs: LocatedInput[] = [];
  for (const path of paths.flatMap((p) => expand(p, problems))) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      problems.push({ file: path, path: '', message: `cannot read (${(err as NodeJS.ErrnoException).code})` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      problems.push({
        file: path,
        path: '',
        message: `invalid JSON: ${(err as Error).message}`,
        allowed: 'a Terraform JSON file such as cdk.tf.json',
      });
      continue;
    }
    if (!isObj(json)) {
      problems.push({
        file: path,
        path: '',
        message: 'not a Terraform JSON document',
        allowed: 'a JSON object with resource/data sections',
      });
      continue;
    }
    const problem = terraformShapeProblem(json);
    if (problem) {
      problems.push({
        file: path,
        path: '',
        message: `not a Terraform JSON configuration: ${problem}`,
        allowed: `a JSON object of ${TERRAFORM_BLOCKS.join(', ')} blocks, such as cdk.tf.json`,
      });
      continue;
    }
    inputs.push({ stack: stackName(json, path), json, file: path, text });
  }
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

/** The top-level keys of Terraform's JSON configuration syntax (`//` is a comment). */
const TERRAFORM_BLOCKS = [
  'terraform',
  'provider',
  'resource',
  'data',
  'variable',
  'output',
  'locals',
  'module',
  'check',
  'import',
  'moved',
  'removed',
];

/** Why a JSON object is not a Terraform configuration (a key Terraform does not know, or no block at all). */
function terraformShapeProblem(json: Record<string, unknown>): string | undefined {
  const unknown = Object.keys(json).filter((k) => k !== '//' && !TERRAFORM_BLOCKS.includes(k));
  if (unknown.length > 0) {
    const keys = unknown.map((k) => `'${k}'`).join(', ');
    return `top-level key${unknown.length > 1 ? 's' : ''} ${keys} ${unknown.length > 1 ? 'are' : 'is'} not a Terraform block`;
  }
  if (!Object.keys(json).some((k) => TERRAFORM_BLOCKS.includes(k))) return 'it has no Terraform block';
  return undefined;
}

function expand(path: string, problems: InputProblem[]): string[] {
  if (!existsSync(path)) {
    problems.push({
      file: path,
      path: '',
      message: 'file not found',
      allowed: 'a cdk.tf.json file or a folder holding them',
    });
    return [];
  }
  if (!statSync(path).isDirectory()) return [path];
  const own = join(path, TERRAFORM_JSON);
  if (existsSync(own)) return [own];
  const nested = readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(path, d.name, TERRAFORM_JSON))
    .filter((f) => existsSync(f))
    .sort();
  if (nested.length === 0)
    problems.push({ file: path, path: '', message: `no ${TERRAFORM_JSON} in this folder or its subfolders` });
  return nested;
}

/** cdktf records the stack's name in the document's metadata; other Terraform JSON is named by its file. */
export function stackName(json: Record<string, unknown>, file: string): string {
  const meta = isObj(json['//']) && isObj(json['//'].metadata) ? json['//'].metadata : undefined;
  return typeof meta?.stackName === 'string' ? meta.stackName : file;
}

/** The line of a resource's (or data source's) entry in a Terraform JSON text, for annotations. */
export function lineOf(text: string, address: string): number | undefined {
  const data = address.startsWith('data.');
  const [type, name] = (data ? address.slice(5) : address).split(/\.(.*)/s);
  const section = text.search(new RegExp(`"${data ? 'data' : 'resource'}"\\s*:\\s*\\{`));
  if (section < 0) return undefined;
  const typeAt = text.indexOf(`"${type}"`, section);
  const nameAt = typeAt < 0 ? -1 : text.indexOf(`"${name}"`, typeAt);
  return nameAt < 0 ? undefined : text.slice(0, nameAt).split('\n').length;
}
