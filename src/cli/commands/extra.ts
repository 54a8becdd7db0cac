import type { CommandFactory } from '../options';
import { benchCommand } from './bench';

/** Commands contributed by feature folders (check, bench); each adds itself here. */
export const extraCommands: CommandFactory[] = [benchCommand];
