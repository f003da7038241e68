// Runs a command in the same terminal and writes how it ended to a file, for a test that closes the
// terminal (tests/e2e/terminal.test.ts): `node exit-status.cjs STATUS_FILE STDERR_FILE COMMAND ARGS...`.
// It outlives the hang-up itself (SIGHUP ignored by a handler, which the command does not inherit).
const { spawn } = require('node:child_process');
const { openSync, writeFileSync } = require('node:fs');

const [status, stderr, command, ...args] = process.argv.slice(2);
process.on('SIGHUP', () => {});
const child = spawn(command, args, { stdio: ['inherit', 'inherit', openSync(stderr, 'w')] });
child.on('exit', (code, signal) => writeFileSync(status, `${code} ${signal}`));
