import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '@stackwright/generator';

/**
 * --work-dir must be an existing folder and, when we are root (`uid` 0), one that `nobody` can reach: the local
 * runner then runs the servers as nobody, and a folder they cannot enter would only show as nginx failing to open
 * its config ("Permission denied").
 */
export function checkWorkDir(dir: string, uid: number | undefined = process.getuid?.()): void {
  if (!(existsSync(dir) && statSync(dir).isDirectory()))
    throw InputError.single('--work-dir', dir, 'is not an existing folder');
  if (uid !== 0) return;
  for (let path = resolve(dir); ; path = dirname(path)) {
    if ((statSync(path).mode & 0o001) === 0) {
      throw InputError.single(
        '--work-dir',
        dir,
        `running as root, the servers run as nobody, who cannot enter ${path}`,
        `chmod o+x ${path}, or choose another folder`,
      );
    }
    if (dirname(path) === path) return;
  }
}
