import type { Argv } from 'yargs';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load';
import type { StackwrightConfig } from '../config/schema';

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
    describe: 'Config file (YAML)',
  });
}

export function withJson<T>(y: Argv<T>) {
  return y.option('json', { type: 'boolean', default: false, describe: 'Print machine-readable JSON' });
}

export function readConfig(file: string): StackwrightConfig {
  return loadConfig(file);
}
