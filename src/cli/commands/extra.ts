import type { CommandFactory } from '../options';
import { benchCommand } from './bench';
import { checkCommand } from './check';

/** Commands contributed by feature folders (check, bench); each adds itself here. */
export const extraCommands: CommandFactory[] = [checkCommand, benchCommand];
