/**
 * The entry of the CLI's bundle, dist/cli.js (scripts/build.js; bin/stackwright.js calls `main`, bin/cdktf-app.js
 * `runCdktfApp`: the cdktf app is the same code, so it is not a bundle of its own). It also exports the
 * generator's API for the benchmark toolkit (src/api/bench.ts): the toolkit's bundle, dist/bench.js, takes
 * `@stackwright/generator` from here, so the CLI and the toolkit share one instance of each module (one InputError
 * class, which main() maps to exit 2; one variant table).
 */
export { main } from './main';
export { runCdktfApp } from './cdktf-app';
/** A synth worker thread loads this bundle and runs this (src/synth/workers.ts). */
export { synthWorkerMain } from '../synth/worker-main';
export * from '../api/bench';
