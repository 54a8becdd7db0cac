import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TerraformDocument } from '../terraform/json/document';

/** One stack folder of a generated tree: where it is and its Terraform JSON. */
export interface StackFolder {
  readonly dir: string;
  readonly doc: TerraformDocument;
}

/** Stack name -> folder, for every `<stack>/cdk.tf.json` under `root`, in name order. Empty when there is none. */
export function readTree(root: string): Map<string, StackFolder> {
  const dir = resolve(root);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return new Map();
  const stacks = readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'cdk.tf.json')))
    .sort();
  return new Map(
    stacks.map((s) => {
      const doc = JSON.parse(readFileSync(join(dir, s, 'cdk.tf.json'), 'utf8')) as TerraformDocument;
      return [s, { dir: join(dir, s), doc }] as const;
    }),
  );
}
