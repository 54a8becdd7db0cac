import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../core/errors';

/** The file synth writes at the top of its output folder (see src/synth/output-dir.ts). */
const MARKER = '.stackwright';
const FLAG = '--out';
const ALLOWED = 'a new or empty folder, or one synth wrote before';

/** Why a file-system call failed, in words, by errno code. */
const REASONS: Readonly<Record<string, string>> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operating system does not allow it',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  ENOENT: 'the file system does not allow creating it',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path has a symbolic link loop',
  EISDIR: 'a file synth writes is a folder there',
};

/** The nearest existing folder at or above `path`, or the file that blocks the way to it. */
function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/**
 * Checks the output folder before synth does any work: it must be a folder (or creatable in one) that synth wrote
 * before or that holds nothing, since synth replaces the whole folder. Problems are input errors (exit 2).
 */
export function checkOutDir(outDir: string, forWriting = true): void {
  const target = resolve(outDir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw InputError.single(FLAG, outDir, 'exists and is not a folder', ALLOWED);
    if (readdirSync(target).length > 0 && !existsSync(join(target, MARKER))) {
      const what = forWriting ? 'synth replaces the whole folder' : 'diff compares a folder synth wrote';
      throw InputError.single(
        FLAG,
        outDir,
        `is not empty and has no ${MARKER} marker, so synth did not write it; ${what}`,
        ALLOWED,
      );
    }
  }
  if (!forWriting) return;
  // The staging folder is created beside the target, so its parent (or the first part of it that exists) must
  // be a folder we can write.
  const existing = nearestExisting(dirname(target));
  if (!statSync(existing).isDirectory())
    throw InputError.single(FLAG, outDir, `cannot be created: ${existing} is a file, not a folder`, ALLOWED);
  try {
    accessSync(existing, constants.W_OK);
  } catch (err) {
    throw outDirError(outDir, err);
  }
}

/** A file-system failure while writing the output folder, as an input error naming the folder and the reason. */
export function outDirError(outDir: string, err: unknown): unknown {
  // Duck-typed: errors from node's fs may come from another realm (a vm context), where instanceof Error fails.
  const e = (err ?? {}) as NodeJS.ErrnoException;
  if (typeof e.code !== 'string' || !/^E[A-Z]+$/.test(e.code)) return err;
  const reason = REASONS[e.code] ?? String(e.message).split('\n')[0];
  const where = e.path ? ` (${e.code}: ${e.syscall ?? 'access'} ${e.path})` : ` (${e.code})`;
  return InputError.single(FLAG, outDir, `cannot be written: ${reason}${where}`, ALLOWED);
}
