/**
 * The file edge under hostile conditions (issue 20, docs/HOSTILE-INPUT.md "Files the program reads",
 * "Files the program writes", "Write failures", "Signals"): the built binary and main() against real
 * FIFOs, devices, links, read-only folders, a full file system (a 64 KiB tmpfs where this machine lets
 * root mount one) and /dev/full, and a long parse ended by SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { BIN, ROOT, runBinary, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const SEED = join(ROOT, 'tests/fixtures/seed/seed.md');
const MIXED = join(ROOT, 'tests/fixtures/answers/seed-mixed.json');
const HAS_MKFIFO = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
const IS_ROOT = process.getuid?.() === 0;
const UMASK = process.umask();

/** A stack trace, an abort or a raw control character must never reach a user. */
function clean(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |node:internal|Assertion|Aborted|bad_alloc/);
  // eslint-disable-next-line no-control-regex
  expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
}

/** A one-line refusal: exit 2, one line on stderr, nothing on stdout. */
function refused(result: { exitCode: number; stdout: string; stderr: string }, line: RegExp): void {
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^mlops-quiz: [^\n]*\n$/);
  expect(result.stderr).toMatch(line);
  clean(result.stderr);
}

function copyOf(dir: string, from: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, readFileSync(from));
  return path;
}

describe('--output never damages what the command did not make', () => {
  test.each([
    ['the quiz file', (quiz: string) => quiz, /quiz\.md: is the quiz file of this command; the report would replace it, so give another path for --output$/m],
    ['the answers file', (_quiz: string, answers: string) => answers, /answers\.json: is the answers file of this command; the report would replace it, so give another path for --output$/m],
    ['the quiz by another spelling', (quiz: string) => `${quiz.replace(/quiz\.md$/, '.')}/quiz.md`, /is the quiz file of this command/],
    ['a symbolic link to the quiz', (quiz: string) => {
      const link = join(quiz, '..', 'link.md');
      symlinkSync(quiz, link);
      return link;
    }, /link\.md: is the quiz file of this command/],
    ['a hard link to the answers file', (_quiz: string, answers: string) => {
      const link = join(answers, '..', 'hard.json');
      linkSync(answers, link);
      return link;
    }, /hard\.json: is the answers file of this command/],
  ])('run --answers --output %s: refused, the input unchanged', async (_name, pick, line) => {
    const dir = tempDir('edge-output');
    const quiz = copyOf(dir, SEED, 'quiz.md');
    const answers = copyOf(dir, MIXED, 'answers.json');
    const before = [readFileSync(quiz, 'utf8'), readFileSync(answers, 'utf8')];
    const output = pick(quiz, answers);
    const result = await runInProcess(['run', quiz, '--answers', answers, '--output', output]);
    refused(result, line);
    expect([readFileSync(quiz, 'utf8'), readFileSync(answers, 'utf8')]).toEqual(before);
  });

  test('grade --output one of the submissions: refused, the submission unchanged', async () => {
    const dir = tempDir('edge-grade');
    const answers = copyOf(dir, MIXED, 'a.json');
    const before = readFileSync(answers, 'utf8');
    const result = await runInProcess(['grade', SEED, dir, '--output', answers, '--format', 'csv']);
    refused(result, /a\.json: is a submission \(\S+a\.json\) of this command; the report would replace it/);
    expect(readFileSync(answers, 'utf8')).toBe(before);
  });

  test.runIf(IS_ROOT)('--output /dev/null (as root): refused, and /dev/null is still the device', () => {
    const result = runBinary(['run', SEED, '--answers', MIXED, '--output', '/dev/null']);
    refused(result, /^mlops-quiz: \/dev\/null: is a character device, not a regular file; --output writes a regular file or a new name, so give a file path\n$/);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test.runIf(HAS_MKFIFO)('--output a FIFO: refused at once, nothing opened for writing', () => {
    const fifo = join(tempDir('edge-fifo'), 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = runBinary(['run', SEED, '--answers', MIXED, '--output', fifo]);
    refused(result, /report\.fifo: is a named pipe \(FIFO\), not a regular file; --output writes a regular file or a new name/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test('--output a folder, and a link to nothing: refused', async () => {
    const dir = tempDir('edge-folder');
    mkdirSync(join(dir, 'out'));
    refused(await runInProcess(['run', SEED, '--answers', MIXED, '--output', join(dir, 'out')]), /out: is a folder; --output writes a regular file or a new name, so give a file path$/m);
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    refused(await runInProcess(['run', SEED, '--answers', MIXED, '--output', join(dir, 'dangling.txt')]), /dangling\.txt: is a symbolic link to nothing, not a regular file/);
    expect(existsSync(join(dir, 'nowhere.txt'))).toBe(false);
  });

  test('a symbolic link is written through: the file it points at gets the report, the link stays', async () => {
    const dir = tempDir('edge-link');
    writeFileSync(join(dir, 'real.txt'), 'old report\n', { mode: 0o640 });
    chmodSync(join(dir, 'real.txt'), 0o640);
    symlinkSync('real.txt', join(dir, 'report.txt'));
    const result = await runInProcess(['run', SEED, '--answers', MIXED, '--output', join(dir, 'report.txt')]);
    expect(result.exitCode).toBe(1);
    expect(lstatSync(join(dir, 'report.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toContain('Score: 4/7');
    expect(statSync(join(dir, 'real.txt')).mode & 0o7777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['real.txt', 'report.txt']);
  });

  test('an existing report keeps its mode (0600 stays 0600); a new one is 0644 less the umask', async () => {
    const dir = tempDir('edge-mode');
    const kept = join(dir, 'kept.json');
    writeFileSync(kept, '{}');
    chmodSync(kept, 0o600);
    expect((await runInProcess(['run', SEED, '--answers', MIXED, '--format', 'json', '--output', kept])).exitCode).toBe(1);
    expect(statSync(kept).mode & 0o7777).toBe(0o600);
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toMatchObject({ score: 4 });
    const fresh = join(dir, 'fresh.json');
    expect((await runInProcess(['run', SEED, '--answers', MIXED, '--format', 'json', '--output', fresh])).exitCode).toBe(1);
    expect(statSync(fresh).mode & 0o7777).toBe(0o644 & ~UMASK);
  });
});

describe('every file read is opened without blocking and must be a regular file', () => {
  test.runIf(HAS_MKFIFO)('an answers file that is a FIFO with no writer: refused at once (it used to block in open(), past SIGTERM)', () => {
    const fifo = join(tempDir('edge-read-fifo'), 'answers.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = runBinary(['run', SEED, '--answers', fifo]);
    refused(result, /answers\.json: is a named pipe \(FIFO\), not a regular file; give the path of a JSON answers file/);
  });

  test.runIf(HAS_MKFIFO)('a FIFO among a folder of submissions: its row says so, the others are graded', () => {
    const dir = tempDir('edge-grade-fifo');
    copyOf(dir, MIXED, 'a.json');
    expect(spawnSync('mkfifo', [join(dir, 'b.json')]).status).toBe(0);
    const result = runBinary(['grade', SEED, dir, '--format', 'csv']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/a\.json,4,7,/);
    expect(result.stdout).toMatch(/b\.json,,,,,.*is a named pipe \(FIFO\), not a regular file/);
    clean(result.stderr);
  });

  test.each([
    ['/dev/zero as the quiz', ['run', '/dev/zero', '--answers', MIXED], /^mlops-quiz: \/dev\/zero: is a character device, not a regular file; give the path of a quiz Markdown file/],
    ['/dev/zero as the answers file', ['run', SEED, '--answers', '/dev/zero'], /^mlops-quiz: \/dev\/zero: is a character device, not a regular file; give the path of a JSON answers file/],
    ['/dev/tty as the answers file', ['run', SEED, '--answers', '/dev/tty'], /^mlops-quiz: \/dev\/tty: (is a character device, not a regular file|cannot be read \(E[A-Z]+\))/],
  ])('%s: refused at once', (_name, args, line) => {
    refused(runBinary(args), line);
  });

  test('a link to /dev/zero as the answers file: refused like the device', async () => {
    const link = join(tempDir('edge-zero'), 'answers.json');
    symlinkSync('/dev/zero', link);
    refused(await runInProcess(['run', SEED, '--answers', link]), /answers\.json: is a character device, not a regular file/);
  });
});

describe('write failures are one line, with no partial file', () => {
  test('stdout on a full device (> /dev/full): one line, exit 2', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" run "${SEED}" --answers "${MIXED}" > /dev/full`], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('mlops-quiz: cannot write to stdout (ENOSPC); the output is incomplete\n');
  });

  test('stderr on a full device (2> /dev/full): exit 2, no crash', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" run "${SEED}" --answers /nonexistent.json 2> /dev/full; echo "exit $?"`], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout).toBe('exit 2\n');
  });

  // Root passes every permission check: the binary then runs as nobody, for whom the folder is read-only.
  test('--output in a read-only folder: one line with EACCES, exit 2, nothing left there', () => {
    const dir = tempDir('edge-readonly');
    const quiz = copyOf(dir, SEED, 'quiz.md');
    const answers = copyOf(dir, MIXED, 'answers.json');
    chmodSync(quiz, 0o644);
    chmodSync(answers, 0o644);
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(dir, 0o755);
    // nobody must reach the folder: a TMPDIR of mode 0700 (\`mktemp -d\`) is opened for passing through
    // (not listing) while the test runs, and put back as it was.
    const tmp = dirname(dir);
    const tmpMode = statSync(tmp).mode & 0o7777;
    if (IS_ROOT && (tmpMode & 0o001) === 0) {
      chmodSync(tmp, tmpMode | 0o001);
      onTestFinished(() => chmodSync(tmp, tmpMode));
    }
    const result = spawnSync(process.execPath, [BIN, 'run', quiz, '--answers', answers, '--output', join(locked, 'report.txt')], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir },
      ...(IS_ROOT ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^mlops-quiz: \S+report\.txt: cannot write the report there \(EACCES\); give a path in a folder that can be made and written\n$/);
    expect(readdirSync(locked)).toEqual([]);
  });

  // A 64 KiB tmpfs, mounted for this test and unmounted after it, where the machine lets root mount one.
  const canMount = IS_ROOT && process.platform === 'linux' && (() => {
    const probe = tempDir('edge-mount-probe');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
    if (mounted) spawnSync('umount', [probe]);
    return mounted;
  })();

  test.runIf(canMount)('--output on a full file system (a 64 KiB tmpfs): one line with ENOSPC, exit 2, the old report intact, no partial file', () => {
    const mount = tempDir('edge-full');
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]).status).toBe(0);
    try {
      writeFileSync(join(mount, 'report.json'), '{"old": true}\n');
      // Fill the rest of the file system.
      spawnSync('sh', ['-c', `cat /dev/zero > "${join(mount, 'filler')}"`]);
      const result = runBinary(['grade', SEED, ...Array.from({ length: 40 }, () => MIXED), '--format', 'json', '--output', join(mount, 'report.json')]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^mlops-quiz: \S+report\.json: cannot write the report there \(ENOSPC\); give a path in a folder that can be made and written\n$/);
      expect(readFileSync(join(mount, 'report.json'), 'utf8')).toBe('{"old": true}\n');
      expect(readdirSync(mount).sort()).toEqual(['filler', 'report.json']);
    } finally {
      expect(spawnSync('umount', [mount]).status).toBe(0);
    }
  });
});

describe('signals end any command', () => {
  /** CPU seconds the process has used (utime + stime, in clock ticks of 1/100 s on Linux). */
  function cpuSeconds(pid: number): number {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return -1;
    }
  }

  test.runIf(process.platform === 'linux').each(['SIGTERM', 'SIGINT'] as const)('%s in the middle of a long validate ends it at once (it used to wait for the parse, 53 s)', async (signal) => {
    const dir = tempDir('edge-signal');
    writeFileSync(join(dir, 'big.md'), quizBank(20000, 3));
    const child = spawn(process.execPath, [BIN, 'validate', join(dir, 'big.md'), '--no-cache'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    // Deep in the parse: a second of CPU used (the whole parse takes tens of seconds here).
    while (cpuSeconds(child.pid!) < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill(signal);
    // Ended by the signal itself, not after the parse (which would exit 0 with its summary on stdout).
    expect(await ended).toEqual({ code: null, signal });
    clean(stderr);
  }, 60_000);
});
