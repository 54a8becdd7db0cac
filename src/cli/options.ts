import type { Argv } from 'yargs';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load';
import type { StackwrightConfig } from '../config/schema';
import { DEFAULT_OUT_DIR } from '../synth/output-dir';
import { formatProblem, InputError } from '../core/errors';
import { stackDefinitions } from '../../stacks';
import { selectStacks } from '../synth/synthesize';

/** One CLI command. Handlers declare the parsed options they read. */
export interface StackwrightCommand<A> {
  readonly command: string | readonly string[];
  readonly describe: string;
  readonly builder?: (y: Argv) => Argv<unknown>;
  readonly handler: (argv: A) => void | Promise<void>;
}

/** A command factory: receives the setter for the process exit code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler declares its own options; yargs checks a handler's argv only as any
export type CommandFactory = (setExit: (code: number) => void) => StackwrightCommand<any>;

export function withConfig<T>(y: Argv<T>) {
  return y.option('config', {
    alias: 'c',
    type: 'string',
    default: DEFAULT_CONFIG_FILE,
    requiresArg: true,
    describe: 'Config file (YAML)',
  });
}

/** `--stack/-s`, repeatable: the commands that work on the configured stacks take only these. */
export function withStacks<T>(y: Argv<T>) {
  return y.option('stack', {
    alias: 's',
    type: 'string',
    array: true,
    requiresArg: true,
    describe: 'Only these stacks (repeatable)',
  });
}

/** `--out/-o`: the output folder, generated/ by default (synth writes it, diff compares it). */
export function withOut<T>(y: Argv<T>) {
  return y.option('out', {
    alias: 'o',
    type: 'string',
    default: DEFAULT_OUT_DIR,
    requiresArg: true,
    describe: 'Output folder',
  });
}

export function withJson<T>(y: Argv<T>) {
  return y.option('json', { type: 'boolean', default: false, describe: 'Print machine-readable JSON' });
}

export function readConfig(file: string): StackwrightConfig {
  const config = loadConfig(file);
  // Settings that work but grant unused access or partial coverage: each stack names its own, printed, never fatal.
  for (const key of selectStacks(config)) {
    for (const w of stackDefinitions[key].warnings?.(config.stacks[key] as never) ?? []) {
      const path = ['stacks', key, ...w.path].join('.');
      process.stderr.write(`warning: ${formatProblem({ file, path, message: w.message, allowed: w.allowed })}\n`);
    }
  }
  return config;
}

/**
 * Builds the stacks of a loaded config. A problem a construct finds in the config (an InputError at a config path,
 * without a file) is attributed to `file`, so it reads like the schema's own errors.
 */
export async function fromConfig<T>(file: string, build: () => T | Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (err) {
    throw err instanceof InputError ? err.inFile(file) : err;
  }
}
