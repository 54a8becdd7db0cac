import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors';

/** Narrows the folders: by stack (the last part), target (`<target>/...`) and region (`<target>/<region>/...`). */
export interface StackFolderFilter {
  readonly only?: readonly string[];
  readonly targets?: readonly string[];
  readonly regions?: readonly string[];
}

/**
 * The stack folders of a generated tree (each holds a `cdk.tf.json`): `<stack>` for a single-account config,
 * `<target>/<region|global>/<stack>` for one with targets; sorted, narrowed by `filter` (or a list of stack names).
 * An empty tree or a name that matches nothing is bad input (exit 2).
 */
export function stackFolders(out: string, filter: StackFolderFilter | readonly string[] = {}): string[] {
  const f: StackFolderFilter = isList(filter) ? { only: filter } : filter;
  const dir = resolve(out);
  const all = existsSync(dir) && statSync(dir).isDirectory() ? findFolders(dir, '', 3).sort() : [];
  if (all.length === 0)
    throw InputError.single(
      out,
      '',
      'no generated stacks (no <stack>/cdk.tf.json)',
      'run `npx stackwright synth` first, or pass --out',
    );
  const parts = all.map((p) => {
    const s = p.split('/');
    const target = s.length === 3 ? s[0] : undefined;
    // A global folder counts as being in its provider's region (its target's first), as the config commands count it.
    const region = target === undefined ? undefined : s[1] === 'global' ? providerRegion(join(dir, p)) : s[1];
    return { path: p, stack: s[s.length - 1]!, target, region };
  });
  type Part = (typeof parts)[number];
  const flags: [string, readonly string[] | undefined, (p: Part) => string | undefined, string][] = [
    ['--stack', f.only, (p) => p.stack, 'stack'],
    ['--target', f.targets, (p) => p.target, 'target'],
    ['--region', f.regions, (p) => p.region, 'region'],
  ];
  for (const [flag, given, of, what] of flags) {
    const known = [...new Set(parts.map(of).filter((v): v is string => v !== undefined))].sort();
    const unknown = (given ?? []).filter((s) => !known.includes(s));
    if (unknown.length > 0)
      throw InputError.single(flag, unknown.join(', '), `not a ${what} in ${out}`, known.join(', ') || 'none there');
  }
  return parts
    .filter((p) => flags.every(([, given, of]) => !given || given.length === 0 || given.includes(of(p) ?? '')))
    .map((p) => p.path);
}

/** The AWS provider's region in a folder's cdk.tf.json, when it names one. */
function providerRegion(folder: string): string | undefined {
  try {
    const json = JSON.parse(readFileSync(join(folder, 'cdk.tf.json'), 'utf8')) as {
      provider?: { aws?: { region?: unknown }[] };
    };
    const region = json.provider?.aws?.[0]?.region;
    return typeof region === 'string' ? region : undefined;
  } catch {
    return undefined; // not JSON: terraform validate reports it
  }
}

/** Folders holding a cdk.tf.json, up to `depth` levels down. */
function findFolders(root: string, rel: string, depth: number): string[] {
  if (depth === 0) return [];
  return readdirSync(join(root, rel), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .flatMap((e) => {
      const path = rel ? `${rel}/${e.name}` : e.name;
      return existsSync(join(root, path, 'cdk.tf.json')) ? [path] : findFolders(root, path, depth - 1);
    });
}

function isList(v: StackFolderFilter | readonly string[]): v is readonly string[] {
  return Array.isArray(v);
}
