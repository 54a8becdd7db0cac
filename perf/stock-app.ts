// The stock cdktf toolchain's app for `npm run bench:synth`: run by ts-node (type-checking) under `cdktf synth`.
import { runCdktfApp } from '../src/cli/cdktf-app';

runCdktfApp();
