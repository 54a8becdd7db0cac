#!/usr/bin/env node
// Entry for `npx cdktf synth` (cdktf.json's app): the same stacks as `stackwright synth`, from the default config
// (or STACKWRIGHT_CONFIG), written where the cdktf CLI expects them.
require('tsx/cjs/api').register();
require('../src/cli/cdktf-app.ts').runCdktfApp();
