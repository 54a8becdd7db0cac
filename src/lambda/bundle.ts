import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { buildSync } from 'esbuild';
import { PROJECT_ROOT } from '../core/project-root';

export interface BundleNodeHandlerOptions {
  /** Repo-relative path of the TypeScript handler, for example `src/ecs/reconciler/handler/index.ts`. */
  readonly entry: string;
  /**
   * Packages left out of the bundle because the runtime provides them.
   * @default ['@aws-sdk/*', '@smithy/*'] (the AWS SDK v3 ships in the nodejs22.x runtime)
   */
  readonly external?: string[];
}

/** What the nodejs22.x runtime already provides. */
export const RUNTIME_PROVIDED_PACKAGES: readonly string[] = ['@aws-sdk/*', '@smithy/*'];

/**
 * Bundles a Node.js Lambda handler into one CommonJS file with esbuild's synchronous API (no per-asset process).
 * The working directory is the repository root, so the comments esbuild writes name repo-relative paths and
 * the output is the same on every machine.
 */
export function bundleNodeHandler(opts: BundleNodeHandlerOptions): string {
  if (isAbsolute(opts.entry) || opts.entry.split(/[\\/]/).includes('..')) {
    throw new Error(`bundleNodeHandler: entry must be a path relative to the repository root, got '${opts.entry}'`);
  }
  const root = PROJECT_ROOT;
  if (!existsSync(join(root, opts.entry))) {
    throw new Error(`bundleNodeHandler: entry '${opts.entry}' does not exist under the repository root`);
  }
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: [opts.entry],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // Prefer ESM builds of dependencies: they tree-shake better, which shortens the cold start.
    mainFields: ['module', 'main'],
    external: [...(opts.external ?? RUNTIME_PROVIDED_PACKAGES)],
    minify: true,
    // Error class names appear in logs and in Lambda's errorType; keep them.
    keepNames: true,
    legalComments: 'none',
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  if (result.outputFiles.length !== 1) {
    throw new Error(
      `bundleNodeHandler: expected one output file for '${opts.entry}', got ${result.outputFiles.length}`,
    );
  }
  return result.outputFiles[0].text;
}
