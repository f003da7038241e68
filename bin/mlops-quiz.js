#!/usr/bin/env node
// The only file that touches `process`: it hands the real streams to main() and sets the exit code.
import module from 'node:module';

// Node 22.1 and later keep the compiled code of our bundle between runs (Node 20 has no compile cache).
// The folder comes first: modules loaded before this call are not cached, so cli.js loads after it.
const { compileCacheDir } = await import('../dist/dirs.js');
module.enableCompileCache?.(compileCacheDir(process.env));
const { main } = await import('../dist/cli.js');

const stop = new AbortController();
// `on`, not `once`: Inquirer's signal-exit re-raises a signal it believes nobody else handles, which
// would kill the process before the session summarises (tests/e2e/session.test.ts, SIGTERM).
process.on('SIGTERM', () => stop.abort('SIGTERM'));
process.on('SIGHUP', () => stop.abort('SIGHUP'));
// A reader that goes away early (`| head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else throw error;
});
process.exitCode = await main(process.argv.slice(2), {
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  get stderr() {
    return process.stderr;
  },
  env: process.env,
  cwd: process.cwd(),
  signal: stop.signal,
  // A plain session (--plain, TERM=dumb) reads lines, so Ctrl+C comes as SIGINT: it summarises first.
  onInterrupt(listener) {
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
