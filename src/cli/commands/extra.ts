import type { CommandFactory } from '../options';
import { benchCommand } from './bench';
import { checkCommand } from './check';
import { reviewCommand } from './review';

/** Commands contributed by feature folders (check, review, bench); each adds itself here. */
export const extraCommands: CommandFactory[] = [checkCommand, reviewCommand, benchCommand];
