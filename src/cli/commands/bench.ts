import type { Argv, CommandModule } from 'yargs';
import * as keepaliveSchedule from '../../keepalive/schedule';
import * as sidecarRender from '../../sidecar/render';
import * as sidecarVariants from '../../sidecar/variants';
import * as coreErrors from '../../core/errors';
import * as cliOptions from '../options';
import type { CommandFactory } from '../options';

type BenchPackage = typeof import('@stackwright/bench');

/**
 * The generator modules the benchmark toolkit (packages/bench) imports. Under bin/load-cli.js the toolkit is its own
 * bundle, built and loaded on first use; it takes these modules from here instead of a second copy, so there is one
 * InputError class (`instanceof` in main.ts holds for the toolkit's errors) and one variant table. Keys are the
 * modules' paths from the checkout; bin/load-cli.js fails the bench build if the toolkit imports one not listed.
 */
export const benchSharedModules: Readonly<Record<string, unknown>> = {
  'src/cli/options': cliOptions,
  'src/core/errors': coreErrors,
  'src/keepalive/schedule': keepaliveSchedule,
  'src/sidecar/render': sidecarRender,
  'src/sidecar/variants': sidecarVariants,
};

/** Set by bin/load-cli.js: builds (or reuses) the toolkit's bundle and loads it with the shared modules. */
const BUNDLED_LOADER = Symbol.for('stackwright.loadBench');

/**
 * Loads the benchmark toolkit. Called only once `bench` is the command (from its builder), so synth, check, diff and
 * list never load the toolkit nor its dependencies (autocannon, SigV4 signing, credential providers). From source
 * (jest, STACKWRIGHT_FROM_SOURCE) the package is required as it is.
 */
function loadBenchPackage(): BenchPackage {
  const loader = (globalThis as Record<symbol, unknown>)[BUNDLED_LOADER] as ((shared: typeof benchSharedModules) => BenchPackage) | undefined;
  return loader ? loader(benchSharedModules) : (require('@stackwright/bench') as BenchPackage);
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
