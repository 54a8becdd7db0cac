import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '@stackwright/generator';

/** Fails with exit 2 before any measuring when an output file could not be written: no name, or no such folder. */
export function checkOutputFile(flag: string, path: string | undefined, example: string): void {
  if (path === undefined) return;
  if (!path) throw InputError.single(flag, '', 'needs a file name', `for example ${example}`);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw InputError.single(flag, path, `folder '${dir}' does not exist`, 'an existing folder');
}
