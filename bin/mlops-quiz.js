#!/usr/bin/env node
// The only file that touches `process`: it hands the real streams to main() and sets the exit code.
import { closeSync, fstatSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep the compiled code of our bundle between runs (Node 20 has no compile cache,
// and does not load the folder's lookup for it). The folder comes first: modules loaded before this call
// are not cached, so cli.js loads after it.
if (module.enableCompileCache) {
  const { compileCacheDir } = await import('../dist/dirs.js');
  module.enableCompileCache(compileCacheDir(process.env));
}
const { main, streamFailure } = await import('../dist/cli.js');

const stop = new AbortController();
let trapped = false;
/**
 * SIGTERM, SIGINT and SIGHUP are trapped only once something asks for `io.signal` (the interactive
 * session and its folder menu, which summarise and save first). Every other command keeps the default
 * action, so a signal ends it at once, even in the middle of a long synchronous parse, which a handler
 * could not interrupt (the shell reports 128 + the signal's number: 143, 130, 129).
 */
function trap() {
  if (trapped) return;
  trapped = true;
  // `on`, not `once`: Inquirer's signal-exit re-raises a signal it believes nobody else handles, which
  // would kill the process before the session summarises (tests/e2e/session.test.ts, SIGTERM).
  process.on('SIGTERM', () => stop.abort('SIGTERM'));
  process.on('SIGHUP', () => stop.abort('SIGHUP'));
}
const hangUp = () => {
  trap();
  stop.abort('SIGHUP');
};
// On the way out Node puts each terminal back as it found it (tcsetattr); on a terminal that has gone
// away that fails with EIO, and Node 20 aborts on it (nodejs/node#51519, fixed in later Node). It
// skips a descriptor that is closed: after a hang-up, close the dead terminal's descriptors first (those
// that were character devices at the start: a terminal that went away no longer says it is one, and
// fstat, unlike isatty, loads no tty module into commands that never use a terminal).
const terminals = [0, 1, 2].filter((fd) => {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
});
process.on('exit', () => {
  if (stop.signal.reason !== 'SIGHUP') return;
  for (const fd of terminals) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
});

/** A stream that fails: one line (when stderr can still take it) and the documented exit code, never a trace. */
function failed(stream, error) {
  const { line, exitCode } = streamFailure(stream, error?.code, process.exitCode, stop.signal.reason === 'SIGHUP');
  if (line !== null) {
    try {
      process.stderr.write(line);
    } catch {
      // stderr is gone too
    }
  }
  process.exit(exitCode);
}
process.stdout.on('error', (error) => failed('stdout', error));

let stdin;
/**
 * stdin, made safe for a terminal that closes: putting it back from raw mode then fails with EIO, which
 * Node throws out of readline's close (an abort, before); that and an error on the terminal are a
 * hang-up, and end the session as SIGHUP does (answers saved, exit 129).
 */
function terminalIn() {
  if (stdin !== undefined) return stdin;
  stdin = process.stdin;
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') {
    const setRawMode = stdin.setRawMode.bind(stdin);
    stdin.setRawMode = (mode) => {
      try {
        return setRawMode(mode);
      } catch {
        hangUp();
        return stdin;
      }
    };
    stdin.on('error', hangUp);
    // Ctrl+Z then `fg`: readline stops the process with SIGTSTP and, on SIGCONT, puts raw mode back but
    // leaves stdin paused; with nothing else to wait for, the process then ran out of work and the
    // prompt ended as if by Ctrl+C. Resume it (after readline's own SIGCONT listener), while a prompt
    // still reads keys, so the same question is asked on.
    process.on('SIGCONT', () => {
      setImmediate(() => {
        if (stdin.isPaused() && stdin.listenerCount('keypress') > 0) stdin.resume();
      });
    });
  }
  return stdin;
}

let stderrHooked = false;
process.exitCode = await main(process.argv.slice(2), {
  get stdin() {
    return terminalIn();
  },
  stdout: process.stdout,
  get stderr() {
    if (!stderrHooked) {
      stderrHooked = true;
      process.stderr.on('error', (error) => failed('stderr', error));
    }
    return process.stderr;
  },
  env: process.env,
  cwd: process.cwd(),
  get signal() {
    trap();
    return stop.signal;
  },
  // A plain session (--plain, TERM=dumb) reads lines, so Ctrl+C comes as SIGINT: it summarises first.
  onInterrupt(listener) {
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
