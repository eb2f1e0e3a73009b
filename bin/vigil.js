#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run prepare`).
import { main } from '../dist/cli/main.js';

// A run that ends before its command has finished must never look like a pass: a config that
// calls process.exit(0), or leaves a promise that never settles (the event loop empties and
// Node exits 0), would otherwise end a CI job green with nothing checked.
let finished = false;
process.on('exit', (code) => {
  if (finished) return;
  process.stderr.write(
    `vigil: the command stopped before it finished (exit code ${code} was asked for, probably by code in the config file: process.exit() or a promise that never settles); treating the run as failed\n`,
  );
  process.exitCode = 2;
});

main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
    leaveSoon();
  },
  (error) => {
    finished = true;
    process.stderr.write(`vigil: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
    leaveSoon();
  },
);

// The command is done; a timer or socket a config left open must not keep the job running.
// Unreferenced, so a run with nothing left open exits at once; output still being written to a
// slow pipe (asynchronous on macOS) is waited for, never cut off.
function leaveSoon() {
  const tick = () => {
    if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) setTimeout(tick, 200).unref();
    else process.exit();
  };
  setTimeout(tick, 1_000).unref();
}
