import type { Argv } from 'yargs';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/load';
import { hasTargets, type ConfigFile } from '../config/config-file';
import type { StackKey, StacksConfig } from '../config/schema';
import type { FolderFilter } from '../synth/folders';
import { DEFAULT_OUT_DIR } from '../synth/output-dir';
import { formatProblem, InputError } from '../core/errors';
import { stackDefinitions } from '../../stacks';

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

/**
 * `--target` and `--region`, repeatable, beside `--stack`: a config with `targets:` has a folder per target, region
 * and stack, and these narrow the folders a command works on.
 */
export function withFolders<T>(y: Argv<T>) {
  return withStacks(y)
    .option('target', {
      alias: 't',
      type: 'string',
      array: true,
      requiresArg: true,
      describe: 'Only the folders of these targets (repeatable)',
    })
    .option('region', {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: "Only the folders in these regions (repeatable; a global folder is in its target's first region)",
    });
}

/** The options `withFolders` adds. */
export interface FolderArgs {
  readonly stack?: string[];
  readonly target?: string[];
  readonly region?: string[];
}

/** The folder filter of `withFolders`' options. */
export function folderFilter(argv: FolderArgs): FolderFilter {
  return { only: argv.stack, targets: argv.target, regions: argv.region };
}

/** Whether the options narrow the folders (synth then rewrites only those; diff compares only those). */
export function isNarrowed(argv: FolderArgs): boolean {
  return [argv.stack, argv.target, argv.region].some((l) => (l ?? []).length > 0);
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

export function readConfig(file: string): ConfigFile {
  const config = loadConfig(file);
  // Settings that work but grant unused access or partial coverage: each stack names its own, printed, never fatal.
  // With targets, a target's overridden sections are checked too, at their override's path.
  const sections: [string, StacksConfig][] = [['stacks', config.stacks]];
  if (hasTargets(config)) for (const t of config.targets) sections.push([`targets[${t.name}].overrides`, t.stacks]);
  const printed = new Set<string>();
  for (const [at, stacks] of sections) {
    for (const key of (Object.keys(stackDefinitions) as StackKey[]).filter((k) => stacks[k] !== undefined)) {
      for (const w of stackDefinitions[key].warnings?.(stacks[key] as never) ?? []) {
        const line = formatProblem({ file, path: [key, ...w.path].join('.'), message: w.message, allowed: w.allowed });
        // A target's section that repeats a shared warning is not printed again.
        if (printed.has(line)) continue;
        printed.add(line);
        process.stderr.write(
          `warning: ${formatProblem({ file, path: [at, key, ...w.path].join('.'), message: w.message, allowed: w.allowed })}\n`,
        );
      }
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
