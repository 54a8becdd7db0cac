#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx transpiles with esbuild (cached, no type-checking), so there is no
// build step and no per-run type-check. `npm run typecheck` checks types once.
require('tsx/cjs/api').register();
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
