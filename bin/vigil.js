#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`vigil: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
