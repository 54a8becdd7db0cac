import { App } from 'cdktf';
import type { StackwrightConfig, StackKey } from '../config/schema';
import { stackDefinitions } from '../../stacks';
import type { StackwrightStack } from '../core/stackwright-stack';
import { DEFAULT_OUT_DIR } from '../core/stack-definition';
import { InputError } from '../core/errors';
import { renderHcl } from './hcl';
import { renderStackReadme } from './readme';

/** One synthesized stack, fully in memory: its folder name and every file of that folder. */
export interface SynthesizedStack {
  readonly name: string;
  readonly json: TerraformJson;
  /** Relative path -> contents, sorted by path. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
}

import type { TerraformJson } from './terraform-json';
// Before any stack is built: no `terraform version` at synth, no util.isArray (see the module).
import './cdktf-compat';

export type { TerraformJson };

export interface SynthOptions {
  /** Only these stacks (keys of `stacks:`); all configured stacks when absent. */
  readonly only?: readonly string[];
  /** Also render the HCL copy under hcl/ (on by default; off for quick checks). */
  readonly hcl?: boolean;
  /** The config file name, for error messages. */
  readonly configFile?: string;
  /**
   * The folder the stacks are written to; text a stack generates about its own folder names it.
   * @default 'generated'
   */
  readonly outDir?: string;
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
  config: StackwrightConfig,
  options: SynthOptions = {},
  app: App = createApp(),
): StackwrightStack[] {
  return selectStacks(config, options).map((key) =>
    stackDefinitions[key].build(app, config, config.stacks[key] as never, {
      outDir: options.outDir ?? DEFAULT_OUT_DIR,
    }),
  );
}

/** Runs a built stack's construct validations; a failure is bad input at `stacks.<name>` of the config file. */
export function validateStack(stack: StackwrightStack, configFile = 'config'): void {
  try {
    stack.runAllValidations();
  } catch (err) {
    throw InputError.single(configFile, `stacks.${stack.node.id}`, (err as Error).message);
  }
}

// eslint-disable-next-line @typescript-eslint/require-await -- async so a bad config rejects the promise, never throws synchronously
export async function synthesize(config: StackwrightConfig, options: SynthOptions = {}): Promise<SynthesizedStack[]> {
  const stacks = buildStacks(config, options);
  const out: SynthesizedStack[] = [];
  for (const stack of stacks) {
    validateStack(stack, options.configFile);
    const json = stack.toTerraform() as TerraformJson;
    const files = new Map<string, string | Uint8Array>();
    files.set('cdk.tf.json', `${JSON.stringify(json, null, 2)}\n`);
    if (options.hcl !== false) files.set('hcl/main.tf', renderHcl(stack));
    files.set('README.md', renderStackReadme(stack, json));
    for (const f of stack.stackFiles()) files.set(f.path, f.contents);
    out.push({ name: stack.node.id, json, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))) });
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
