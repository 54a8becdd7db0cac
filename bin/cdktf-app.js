#!/usr/bin/env node
// Entry for `npx cdktf synth` (cdktf.json's app): the same stacks as `stackwright synth`, from the default config
// (or STACKWRIGHT_CONFIG), written where the cdktf CLI expects them. Runs the build in dist/, as bin/stackwright.js.
'use strict';
require('./node-check.js').requireSupportedNode();
const { resolve } = require('node:path');

require('./dist-check.js').requireDist(resolve(__dirname, '..'), 'cli').runCdktfApp();
