import type { CommandFactory } from '@stackwright/generator';
import { benchLocalCommand } from './local/command';
import { benchRemoteCommand } from './remote/command';

/** `bench local` and `bench remote`: the container-to-container experiment here and against a deployment. */
export const sidecarBenchCommands: readonly CommandFactory[] = [benchLocalCommand, benchRemoteCommand];
