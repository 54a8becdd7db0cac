import type { CommandFactory } from '@stackwright/generator';
import { benchLambdaCommand } from './lambda/command';
import { sidecarBenchCommands } from './sidecar/commands';

/**
 * The benchmark toolkit's entry: the targets under `stackwright bench`. The CLI loads this package only when `bench`
 * is the command (src/cli/commands/bench.ts), so synth, check, diff and list never load it or its dependencies.
 * Each benchmark appends its factory here.
 */
export const benchSubcommands: readonly CommandFactory[] = [...sidecarBenchCommands, benchLambdaCommand];
