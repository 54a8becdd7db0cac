import type { Argv, CommandModule } from 'yargs';
import type { CommandFactory } from '../options';
import { benchSubcommands } from './bench-subcommands';

/** `stackwright bench <target>`: measurement harnesses; each target registers itself in bench-subcommands.ts. */
export const benchCommand: CommandFactory = (setExit) => ({
  command: 'bench',
  describe: 'Run a benchmark: local, remote (sidecar variants) or lambda (keep-alive functions)',
  builder: (y: Argv) => {
    for (const sub of benchSubcommands) y.command(sub(setExit) as CommandModule);
    return y.demandCommand(1, 'Name a benchmark target: local, remote or lambda.');
  },
  handler: () => undefined,
});
