import type { CommandFactory } from '../options';
import { benchLambdaCommand } from '../../bench/lambda/command';
import { sidecarBenchCommands } from '../../bench/sidecar/commands';

/** Benchmark targets under `stackwright bench`; each feature appends its factory here. */
export const benchSubcommands: CommandFactory[] = [...sidecarBenchCommands, benchLambdaCommand];
