import type { CommandFactory } from '../options';

/** Benchmark targets under `stackwright bench`; each feature appends its factory here. */
export const benchSubcommands: CommandFactory[] = [];
