// The stock cdktf toolchain's app for `npm run bench:synth`: run by ts-node (type-checking) under `cdktf synth`
// (perf/synth.ts installs ts-node into a cache folder; it is no dependency of Stackwright).
import { runCdktfApp } from '../src/cli/cdktf-app';

runCdktfApp();
