#!/usr/bin/env -S node --max-semi-space-size=2
// A 2 MB young generation (instead of Node's 16) lowers a synth's peak memory at no cost in time (figures in
// docs/benchmarks/synth.md, "The launcher's young generation").
// Runs the build in dist/ (`npm run build`, scripts/build.js): one bundle parses faster and takes less memory than
// the many files a TypeScript loader would load one by one. STACKWRIGHT_FROM_SOURCE=1 runs src/ through tsx instead
// (development: no build after an edit).
'use strict';
require('./node-check.js').requireSupportedNode();
const { resolve } = require('node:path');

const root = resolve(__dirname, '..');
// esbuild's buildSync (Lambda bundles) otherwise starts a worker thread with a service process that lives as long as
// we do: an interrupted run would leave it behind for a moment. Without worker threads each buildSync runs esbuild as
// a child that has exited when the call returns. Read once, when esbuild loads.
process.env.ESBUILD_WORKER_THREADS = '0';
let cli;
if (process.env.STACKWRIGHT_FROM_SOURCE === '1') {
  // From any working directory: tsconfig.json's paths map the toolkit's `@stackwright/generator` to src/api/bench.ts.
  process.env.TSX_TSCONFIG_PATH ??= resolve(root, 'tsconfig.json');
  require('tsx/cjs/api').register();
  cli = require('../src/cli/index.ts');
} else {
  cli = require('./dist-check.js').requireDist(root, 'cli');
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
