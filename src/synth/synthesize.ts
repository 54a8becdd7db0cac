import { App } from 'cdktf';
import type { StackwrightConfig, StackKey } from '../config/schema';
import { hasTargets, type ConfigFile } from '../config/config-file';
import { stackDefinitions } from '../../stacks';
import type { StackwrightStack } from '../core/stackwright-stack';
import { InputError } from '../core/errors';
import { renderHcl } from './hcl';
import { renderStackReadme } from './readme';

/** One synthesized stack, fully in memory: its folder name and every file of that folder. */
export interface SynthesizedStack {
  /** The folder under generated/: the stack's name, or `<target>/<region|global>/<stack>` (./folders.ts). */
  readonly name: string;
  /** Its target, region, account and state location; set by `synthesize`. */
  readonly folder?: FolderInfo;
  readonly json: TerraformJson;
  /** Relative path -> contents, sorted by path. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
}

import type { TerraformJson } from './terraform-json';
// Before any stack is built: no `terraform version` at synth, no util.isArray (see the module).
import './cdktf-compat';
import { configFolders, type Folder, type FolderFilter, type FolderInfo } from './folders';

export type { TerraformJson };

export interface SynthOptions extends FolderFilter {
  /** Also render the HCL copy under hcl/ (on by default; off for quick checks). */
  readonly hcl?: boolean;
  /** The config file name, for error messages. */
  readonly configFile?: string;
}

/**
 * The cdktf App every stack is built in. No construct stack traces in the output (they hold absolute paths), and
 * cdktf's own validation is off: `validateStack` runs it per stack and reports it as bad input. `outdir` matters
 * only to `app.synth()` (the `npx cdktf synth` entry); in-memory synth never writes there.
 */
export function createApp(outdir = '.'): App {
  return new App({ skipValidation: true, stackTraces: false, outdir });
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
  return selectStacks(config, options).map((key) =>
    stackDefinitions[key].build(app, config, config.stacks[key] as never),
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

/** Runs a built stack's construct validations; a failure is bad input at `stacks.<name>` of the config file. */
export function validateStack(stack: StackwrightStack, configFile = 'config'): void {
  try {
    stack.runAllValidations();
  } catch (err) {
    const folder = stack.config.folder;
    const where = folder ? ` (target ${folder.target}, ${folder.region ?? 'global'})` : '';
    throw InputError.single(configFile, `stacks.${stack.node.id}${where}`, (err as Error).message);
  }
}

// eslint-disable-next-line @typescript-eslint/require-await -- async so a bad config rejects the promise, never throws synchronously
export async function synthesize(config: ConfigFile, options: SynthOptions = {}): Promise<SynthesizedStack[]> {
  const out: SynthesizedStack[] = [];
  for (const { folder, stack } of buildFolders(config, options)) {
    validateStack(stack, options.configFile);
    const json = stack.toTerraform() as TerraformJson;
    const files = new Map<string, string | Uint8Array>();
    files.set('cdk.tf.json', `${JSON.stringify(json, null, 2)}\n`);
    if (options.hcl !== false) files.set('hcl/main.tf', renderHcl(stack, json));
    files.set('README.md', renderStackReadme(stack, json));
    for (const f of stack.stackFiles()) files.set(f.path, f.contents);
    const { config: _view, ...info } = folder;
    const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
    out.push({ name: folder.dir, folder: info, json, files: sorted });
  }
  return out;
}

/** The keys of the stacks to build: every configured one in synth order, or those `--stack` names (bad input if unknown). */
export function selectStacks(config: StackwrightConfig, options: SynthOptions = {}): StackKey[] {
  const configured = (Object.keys(stackDefinitions) as StackKey[]).filter((k) => config.stacks[k] !== undefined);
  if (!options.only || options.only.length === 0) return configured;
  const unknown = options.only.filter((s) => !configured.includes(s as StackKey));
  if (unknown.length > 0) {
    throw new InputError(
      unknown.map((s) => ({
        file: '--stack',
        path: s,
        message: 'not a stack of this config',
        allowed: configured.join(', ') || 'none configured',
      })),
    );
  }
  return configured.filter((k) => options.only!.includes(k));
}
