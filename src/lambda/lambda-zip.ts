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
  const contents = deterministicZip(files);
  stack.addFile({ path, contents });
  return { filename: `\${path.module}/${path}`, sourceCodeHash: sourceCodeHash(contents) };
}
