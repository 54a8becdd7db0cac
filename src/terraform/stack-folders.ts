import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors';

/**
 * The stack folders of a generated tree (each holds a `cdk.tf.json`), sorted; `only` narrows them to named stacks.
 * An empty tree or an unknown stack name is bad input (exit 2).
 */
export function stackFolders(out: string, only?: readonly string[]): string[] {
  const dir = resolve(out);
  const all =
    existsSync(dir) && statSync(dir).isDirectory()
      ? readdirSync(dir)
          .filter((d) => existsSync(join(dir, d, 'cdk.tf.json')))
          .sort()
      : [];
  if (all.length === 0)
    throw InputError.single(
      out,
      '',
      'no generated stacks (no <stack>/cdk.tf.json)',
      'run `npx stackwright synth` first, or pass --out',
    );
  const unknown = (only ?? []).filter((s) => !all.includes(s));
  if (unknown.length > 0)
    throw InputError.single('--stack', unknown.join(', '), `not a stack in ${out}`, all.join(', '));
  return only && only.length > 0 ? all.filter((s) => only.includes(s)) : all;
}
