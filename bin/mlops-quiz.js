#!/usr/bin/env node
// The only file that touches `process`: it hands the real streams to main() and sets the exit code.
// CommonJS (bin/package.json says so), as dist/cli.cjs is: no ES module on the fast paths, so Node's
// ESM loader is not started (docs/SPEED.md).
'use strict';
const { main } = require('../dist/cli.cjs');

const stop = new AbortController();
// `on`, not `once`: Inquirer's signal-exit re-raises a signal it believes nobody else handles, which
// would kill the process before the session summarises (tests/e2e-session.test.ts, SIGTERM).
process.on('SIGTERM', () => stop.abort('SIGTERM'));
process.on('SIGHUP', () => stop.abort('SIGHUP'));
// A reader that goes away early (`| head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw error; });
// stdin and stderr are made when first used: creating Node's stream for them costs start-up, and
// `run --answers` reads no stdin and writes stderr only for a warning or an error (docs/SPEED.md).
main(process.argv.slice(2), {
  get stdin() { return process.stdin; },
  stdout: process.stdout,
  get stderr() { return process.stderr; },
  env: process.env, cwd: process.cwd(), signal: stop.signal,
}).then((code) => { process.exitCode = code; });
