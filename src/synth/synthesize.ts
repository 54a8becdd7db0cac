import { App } from 'cdktf';
import { hasTargets, type ConfigFile } from '../config/config-file';
import { stackDefinitions } from '../../stacks';
import type { StackwrightStack } from '../core/stackwright-stack';
import { InputError } from '../core/errors';
import { createApp, synthesizeFolder, type FolderSynthOptions, type SynthesizedStack } from './folder-synth';
import { synthesizeInWorkers, workerCount } from './workers';

import type { TerraformJson } from './terraform-json';
// Before any stack is built: no `terraform version` at synth, no util.isArray (see the module).
import './cdktf-compat';
import { configFolders, type Folder, type FolderFilter } from './folders';

export type { TerraformJson, SynthesizedStack };
export { createApp, validateStack } from './folder-synth';

export interface SynthOptions extends FolderFilter, FolderSynthOptions {
  /**
   * Worker threads that build a `targets:` config's folders beside the main thread (0: none; `auto`: ./workers.ts).
   * @default `STACKWRIGHT_SYNTH_WORKERS`, else 0
   */
  readonly workers?: number | 'auto';
}

/**
 * Builds the stacks a config yields (or those of `options.only`) into `app`, in synth order, without touching the
 * disk. Every command that builds stacks builds them here, and so does the `npx cdktf synth` app (src/cli/cdktf-app.ts).
 */
export function buildStacks(
  config: ConfigFile,
  options: SynthOptions = {},
  app: App = createApp(),
): StackwrightStack[] {
  if (hasTargets(config))
    throw InputError.single(
      options.configFile ?? 'config',
      'targets',
      'a config with targets: has a folder per target and region, which one cdktf app cannot hold',
      'stackwright synth (npx cdktf synth builds single-account configs)',
    );
  return configFolders(config, options).map((f) =>
    stackDefinitions[f.stack].build(app, config, config.stacks[f.stack] as never),
  );
}

/**
 * Builds every folder of a config (narrowed by `options`), each stack with its folder. A single-account config's
 * stacks share one app as always; a target's folders each get their own, since every folder holds a stack of the
 * same name.
 */
export function buildFolders(
  config: ConfigFile,
  options: SynthOptions = {},
): { folder: Folder; stack: StackwrightStack }[] {
  const folders = configFolders(config, options);
  const shared = hasTargets(config) ? undefined : createApp();
  return folders.map((folder) => ({
    folder,
    stack: stackDefinitions[folder.stack].build(
      shared ?? createApp(),
      folder.config,
      folder.config.stacks[folder.stack] as never,
    ),
  }));
}

/**
 * Synthesizes every folder of a config (narrowed by `options`) in memory, in the folders' order. A single-account
 * config's stacks share one app, as always; a target's folders each get their own, since every folder holds a
 * stack of the same name, and many folders are built in worker threads (./workers.ts) with the same result.
 */
export async function synthesize(config: ConfigFile, options: SynthOptions = {}): Promise<SynthesizedStack[]> {
  const folders = configFolders(config, options);
  const { hcl, configFile } = options;
  const workers = hasTargets(config) ? workerCount(folders.length, options.workers) : 0;
  if (workers > 0) return synthesizeInWorkers(folders, { hcl, configFile }, workers);
  const shared = hasTargets(config) ? undefined : createApp();
  // One folder at a time: a target's stack (its own app) is garbage once its files are made.
  return Promise.resolve(folders.map((f) => synthesizeFolder(f, { hcl, configFile }, shared ?? createApp())));
}
