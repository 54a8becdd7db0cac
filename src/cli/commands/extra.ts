import type { CommandFactory } from '../options';

/** Commands contributed by feature folders (check, bench); each adds itself here. */
export const extraCommands: CommandFactory[] = [];
