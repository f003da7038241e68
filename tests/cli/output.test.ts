/** `--output FILE` for every format of `run` and `grade`: written whole by a temporary file and a rename. */
import { linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLASS_FORMATS as GRADE_FORMATS, REPORT_FORMATS } from '../../src/reporters/formats.js';
import { runBinary, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const quiz = join(root, 'tests/fixtures/class/quiz.md');
const answers = join(root, 'tests/fixtures/class/answers/s2.json');
const broken = join(root, 'tests/fixtures/class/answers/s6-broken.json');

const commands: [string, readonly string[], string[]][] = [
  ['run', REPORT_FORMATS, ['run', quiz, '--answers', answers]],
  ['grade', GRADE_FORMATS, ['grade', quiz, answers]],
];

describe.each(commands)('%s --output', (_name, formats, argv) => {
  test.each([...formats])('--format %s: the file holds exactly what stdout would, and nothing else is left in the folder', async (format) => {
    const dir = tempDir('out');
    const toStdout = await runInProcess([...argv, '--format', format], { cwd: dir });
    const toFile = await runInProcess([...argv, '--format', format, '--output', 'report.out'], { cwd: dir });
    expect(toFile.exitCode).toBe(toStdout.exitCode);
    expect(toFile.stdout).toBe('');
    expect(toFile.stderr).toBe('');
    expect(readFileSync(join(dir, 'report.out'), 'utf8')).toBe(toStdout.stdout);
    expect(readdirSync(dir)).toEqual(['report.out']);
  });
});

describe('atomic replacement', () => {
  test('an existing report is replaced by a new file (a rename), never rewritten in place', async () => {
    const dir = tempDir('atomic');
    writeFileSync(join(dir, 'report.xml'), 'old report');
    // A hard link still names the old file after a rename; a write in place would change it too.
    linkSync(join(dir, 'report.xml'), join(dir, 'old-link'));
    const before = statSync(join(dir, 'report.xml')).ino;
    const { exitCode: code } = await runInProcess(['run', quiz, '--answers', answers, '--format', 'junit', '--output', 'report.xml'], { cwd: dir });
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(statSync(join(dir, 'report.xml')).ino).not.toBe(before);
    expect(readFileSync(join(dir, 'old-link'), 'utf8')).toBe('old report');
    expect(readdirSync(dir).sort()).toEqual(['old-link', 'report.xml']);
  });

  test('grade writes its report even when a submission is broken, then exits 2', async () => {
    const dir = tempDir('atomic');
    const { exitCode: code, stderr } = await runInProcess(['grade', quiz, answers, broken, '--format', 'csv', '--output', 'class.csv'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('mlops-quiz: 1 of 2 submissions could not be graded; its row gives the error\n');
    expect(readFileSync(join(dir, 'class.csv'), 'utf8').split('\r\n')).toHaveLength(4);
  });
});

describe('an unwritable --output is exit 2 with one line, and leaves no temporary file', () => {
  const cases: [string, (dir: string) => string, string][] = [
    ['a path that is a folder', (dir) => { mkdirSync(join(dir, 'taken')); return 'taken'; }, 'is a folder; --output writes a regular file or a new name, so give a file path'],
    // Was an internal error (exit 70): removing the temporary file failed like the write had.
    ['a path under a file', (dir) => { writeFileSync(join(dir, 'plain'), 'x'); return 'plain/report.json'; }, 'ENOTDIR'],
  ];
  test.each(cases)('%s', async (_name, setUp, errno) => {
    const dir = tempDir('unwritable');
    const target = setUp(dir);
    const before = readdirSync(dir).sort();
    for (const argv of [['run', quiz, '--answers', answers], ['grade', quiz, answers]]) {
      const { exitCode: code, stdout, stderr } = await runInProcess([...argv, '--format', 'json', '--output', target], { cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(errno.startsWith('E') ? `mlops-quiz: ${target}: cannot write the report there (${errno}); give a path in a folder that can be made and written\n` : `mlops-quiz: ${target}: ${errno}\n`);
      expect(readdirSync(dir).sort()).toEqual(before);
      for (const name of before) if (statSync(join(dir, name)).isDirectory()) expect(readdirSync(join(dir, name))).toEqual([]);
    }
  });

  test('through the real binary: one line, no stack trace', () => {
    const dir = tempDir('bin');
    writeFileSync(join(dir, 'plain'), 'x');
    const result = runBinary(['run', quiz, '--answers', answers, '--format', 'tap', '--output', 'plain/dir/r.tap'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('mlops-quiz: plain/dir/r.tap: cannot write the report there (ENOTDIR); give a path in a folder that can be made and written\n');
  });
});

describe('--output into folders that do not exist yet', () => {
  test.each([
    ['run', ['run', quiz, '--answers', answers, '--format', 'junit']],
    ['grade', ['grade', quiz, answers, '--format', 'csv']],
  ])('%s makes the missing folders, then writes the report (the README example: reports/quiz.xml)', async (_name, argv) => {
    const dir = tempDir('mkdir');
    const toStdout = await runInProcess(argv, { cwd: dir });
    const result = await runInProcess([...argv, '--output', 'reports/nested/quiz.xml'], { cwd: dir });
    expect(result.exitCode).toBe(toStdout.exitCode);
    expect(result.stderr).toBe('');
    expect(readFileSync(join(dir, 'reports/nested/quiz.xml'), 'utf8')).toBe(toStdout.stdout);
    expect(readdirSync(join(dir, 'reports/nested'))).toEqual(['quiz.xml']);
  });
});
