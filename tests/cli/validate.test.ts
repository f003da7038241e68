/**
 * `mlops-quiz validate FILE...` (docs/DESIGN.md sections 3 and 8): every problem of every file, one line each
 * as `file:line:column: error|warning: message` on stdout, a summary on stderr; exit 0 clean, 1 errors,
 * 2 a file could not be read.
 */
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBinary, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const DIR = 'tests/fixtures/validate';
const lines = (text: string): string[] => text.split('\n').filter(Boolean);

/** Each finding: its exact place and severity, and the words that say what is wrong. */
const cases: { fixture: string; exitCode: number; findings: [place: string, says: string][] }[] = [
  {
    fixture: 'no-answer.md',
    exitCode: 1,
    // Front matter moves the heading to line 5; the error points at the question's heading.
    findings: [['5:1: error:', 'question 1 "Serving modes" has no answer: add "### Possible Answers"']],
  },
  {
    fixture: 'no-correct.md',
    exitCode: 1,
    findings: [['5:1: error:', 'question 1 "Rollouts": no option is marked correct; end the right one with {Answer}']],
  },
  {
    fixture: 'short-order.md',
    exitCode: 1,
    // At the list itself, not the section heading.
    findings: [['7:1: error:', '"### Correct Order" needs an ordered list of at least two items in their correct order (found 1)']],
  },
  {
    fixture: 'bad-matches.md',
    exitCode: 1,
    findings: [
      ['5:1: error:', 'question 1 "Three columns": the matches table has 3 columns'],
      ['13:1: error:', 'question 2 "Only a header": the matches table has no rows below its header'],
      // At the empty cell.
      ['23:15: error:', 'question 3 "An empty cell": a cell of the matches table is empty; every row needs a match for "Smoke tests"'],
      ['32:1: error:', 'question 4 "The same left item twice": the left item "Unit tests" appears twice'],
      ['36:1: error:', 'question 5 "No table": "### Matches" needs a two-column table'],
    ],
  },
  {
    fixture: 'duplicate-ids.md',
    exitCode: 1,
    findings: [['13:1: error:', `duplicate id {#serving}: already used by the question at ${DIR}/duplicate-ids.md:1:1`]],
  },
  {
    fixture: 'no-questions.md',
    exitCode: 1,
    findings: [
      ['1:1: error:', 'no questions: each question starts with a level-1 heading (`# Title`, a space after the `#`); write one above each question'],
      ['5:1: warning:', 'text before the first question (a level-1 heading) is ignored'],
      ['7:1: warning:', 'text before the first question (a level-1 heading) is ignored'],
    ],
  },
  {
    fixture: 'unknown-section.md',
    exitCode: 0,
    findings: [['10:1: warning:', 'unknown section "### Notes for the teacher" in question 1 "Client-server" is ignored']],
  },
];

describe('one test per error of DESIGN section 3, with its exact file:line:column', () => {
  test.each(cases.map((c) => [c.fixture, c] as const))('%s', async (_name, c) => {
    const result = await runInProcess(['validate', `${DIR}/${c.fixture}`]);
    expect(result.exitCode, result.stderr).toBe(c.exitCode);
    const out = lines(result.stdout);
    expect(out).toHaveLength(c.findings.length);
    c.findings.forEach(([place, says], index) => {
      expect(out[index]!.startsWith(`${DIR}/${c.fixture}:${place} `), out[index]).toBe(true);
      expect(out[index]).toContain(says);
    });
    const errors = c.findings.filter(([place]) => place.endsWith('error:')).length;
    expect(result.stderr).toMatch(errors > 0 ? new RegExp(`^mlops-quiz validate: ${errors} errors? in 1 of 1 file`) : /^mlops-quiz validate: no errors in 1 file/);
  });
});

test('a file with several broken questions reports each of them, and none of the good ones', async () => {
  const result = await runInProcess(['validate', `${DIR}/several-broken.md`]);
  expect(result.exitCode).toBe(1);
  const out = lines(result.stdout);
  expect(out.map((line) => line.split(' "')[0])).toEqual([
    `${DIR}/several-broken.md:10:1: error: question 2`,
    `${DIR}/several-broken.md:23:1: error: question 4`,
    `${DIR}/several-broken.md:40:1: error: question 6`,
  ]);
  expect(out[0]).toContain('"Broken: nothing marked": no option is marked correct');
  expect(out[1]).toContain('"Broken: no answer at all" has no answer');
  expect(out[2]).toContain('"Broken: a list of one": "### Correct Order" needs an ordered list of at least two items');
  expect(result.stdout).not.toContain('Good');
  expect(result.stderr).toBe('mlops-quiz validate: 3 errors in 1 of 1 file, 0 warnings\n');
});

test('errors come before warnings, each group in file order, and every line names its severity', async () => {
  const text = ['# Fine {#a}', '', '### Notes', '', '### Accepted Answers', '', '- x', '', '# Broken {#a}', '', '### Accepted Answers', '', '- y', ''].join('\n');
  const file = join(tempDir('validate'), 'mixed.md');
  writeFileSync(file, text);
  const result = await runInProcess(['validate', file]);
  expect(result.exitCode).toBe(1);
  expect(lines(result.stdout).map((line) => line.slice(file.length + 1).split(' ').slice(0, 3).join(' '))).toEqual([
    '9:1: error: duplicate',
    '3:1: warning: unknown',
  ]);
});

describe('every file in one run, and exit 2 for a file that cannot be read', () => {
  const temp = tempDir('validate');
  const latin1 = join(temp, 'latin1.md');
  writeFileSync(latin1, Buffer.from('# Caf\xe9\n\n### Accepted Answers\n\n- x\n', 'latin1'));
  const huge = join(temp, 'huge.md');
  writeFileSync(huge, '');
  truncateSync(huge, 16 * 1024 * 1024 + 1);

  test('all problems of all files, the unreadable one named as it comes, the summary last: exit 2', async () => {
    const result = await runInProcess(['validate', `${DIR}/no-correct.md`, 'missing.md', `${DIR}/unknown-section.md`]);
    expect(result.exitCode).toBe(2);
    expect(lines(result.stdout).map((line) => line.split(' ')[0])).toEqual([`${DIR}/no-correct.md:5:1:`, `${DIR}/unknown-section.md:10:1:`]);
    expect(lines(result.stderr)).toEqual([
      'mlops-quiz: missing.md: no such file; give the path of a quiz Markdown file',
      'mlops-quiz validate: 1 of 3 files could not be read; in the 2 files read: 1 error, 1 warning',
    ]);
  });

  test('a file that cannot be read is never summed up as "no errors" (validate /nonexist.md)', async () => {
    for (const result of [await runInProcess(['validate', '/nonexist.md']), runBinary(['validate', '/nonexist.md'])]) {
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr)).toEqual(['mlops-quiz: /nonexist.md: no such file; give the path of a quiz Markdown file', 'mlops-quiz validate: nothing checked: the file could not be read']);
    }
    const clean = await runInProcess(['validate', 'quizzes/mlops-deployment.md', '/nonexist.md']);
    expect(clean.exitCode).toBe(2);
    expect(clean.stderr).not.toMatch(/no errors/);
    expect(lines(clean.stderr).at(-1)).toBe('mlops-quiz validate: 1 of 2 files could not be read; in the 1 file read: 0 errors, 0 warnings');
  });

  test.each([
    ['a missing file', 'missing.md', /missing\.md: no such file/],
    ['a file that is not UTF-8', latin1, /latin1\.md: not a UTF-8 text file/],
    ['a file over 16 MiB', huge, /huge\.md: the quiz is 16\.0 MiB; files over 16 MiB are refused/],
  ])('%s: exit 2, one line on stderr', async (_name, file, message) => {
    const result = await runInProcess(['validate', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)[0]).toMatch(message);
    expect(lines(result.stderr)[1]).toBe('mlops-quiz validate: nothing checked: the file could not be read');
  });

  test('several unreadable files are all named, one line each, then the summary', async () => {
    const result = await runInProcess(['validate', 'missing.md', latin1]);
    expect(result.exitCode).toBe(2);
    expect(lines(result.stderr)).toEqual([
      'mlops-quiz: missing.md: no such file; give the path of a quiz Markdown file',
      `mlops-quiz: ${latin1}: not a UTF-8 text file; save the quiz as UTF-8 text`,
      'mlops-quiz validate: nothing checked: the 2 files could not be read',
    ]);
  });

  test('a folder stands for its .md files', async () => {
    const result = await runInProcess(['validate', DIR]);
    expect(result.exitCode).toBe(1);
    const files = new Set(lines(result.stdout).map((line) => line.split(':')[0]));
    expect([...files].sort()).toEqual(readdirSync(DIR).filter((name) => name.endsWith('.md')).map((name) => join(DIR, name)).sort());
  });

  test('no file at all is a usage error', async () => {
    const result = await runInProcess(['validate']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/missing required argument 'file'/);
  });
});

test('the bundled quizzes validate clean: exit 0, no errors, no warnings (and through the binary)', async () => {
  const files = readdirSync('quizzes').filter((name) => name.endsWith('.md')).map((name) => `quizzes/${name}`);
  expect(files).toContain('quizzes/mlops-deployment.md');
  for (const result of [await runInProcess(['validate', ...files]), runBinary(['validate', ...files])]) {
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`mlops-quiz validate: no errors in ${files.length} file${files.length === 1 ? '' : 's'}, 0 warnings\n`);
  }
});

test('the binary: findings on stdout, the summary on stderr, exit 1', () => {
  const result = runBinary(['validate', `${DIR}/short-order.md`]);
  expect(result.exitCode).toBe(1);
  expect(result.stdout).toMatch(new RegExp(`^${DIR}/short-order\\.md:7:1: error: question 1 "Environments": `));
  expect(result.stderr).toBe('mlops-quiz validate: 1 error in 1 of 1 file, 0 warnings\n');
});
