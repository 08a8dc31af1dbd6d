#!/usr/bin/env node
// Entry point of the govcloud command; the compiled CLI lives in dist/ (built by `npm ci` via prepare).
require('../dist/cli/main.js')
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
