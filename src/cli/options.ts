import type { Argv } from 'yargs';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load';
import type { StackwrightConfig } from '../config/schema';
import { InputError } from '../core/errors';

/** One CLI command. Handlers declare the parsed options they read. */
export interface StackwrightCommand<A> {
  readonly command: string | readonly string[];
  readonly describe: string;
  readonly builder?: (y: Argv) => Argv<any>;
  readonly handler: (argv: A) => void | Promise<void>;
}

/** A command factory: receives the setter for the process exit code. */
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

export function withJson<T>(y: Argv<T>) {
  return y.option('json', { type: 'boolean', default: false, describe: 'Print machine-readable JSON' });
}

export function readConfig(file: string): StackwrightConfig {
  return loadConfig(file);
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
