import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from '../core/project-root';
import { cachedBundle } from './bundle-cache';

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

/** Where bundles are kept between runs: the usual cache folder of the checkout's node_modules. */
export const BUNDLE_CACHE_DIR = join(PROJECT_ROOT, 'node_modules/.cache/stackwright/bundles');

/**
 * Bundles a Node.js Lambda handler into one CommonJS file with esbuild's synchronous API (no per-asset process).
 * The working directory is the repository root, so the comments esbuild writes name repo-relative paths and
 * the output is the same on every machine. The same handler with the same options is built once per process and,
 * while its sources are unchanged, once across runs (./bundle-cache.ts); esbuild is loaded only to build.
 */
export function bundleNodeHandler(opts: BundleNodeHandlerOptions): string {
  if (isAbsolute(opts.entry) || opts.entry.split(/[\\/]/).includes('..')) {
    throw new Error(`bundleNodeHandler: entry must be a path relative to the repository root, got '${opts.entry}'`);
  }
  const root = PROJECT_ROOT;
  if (!existsSync(join(root, opts.entry))) {
    throw new Error(`bundleNodeHandler: entry '${opts.entry}' does not exist under the repository root`);
  }
  const options = {
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
  } satisfies BuildOptions;
  const key = { esbuild: esbuildVersion(), options };
  return cachedBundle({ key, cwd: root, diskDir: BUNDLE_CACHE_DIR }, () => {
    const esbuild = require('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({
      ...options,
      absWorkingDir: root,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    if (result.outputFiles.length !== 1) {
      throw new Error(
        `bundleNodeHandler: expected one output file for '${opts.entry}', got ${result.outputFiles.length}`,
      );
    }
    return { text: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
  });
}

/** The installed esbuild's version, read without loading esbuild (a bundle built by another version is a miss). */
function esbuildVersion(): string {
  return (require('esbuild/package.json') as { version: string }).version;
}
