#!/usr/bin/env node
// The only file that touches `process`: it hands the real streams to main() and sets the exit code.
import { main } from '../dist/cli.js';

const stop = new AbortController();
// `on`, not `once`: Inquirer's signal-exit re-raises a signal it believes nobody else handles, which
// would kill the process before the session summarises (tests/e2e-session.test.ts, SIGTERM).
process.on('SIGTERM', () => stop.abort('SIGTERM'));
process.on('SIGHUP', () => stop.abort('SIGHUP'));
// A reader that goes away early (`| head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw error; });
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin, stdout: process.stdout, stderr: process.stderr,
  env: process.env, cwd: process.cwd(), signal: stop.signal,
});
