import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { block, str } from '../terraform/json/values';
import type { TerraformDocument } from '../terraform/json/document';

/** One stack folder of a generated tree: where it is and its Terraform JSON. */
export interface StackFolder {
  readonly dir: string;
  readonly doc: TerraformDocument;
}

/** Which folders to review (the CLI's `--stack`, `--target`, `--region`); an absent or empty list selects all. */
export interface TreeFilter {
  readonly only?: readonly string[];
  readonly targets?: readonly string[];
  readonly regions?: readonly string[];
}

/** What Terraform or a user's run leaves in a stack folder: never a stack of its own. */
const SKIPPED = new Set(['.terraform', 'hcl']);

/**
 * Folder name -> folder, for every folder under `root` that holds a `cdk.tf.json`, in name order: `<stack>` for a
 * single-account config, `<target>/<region|global>/<stack>` for a `targets:` one (forward slashes). Empty when there
 * is none.
 */
export function readTree(root: string): Map<string, StackFolder> {
  const top = resolve(root);
  if (!existsSync(top) || !statSync(top).isDirectory()) return new Map();
  const found: string[] = [];
  const walk = (rel: string): void => {
    const dir = join(top, rel);
    if (rel !== '' && existsSync(join(dir, 'cdk.tf.json'))) {
      found.push(rel);
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(rel === '' ? entry.name : `${rel}/${entry.name}`);
  };
  walk('');
  return new Map(
    found.sort().map((s) => {
      const doc = JSON.parse(readFileSync(join(top, s, 'cdk.tf.json'), 'utf8')) as TerraformDocument;
      return [s, { dir: join(top, s), doc }] as const;
    }),
  );
}

/**
 * The folders `--stack`, `--target` and `--region` select, read from the folder's name and its AWS provider's region
 * (a global folder is in its target's first region, as synth narrows it). Both sides of a review are narrowed alike,
 * so a folder that exists on one side only is still compared.
 */
export function narrowTree(tree: Map<string, StackFolder>, filter: TreeFilter): Map<string, StackFolder> {
  const pick = (list: readonly string[] | undefined, value: string | undefined) =>
    !list || list.length === 0 || (value !== undefined && list.includes(value));
  return new Map(
    [...tree].filter(([name, folder]) => {
      const parts = name.split('/');
      const target = parts.length === 3 ? parts[0] : undefined;
      return (
        pick(filter.only, parts[parts.length - 1]) &&
        pick(filter.targets, target) &&
        pick(filter.regions, providerRegion(folder.doc))
      );
    }),
  );
}

function providerRegion(doc: TerraformDocument): string | undefined {
  return str(block((doc.provider as Record<string, unknown> | undefined)?.aws)?.region);
}
