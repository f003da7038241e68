/** Run the CLI in-process (main with fake streams) or as the built binary, and collect what a user sees. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main, type Io } from '../../src/cli/main.js';
import { tempDir } from './temp.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/mlops-quiz.js', import.meta.url));
/** In-process runs save their progress here (one folder per test file, removed after it), never in a real home. */
export const SCRATCH_STATE = tempDir('test-state');

/** A cache folder of this test file's own (removed after it): parsing writes its cache there, never in a real home. */
export const TEST_CACHE = tempDir('test-cache');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY: boolean;
  columns = 80;
  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdinTTY?: boolean;
  stdoutTTY?: boolean;
}

/** `entry`: main() by default; cli.ts's commanderMain to compare a fast path with commander's. */
export async function runInProcess(args: readonly string[], options: RunOptions = {}, entry: typeof main = main): Promise<CliResult> {
  const stdout = new Capture(options.stdoutTTY ?? false);
  const stderr = new Capture(false);
  const stdin = new PassThrough() as unknown as Io['stdin'];
  (stdin as { isTTY?: boolean }).isTTY = options.stdinTTY ?? false;
  const exitCode = await entry(args, {
    stdin,
    stdout: stdout as unknown as Io['stdout'],
    stderr: stderr as unknown as Io['stderr'],
    env: { HOME: '/nonexistent-home', XDG_STATE_HOME: SCRATCH_STATE, XDG_CACHE_HOME: TEST_CACHE, ...options.env },
    cwd: options.cwd ?? ROOT,
  });
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}

export function runBinary(args: readonly string[], options: RunOptions & { input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: TEST_CACHE, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A writer of files in a fresh temporary folder, for names and contents a fixture cannot hold; the
 * folder is removed when the test (or, made outside a test, the test file) ends (tempDir).
 */
export function tempFiles(prefix: string): (name: string, content: string | Buffer) => string {
  const dir = tempDir(prefix);
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

/** One row of a CLI table: run in-process and through the binary, checked by checkCase. */
export interface CliCase {
  name: string;
  args: string[];
  exitCode: number;
  stdout?: RegExp | ((out: string) => void);
  stderr?: RegExp;
}

/**
 * The exit code and outputs a case expects, and what every case shares: no stack trace, no control
 * character but newline on stderr, and a refusal (exit 2) is one line (plus warnings, and a bad
 * quiz's errors as indented `file:line:col:` lines). Usage help (exit 2 with no command) is exempt.
 */
export function checkCase(result: CliResult, expected: CliCase): void {
  expect(result.exitCode, result.stderr).toBe(expected.exitCode);
  if (expected.stdout instanceof RegExp) expect(result.stdout).toMatch(expected.stdout);
  else if (expected.stdout) expected.stdout(result.stdout);
  if (expected.stderr) expect(result.stderr).toMatch(expected.stderr);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|Error:/);
  expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  if (expected.exitCode === 2 && !result.stderr.startsWith('Usage:')) {
    const lines = result.stderr.trimEnd().split('\n');
    const refusal = lines.filter((line) => line.startsWith('mlops-quiz: '));
    expect(refusal, 'one refusal line').toHaveLength(1);
    for (const line of lines) expect(line).toMatch(/^mlops-quiz: \S|^ {2}\S+:\d+:\d+: |^\S+: warning: /);
  }
}
