import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** One file of a Lambda deployment package. */
export interface ZipEntry {
  /** Path inside the zip, relative, with forward slashes (for example `index.js`). */
  readonly path: string;
  readonly contents: string | Uint8Array;
  /**
   * Unix permission bits. Lambda runs code as another user than the one that wrote the zip, so files must be
   * world-readable.
   * @default 0o644
   */
  readonly mode?: number;
}

/**
 * The DOS epoch, 1980-01-01 00:00:00. fflate writes the local-time components of the date it is given, so the
 * date is built from local components on every call (not from a UTC instant, not once at load time): the bytes
 * are then the same in every time zone.
 */
const fixedMtime = (): Date => new Date(1980, 0, 1, 0, 0, 0);
const UNIX_HOST = 3; // "version made by" host: lets unzip tools honour the unix mode
const REGULAR_FILE = 0o100000; // S_IFREG
const DEFAULT_MODE = 0o644;
const COMPRESSION_LEVEL = 9;

/**
 * A zip whose bytes are a pure function of the entries' names, modes and contents: fixed timestamps, entries
 * sorted by path, fixed unix modes, no extra fields. Built in-process with fflate.
 */
export function deterministicZip(files: readonly ZipEntry[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const zippable: Zippable = {};
  for (const file of sorted) {
    checkEntry(file);
    if (Object.prototype.hasOwnProperty.call(zippable, file.path))
      throw new Error(`duplicate zip entry path: ${file.path}`);
    const mode = file.mode ?? DEFAULT_MODE;
    const data = typeof file.contents === 'string' ? strToU8(file.contents) : file.contents;
    zippable[file.path] = [
      data,
      { level: COMPRESSION_LEVEL, mtime: fixedMtime(), os: UNIX_HOST, attrs: ((REGULAR_FILE | mode) << 16) >>> 0 },
    ];
  }
  return zipSync(zippable);
}

/** Lambda's `source_code_hash`: base64 of the zip's SHA-256. */
export function sourceCodeHash(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('base64');
}

function checkEntry(file: ZipEntry): void {
  const { path, mode } = file;
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.endsWith('/')) {
    throw new Error(`zip entry path must be a relative file path with forward slashes: '${path}'`);
  }
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`zip entry path must not contain empty, '.' or '..' segments: '${path}'`);
  }
  // JavaScript orders integer-like object keys before all others, which would break the sorted entry order.
  if (/^(0|[1-9]\d*)$/.test(path))
    throw new Error(`zip entry path must not be a bare number: '${path}' (add an extension)`);
  if (mode !== undefined && (!Number.isInteger(mode) || mode < 0 || mode > 0o777)) {
    throw new Error(`zip entry mode must be permission bits between 0 and 0o777, got ${mode} for '${path}'`);
  }
}
