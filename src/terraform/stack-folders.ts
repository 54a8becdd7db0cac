import { existsSync, readdirSync, statSync } from 'node:fs';
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
    return { path: p, stack: s[s.length - 1]!, target: s.length === 3 ? s[0] : undefined, region: s[1] };
  });
  const flags: [string, readonly string[] | undefined, (p: (typeof parts)[number]) => string | undefined][] = [
    ['--stack', f.only, (p) => p.stack],
    ['--target', f.targets, (p) => p.target],
    ['--region', f.regions, (p) => (p.target ? p.region : undefined)],
  ];
  for (const [flag, given, of] of flags) {
    const known = [...new Set(parts.map(of).filter((v): v is string => v !== undefined))].sort();
    const unknown = (given ?? []).filter((s) => !known.includes(s));
    if (unknown.length > 0)
      throw InputError.single(flag, unknown.join(', '), `not in ${out}`, known.join(', ') || 'none there');
  }
  return parts
    .filter((p) => flags.every(([, given, of]) => !given || given.length === 0 || given.includes(of(p) ?? '')))
    .map((p) => p.path);
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
