import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * Bundles are built from the same sources in every folder of a synth and in every run until a source changes, and
 * each esbuild build costs a process start and a bundling pass (a tenth of a second or more). A bundle is looked up
 * by a key, the hash of everything that is not a file (esbuild's version and the build options), first in memory,
 * then on disk; a disk entry also records the hash of every file the build read (esbuild's metafile inputs) and is
 * used only while each of those files still has that content. Any change to a source or a dependency's file is a
 * miss, and the bundle is built again.
 */

/** A cache entry on disk. */
interface DiskEntry {
  /** The entry format; an entry of another format is a miss. */
  readonly format: number;
  /** Path relative to the build's working directory -> SHA-256 (hex) of the file's contents when built. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly text: string;
}

const FORMAT = 1;

/** How bundles were obtained in this process: what the tests count, and what a profile would ask. */
export interface BundleCounts {
  /** Built by esbuild. */
  readonly builds: number;
  /** Read from the disk cache, its inputs unchanged. */
  readonly diskHits: number;
  /** Taken from memory, built or read earlier in this process. */
  readonly memoryHits: number;
}

const memory = new Map<string, string>();
const counts = { builds: 0, diskHits: 0, memoryHits: 0 };
/** The disk cache's folder as a test set it (`resetBundleCache`); otherwise each lookup names its default. */
let override: { readonly dir: string | undefined } | undefined;

/** The counts since the process started or since `resetBundleCache`. */
export function bundleCounts(): BundleCounts {
  return { ...counts };
}

/**
 * Empties the in-memory cache, zeroes the counts and sets the folder of the disk cache for every later lookup
 * (undefined: no disk cache). For tests, which must not depend on what earlier runs left on disk.
 */
export function resetBundleCache(dir: string | undefined): void {
  memory.clear();
  counts.builds = counts.diskHits = counts.memoryHits = 0;
  override = { dir };
}

/** What a build reports: the bundle's text and the files it read, relative to `cwd`. */
export interface BuiltBundle {
  readonly text: string;
  readonly inputs: readonly string[];
}

/** Where and how a bundle is built and cached. */
export interface BundleLookup {
  /** Everything but the input files that decides the bundle's bytes (tool version, options); JSON-serializable. */
  readonly key: Readonly<Record<string, unknown>>;
  /** The build's working directory, to which its input paths are relative. */
  readonly cwd: string;
  /** The disk cache's folder, unless a test set another (`resetBundleCache`). */
  readonly diskDir: string;
}

/**
 * The bundle under `lookup.key`: from memory, else from disk while its inputs are unchanged, else `build()`, whose
 * result is then stored in both. A disk cache that cannot be read or written is skipped: the bundle is built, as
 * without a cache.
 */
export function cachedBundle(lookup: BundleLookup, build: () => BuiltBundle): string {
  const { key, cwd } = lookup;
  const diskDir = override ? override.dir : lookup.diskDir;
  const id = sha256(JSON.stringify(key));
  const inMemory = memory.get(id);
  if (inMemory !== undefined) {
    counts.memoryHits++;
    return inMemory;
  }
  const file = diskDir === undefined ? undefined : join(diskDir, `${id}.json`);
  const fromDisk = file === undefined ? undefined : readEntry(file, cwd);
  if (fromDisk !== undefined) {
    counts.diskHits++;
    memory.set(id, fromDisk);
    return fromDisk;
  }
  const built = build();
  counts.builds++;
  memory.set(id, built.text);
  if (file !== undefined) writeEntry(file, cwd, built);
  return built.text;
}

function readEntry(file: string, cwd: string): string | undefined {
  let entry: DiskEntry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as DiskEntry;
  } catch {
    return undefined;
  }
  if (entry.format !== FORMAT || typeof entry.text !== 'string' || typeof entry.inputs !== 'object') return undefined;
  for (const [path, hash] of Object.entries(entry.inputs)) if (fileHash(cwd, path) !== hash) return undefined;
  return entry.text;
}

function writeEntry(file: string, cwd: string, built: BuiltBundle): void {
  const inputs: Record<string, string> = {};
  for (const path of [...built.inputs].sort()) {
    const hash = fileHash(cwd, path);
    if (hash === undefined) return; // an input that is not a plain file cannot be checked: not cached
    inputs[path] = hash;
  }
  const entry: DiskEntry = { format: FORMAT, inputs, text: built.text };
  // Written whole under a name of its own, then renamed: a concurrent reader sees the old entry or the new one.
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

function fileHash(cwd: string, path: string): string | undefined {
  try {
    return sha256(readFileSync(isAbsolute(path) ? path : join(cwd, path)));
  } catch {
    return undefined;
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
