#!/usr/bin/env node
'use strict';
const { resolve } = require('node:path');
const { loadCli } = require('./load-cli.js');

loadCli(resolve(__dirname, '..'))
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
