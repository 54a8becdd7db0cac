import { App } from 'cdktf';
import { stackDefinitions } from '../../stacks';
import { InputError } from '../core/errors';
import type { StackwrightStack } from '../core/stackwright-stack';
import type { Folder, FolderInfo } from './folders';
import { renderHcl } from './hcl';
import { renderStackReadme } from './readme';
import type { TerraformJson } from './terraform-json';
// Before any stack is built: no `terraform version` at synth, no util.isArray (see the module).
import './cdktf-compat';
// The stacks' resolve without a context per plain value (see the module).
import './cdktf-resolve';

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

/** What one folder's synthesis needs besides the folder: plain data, sent as is to a worker (./workers.ts). */
export interface FolderSynthOptions {
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

/** Builds one folder's stack into `app` and renders every file of the folder: JSON, HCL copy, README, assets. */
export function synthesizeFolder(
  folder: Folder,
  options: FolderSynthOptions = {},
  app = createApp(),
): SynthesizedStack {
  const section = folder.config.stacks[folder.stack] as never;
  const stack = stackDefinitions[folder.stack].build(app, folder.config, section);
  validateStack(stack, options.configFile);
  const json = stack.toTerraform() as TerraformJson;
  const files = new Map<string, string | Uint8Array>();
  files.set('cdk.tf.json', `${JSON.stringify(json, null, 2)}\n`);
  if (options.hcl !== false) files.set('hcl/main.tf', renderHcl(stack, json));
  files.set('README.md', renderStackReadme(stack, json));
  for (const f of stack.stackFiles()) files.set(f.path, f.contents);
  const { config: _view, ...info } = folder;
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { name: folder.dir, folder: info, json, files: sorted };
}
