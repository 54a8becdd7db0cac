import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOutDir, outDirError } from '../../src/cli/out-dir';
import { InputError } from '../../src/core/errors';
import { tempDir } from '../helpers/temp-dir';

/** The output folder's problems are the user's input: exit 2 with the folder and the reason, never a stack trace. */

const errno = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

describe('outDirError', () => {
  it.each([
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
    ['ENOSPC', 'no space left on the device'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['ENOENT', 'the file system does not allow creating it'],
  ])('%s: names the folder, the reason and the failing call', (code, reason) => {
    const err = outDirError('out', errno(code, 'mkdir', '/mnt/ro/.stackwright-staging-1'));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `--out: out: cannot be written: ${reason} (${code}: mkdir /mnt/ro/.stackwright-staging-1) (a new or empty folder, or one synth wrote before)`,
    );
  });

  it('passes on what is not a file-system error (a bug stays a bug)', () => {
    const bug = new TypeError('x is undefined');
    expect(outDirError('out', bug)).toBe(bug);
  });
});

describe('checkOutDir', () => {
  const dir = tempDir('sw-out-dir-');

  it('accepts a new folder, an empty one and one synth wrote', () => {
    expect(() => checkOutDir(join(dir, 'new', 'deeper'))).not.toThrow();
    mkdirSync(join(dir, 'empty'));
    expect(() => checkOutDir(join(dir, 'empty'))).not.toThrow();
    mkdirSync(join(dir, 'ours'));
    writeFileSync(join(dir, 'ours', '.stackwright'), 'marker\n');
    writeFileSync(join(dir, 'ours', 'x'), 'old output\n');
    expect(() => checkOutDir(join(dir, 'ours'))).not.toThrow();
  });

  it('for diff, a missing folder is fine (everything differs) but a foreign one is not', () => {
    expect(() => checkOutDir(join(dir, 'missing'), false)).not.toThrow();
    mkdirSync(join(dir, 'foreign'));
    writeFileSync(join(dir, 'foreign', 'notes'), 'x');
    expect(() => checkOutDir(join(dir, 'foreign'), false)).toThrow(
      /is not empty and has no \.stackwright marker, so synth did not write it; diff compares a folder synth wrote/,
    );
  });
});
