/**
 * Hostile input that needs a real process or a generated file (issue 8): files over 16 MiB (sparse),
 * nesting thousands of levels deep, a reader that closes stdout early, stdin closed or piped.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/store/files.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { findDeepNesting, MAX_NESTING } from '../../src/dialects/markdown/nesting.js';
import { BIN, ROOT, runBinary, runInProcess, TEST_CACHE } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir('hostile-process');
const QUIZ = 'tests/fixtures/hostile/bom.md';
const NONE = 'tests/fixtures/hostile/answers-empty-answers.json';

/** A sparse file of `size` bytes: no disk used, and reading it whole would take a long time. */
function sparse(name: string, size: number): string {
  const path = join(temp, name);
  const fd = openSync(path, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

describe('files over 16 MiB are refused before they are read whole', () => {
  // 1 TiB: reading it whole is impossible (no Buffer is that large), so a prompt refusal proves the size check comes first.
  const huge = 2 ** 40;
  const justOver = MAX_FILE_BYTES + 1;

  test.each([
    ['a 1 TiB quiz', () => ['run', sparse('huge.md', huge), '--answers', NONE], /huge\.md: the quiz is 1048576\.0 MiB; files over 16 MiB are refused\n$/],
    ['a quiz one byte over 16 MiB', () => ['run', sparse('over.md', justOver), '--answers', NONE], /over\.md: the quiz is 16\.0 MiB; files over 16 MiB are refused\n$/],
    ['a 1 TiB answers file', () => ['run', QUIZ, '--answers', sparse('huge.json', huge)], /huge\.json: the answers file is 1048576\.0 MiB; files over 16 MiB are refused\n$/],
  ] as const)('%s: exit 2 within the guard (the bound is 1 s)', async (_name, args, stderr) => {
    const started = performance.now();
    const result = await runInProcess(args());
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^mlops-quiz: /);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('a file of exactly 16 MiB is read (the limit is inclusive)', async () => {
    const path = join(temp, 'limit.md');
    const body = '# Q\n\n### Accepted Answers\n\n- a\n';
    writeFileSync(path, body + ' '.repeat(MAX_FILE_BYTES - body.length));
    const result = await runInProcess(['run', path, '--answers', NONE]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Score: 0\/1/);
  });

  test('through the binary too', () => {
    const result = runBinary(['run', sparse('huge2.md', huge), '--answers', NONE]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^mlops-quiz: \S+huge2\.md: the quiz is 1048576\.0 MiB; files over 16 MiB are refused\n$/);
  });
});

describe('deep nesting is refused before remark sees it', () => {
  const quiz = (body: string): string => `# Deep\n\n${body}\n\n### Accepted Answers\n\n- a\n`;
  // remark needs 25 s (and past ~3,000 levels overflows the stack) for these; the bound is 2 s, the guard 20 s.
  const cases: [string, string, number, number][] = [
    ['8,000 nested list markers on one line (16 KB)', quiz('- '.repeat(8000) + 'a'), 3, 2 * MAX_NESTING + 1],
    ['8,000 nested block quotes (8 KB)', quiz('>'.repeat(8000) + ' a'), 3, MAX_NESTING + 1],
    ['8,000 ordered list markers', quiz('1. '.repeat(8000) + 'a'), 3, 3 * MAX_NESTING + 1],
    ['block quotes and lists mixed', quiz('> - '.repeat(8000) + 'a'), 3, 201],
    ['2,000 lists nested by indentation (4 MB)', quiz(Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i)}- a`).join('\n')), 3 + MAX_NESTING, 2 * MAX_NESTING + 1],
    ['tab indentation', quiz(Array.from({ length: 200 }, (_, i) => `${'\t'.repeat(i)}- a`).join('\n')), 3 + 50, 51],
  ];
  test.each(cases)('%s: one error at file:line:col', (_name, text, line, column) => {
    const started = performance.now();
    const result = parseQuiz(text, { file: 'deep.md' });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.quiz).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'too-deep', file: 'deep.md', line, column, message: expect.stringMatching(/nest more than 100 levels deep here; at most 100 are accepted/) }),
    ]);
  });

  test('the built binary refuses 8,000 levels in one line on stderr, within the guard', () => {
    const path = join(temp, 'deep.md');
    writeFileSync(path, quiz('- '.repeat(8000) + 'a'));
    const started = performance.now();
    const result = runBinary(['run', path, '--answers', NONE]);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^mlops-quiz: \S+deep\.md: 1 error makes this quiz unusable[^\n]*\n {2}\S+deep\.md:3:201: lists or block quotes nest more than 100 levels deep here[^\n]*\n$/);
  });

  test('nesting up to the limit is accepted, and what real quizzes do is far below it', () => {
    expect(findDeepNesting('> '.repeat(MAX_NESTING) + 'a')).toBeNull();
    expect(findDeepNesting('>'.repeat(MAX_NESTING + 1))).toEqual({ line: 1, column: MAX_NESTING + 1, depth: MAX_NESTING + 1 });
    expect(findDeepNesting(`a\n${' '.repeat(1000)}\n${'\t'.repeat(1000)}\n`), 'a blank line nests nothing').toBeNull();
    expect(findDeepNesting(`${' '.repeat(202)}x`)).toEqual({ line: 1, column: 202, depth: 101 });
    const listed = parseQuiz(quiz(Array.from({ length: 20 }, (_, i) => `${' '.repeat(2 * i)}- a`).join('\n')), { file: 'ok.md' });
    expect(listed.errors).toEqual([]);
  });

  test('thematic breaks (`- - -`, `* * *`) are not nesting, however long', () => {
    expect(findDeepNesting(`${'- '.repeat(5000)}\n${'* '.repeat(5000)}\n`)).toBeNull();
    expect(findDeepNesting(`> ${'- '.repeat(5000)}`)).toBeNull();
  });
});

/** Runs a shell pipeline from the project folder; returns its status, stdout and stderr. */
function shell(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: TEST_CACHE } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the process', () => {
  // A report far larger than a pipe's buffer, so the writer meets the closed pipe (EPIPE).
  const big = join(temp, 'big.md');
  writeFileSync(big, Array.from({ length: 1000 }, (_, i) => `# Question number ${i + 1} with a title long enough that a thousand of them fill more than a pipe buffer\n\n### Accepted Answers\n\n- a\n`).join('\n'));
  const answers = join(temp, 'big.json');
  writeFileSync(answers, JSON.stringify({ answers: { 1: 'a' } }));

  test.each([
    ['text | head -1', ''],
    ['json | head -1', '--format json'],
  ])('stdout closed early (%s): quiet, no EPIPE trace', (_name, format) => {
    const result = shell(`node ${JSON.stringify(BIN)} run ${JSON.stringify(big)} --answers ${JSON.stringify(answers)} ${format} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toMatch(/^status=[01]\n$/);
  });

  test('stdout closed before anything is written (| true): quiet', () => {
    const result = shell(`node ${JSON.stringify(BIN)} run ${JSON.stringify(big)} --answers ${JSON.stringify(answers)} | true; echo "status=\${PIPESTATUS[0]}" >&2`);
    expect(result.stderr).toMatch(/^status=[01]\n$/);
  });

  test.each([
    ['stdin closed', `node ${JSON.stringify(BIN)} run ${QUIZ} <&-`],
    ['stdin from /dev/null', `node ${JSON.stringify(BIN)} run ${QUIZ} </dev/null`],
    ['stdin piped', `echo B | node ${JSON.stringify(BIN)} run ${QUIZ}`],
    ['stdin piped, the bundled quiz', `printf 'A\\nB\\n' | node ${JSON.stringify(BIN)} run`],
  ])('%s, without --answers: exit 2 before any prompt', (_name, script) => {
    const result = shell(`${script}; echo "status=$?" >&2`);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^mlops-quiz: run needs a terminal to ask questions; to grade without prompts, use --answers FILE[^\n]*\nstatus=2\n$/);
  });

  test('stdout a terminal but stdin not: exit 2 before any prompt (in-process)', async () => {
    const result = await runInProcess(['run', QUIZ], { stdoutTTY: true, stdinTTY: false });
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toMatch(/^mlops-quiz: run needs a terminal/);
  });
});
