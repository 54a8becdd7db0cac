import { createHash } from 'node:crypto';
import type { StackwrightStack } from '../core/stackwright-stack';
import { deterministicZip, sourceCodeHash, type ZipEntry } from './deterministic-zip';

/** Where a Lambda zip lives, as the function's `filename` and `source_code_hash` want it. */
export interface LambdaZip {
  /** `${path.module}/assets/<name>.zip`: inside the stack folder, so the folder is self-contained. */
  readonly filename: string;
  /** Base64 SHA-256 of the zip; changes with any name, mode or content. */
  readonly sourceCodeHash: string;
}

/** Zips the files deterministically and writes the zip as `assets/<name>.zip` beside the stack's cdk.tf.json. */
export function addLambdaZip(stack: StackwrightStack, name: string, files: readonly ZipEntry[]): LambdaZip {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    throw new Error(`addLambdaZip: name must be lower-case letters, digits, '.', '_' or '-', got '${name}'`);
  }
  const path = `assets/${name}.zip`;
  if (stack.stackFiles().some((f) => f.path === path)) {
    throw new Error(`addLambdaZip: ${path} is already in stack '${stack.node.id}'; give each function its own name`);
  }
  const contents = zipOnce(files);
  stack.addFile({ path, contents });
  return { filename: `\${path.module}/${path}`, sourceCodeHash: sourceCodeHash(contents) };
}

/**
 * Zips made in this process, by a hash of their entries. Every folder of a synth with the same function zips the same
 * files, and compressing at level 9 costs tens of milliseconds each time. The zip's bytes are a pure function of the
 * entries (./deterministic-zip.ts), so a zip of equal entries is the same zip.
 */
const zips = new Map<string, Uint8Array>();

function zipOnce(files: readonly ZipEntry[]): Uint8Array {
  const hash = createHash('sha256');
  for (const f of files) {
    // Lengths first, so no two different entry lists hash the same bytes.
    const data = typeof f.contents === 'string' ? Buffer.from(f.contents) : f.contents;
    hash.update(`${f.path.length}:${f.path}:${f.mode ?? ''}:${data.length}:`).update(data);
  }
  const key = hash.digest('hex');
  let zip = zips.get(key);
  if (zip === undefined) {
    zip = deterministicZip(files);
    zips.set(key, zip);
  }
  return zip;
}
