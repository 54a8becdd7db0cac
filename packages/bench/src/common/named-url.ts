import { InputError } from '@stackwright/generator';

/** Splits one `--url name=URL` flag into its name and URL; bad input naming the flag when it has no name. */
export function splitNamedUrl(flag: string, example: string): { name: string; url: string } {
  const eq = flag.indexOf('=');
  if (eq <= 0) throw InputError.single('--url', flag, 'expected name=URL', `for example ${example}`);
  return { name: flag.slice(0, eq), url: flag.slice(eq + 1) };
}
