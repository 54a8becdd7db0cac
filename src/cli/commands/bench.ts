import type { Argv, CommandModule } from 'yargs';
import type { CommandFactory } from '../options';

type BenchPackage = typeof import('@stackwright/bench');

/**
 * Loads the benchmark toolkit. Called only once `bench` is the command (from its builder), so synth, check, diff and
 * list never load the toolkit nor its dependencies (autocannon, SigV4 signing, credential providers). In the build,
 * this require names the toolkit's own bundle, dist/bench.js (scripts/build.js); from source (jest, tsx) the
 * workspace package.
 */
function loadBenchPackage(): BenchPackage {
  return require('@stackwright/bench') as BenchPackage;
}

/** `stackwright bench <target>`: measurement harnesses; each target registers itself in packages/bench/src/index.ts. */
export const benchCommand: CommandFactory = (setExit) => ({
  command: 'bench',
  describe: 'Run a benchmark: local, remote (sidecar variants) or lambda (keep-alive functions)',
  builder: (y: Argv) => {
    for (const sub of loadBenchPackage().benchSubcommands) y.command(sub(setExit) as CommandModule);
    return y.demandCommand(1, 'Name a benchmark target: local, remote or lambda.');
  },
  handler: () => undefined,
});
