/**
 * Issue 17, grading a teacher can hand to an autograder: a report for every outcome (a broken answers
 * file still gives a well-formed Gradescope, JUnit, TAP and JSON report, exit 2), every problem of a
 * file in one run with suggestions, `--pass-mark 70%`, `grade --pass-mark`, and `--hide-answers`.
 * Reports are read back by real parsers (fast-xml-parser, tap-parser, JSON.parse with the zod schema).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser, type FinalResults } from 'tap-parser';
import { describe, expect, test } from 'vitest';
import { ClassReport } from '../../src/core/class-report.js';
import { FailedReport } from '../../src/core/report.js';
import { REPORT_FORMATS } from '../../src/reporters/formats.js';
import { runBinary, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const allKinds = join(root, 'tests/fixtures/format/all-kinds.md');
const typos = join(root, 'tests/fixtures/answers/all-kinds-typos.json');
const mixed = join(root, 'tests/fixtures/answers/all-kinds-mixed.json');

/** A student's file with a trailing comma, as in the issue. */
function trailingComma(dir = tempDir('broken')): string {
  const file = join(dir, 'answers.json');
  writeFileSync(file, '{"answers": {"serving": "B",}}\n');
  return file;
}

function parseTap(text: string): FinalResults {
  let results: FinalResults | undefined;
  const parser = new Parser({ strict: true }, (final) => {
    results = final;
  });
  parser.end(text);
  return results!;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

describe('a report for every outcome: an answers file that cannot be graded', () => {
  test('gradescope: results.json with score 0, the problem in output, no tests; written with --output; exit 2', async () => {
    const dir = tempDir('gradescope');
    const answers = trailingComma(dir);
    const { exitCode, stdout, stderr } = await runInProcess(['run', allKinds, '--answers', answers, '--format', 'gradescope', '--output', 'results/results.json'], { cwd: dir });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^mlops-quiz: .*answers\.json: 1:29: not valid JSON \(.*\); expected an object like/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    const results = JSON.parse(readFileSync(join(dir, 'results/results.json'), 'utf8'));
    expect(results).toEqual({ score: 0, output: expect.stringContaining('1:29: not valid JSON'), tests: [] });
    expect(results.output).toMatch(/^Your answers file could not be graded, so it scores 0\. Fix this problem and submit again:\n/);
  });

  test('junit: one testcase with an <error> naming the problem, read by an XML parser', async () => {
    const { exitCode, stdout } = await runInProcess(['run', allKinds, '--answers', trailingComma(), '--format', 'junit']);
    expect(exitCode).toBe(2);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = xml.parse(stdout);
    expect(doc.testsuites).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const cases = doc.testsuites.testsuite[0].testcase;
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ name: 'answers file', classname: 'all-kinds' });
    expect(cases[0].error.type).toBe('answers-invalid');
    expect(cases[0].error.message).toMatch(/answers\.json: 1:29: not valid JSON/);
  });

  test('tap: Bail out! with the problem, which a TAP parser reads as a failed run', async () => {
    const { exitCode, stdout } = await runInProcess(['run', allKinds, '--answers', trailingComma(), '--format', 'tap']);
    expect(exitCode).toBe(2);
    expect(stdout.split('\n')[0]).toBe('TAP version 14');
    expect(stdout).toMatch(/^Bail out! .*answers\.json: 1:29: not valid JSON/m);
    const results = parseTap(stdout);
    expect(results.ok).toBe(false);
    expect(results.bailout).toMatch(/1:29: not valid JSON/);
  });

  test('json: "error" with every problem, and no questions', async () => {
    const { exitCode, stdout } = await runInProcess(['run', allKinds, '--answers', typos, '--format', 'json']);
    expect(exitCode).toBe(2);
    const report = FailedReport.parse(JSON.parse(stdout));
    expect(JSON.parse(stdout)).not.toHaveProperty('questions');
    expect(report.quiz.id).toBe('all-kinds');
    expect(report.error).toMatchObject({ code: 'answers-invalid', file: typos, message: `${typos}: 7 problems, so nothing in it is graded` });
    expect(report.error.problems).toHaveLength(7);
  });

  test('a missing answers file: a Gradescope report all the same', async () => {
    const { exitCode, stdout, stderr } = await runInProcess(['run', allKinds, '--answers', 'nowhere.json', '--format', 'gradescope'], { cwd: tempDir('missing') });
    expect(exitCode).toBe(2);
    expect(stderr).toBe('mlops-quiz: nowhere.json: no such file; give the path of a JSON answers file\n');
    expect(JSON.parse(stdout)).toMatchObject({ score: 0, output: expect.stringContaining('nowhere.json: no such file'), tests: [] });
  });

  test('text: nothing on stdout, the one line on stderr', async () => {
    const { exitCode, stdout, stderr } = await runInProcess(['run', allKinds, '--answers', trailingComma()]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test.each(REPORT_FORMATS.filter((format) => format !== 'text'))('through the real binary, --format %s: a report on stdout, exit 2, no stack trace', (format) => {
    const result = runBinary(['run', allKinds, '--answers', trailingComma(), '--format', format]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});

describe('every problem at once, with suggestions', () => {
  test('run: a summary line, then every problem on a line of its own naming the file, with "did you mean"', async () => {
    const { exitCode, stdout, stderr } = await runInProcess(['run', allKinds, '--answers', 'tests/fixtures/answers/all-kinds-typos.json'], { cwd: root });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    const file = 'tests/fixtures/answers/all-kinds-typos.json';
    expect(lines[0]).toBe(`mlops-quiz: ${file}: 7 problems, so nothing in it is graded`);
    expect(lines.slice(1).every((line) => line.startsWith(`  ${file}: answers[`))).toBe(true);
    expect(lines.slice(1)).toEqual([
      `  ${file}: answers["2"]: question 2 "Safe rollouts": "Canary deploymnt" names no option (did you mean "Canary deployment"?); "Shaddow deployment" names no option (did you mean "Shadow deployment"?); accepted: a letter A-D, a number from 1 to 4, or an option's text (or an array of those)`,
      `  ${file}: answers["3"]: question 3 "Environments in order": "Developmnt" names no item (did you mean "Development"?); accepted: an array of the item texts in your order (3 items)`,
      `  ${file}: answers["4"]: question 4 "Tests and environments": "Unit test" names no left item (did you mean "Unit tests"?); "Developement" names no right value (did you mean "Development"?); accepted: an object {"left item": "right value"} with left items from (Unit tests, Integration tests, Smoke tests, Load tests) and right values from (Development, Staging, Production)`,
      `  ${file}: answers["5"]: question 5 "Name the tool": an array is not a short answer; accepted: a string`,
      `  ${file}: answers["7"]: question 7 "Two correct, seed style": "Guesing" names no option (did you mean "Guessing"?); accepted: a letter A-C, a number from 1 to 3, or an option's text (or an array of those)`,
      `  ${file}: answers["serving"]: question 1 "Serving mode": "Onlin prediction" names no option (did you mean "Online prediction"?); accepted: a letter A-C, a number from 1 to 3, or an option's text`,
      `  ${file}: answers["six"]: no question has the id or number "six"; accepted: a question id (serving, safe-rollouts, environments-in-order, tests-and-environments, name-the-tool, draw-the-pipeline, … (see \`mlops-quiz template\`)) or a number from 1 to 7`,
    ]);
  });

  test('grade: all of a submission\'s problems in its row, a line each; the text report shows each', async () => {
    const { exitCode, stdout } = await runInProcess(['grade', allKinds, typos, mixed, '--format', 'json']);
    expect(exitCode).toBe(2);
    const report = ClassReport.parse(JSON.parse(stdout));
    const row = report.submissions[0]!;
    expect(row.error!.split('\n')).toHaveLength(7);
    expect(row.error!.split('\n').every((line) => line.startsWith(`${typos}: answers[`))).toBe(true);
    expect(report.submissions[1]!.error).toBeNull();
    const text = await runInProcess(['grade', allKinds, typos, mixed]);
    expect(text.stdout.split('\n').filter((line) => /^ +error: /.test(line) || line.includes('  error: '))).toHaveLength(7);
    expect(text.stdout).toContain('(did you mean "Online prediction"?)');
  });

  test('shape problems: every answer that is not an answer at all, in one run', async () => {
    const dir = tempDir('shape');
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ answers: { 1: { a: 1 }, 2: [[1]], 3: 'ok' } }));
    const { exitCode, stderr } = await runInProcess(['run', allKinds, '--answers', 'a.json'], { cwd: dir });
    expect(exitCode).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual([
      'mlops-quiz: a.json: 2 problems, so nothing in it is graded',
      '  a.json: answers["1"]: cannot be read as an answer; accepted: a string, a number, an array of them, an object of strings (matching), a boolean or null',
      '  a.json: answers["2"]: cannot be read as an answer; accepted: a string, a number, an array of them, an object of strings (matching), a boolean or null',
    ]);
  });
});

describe('--pass-mark and --hide-answers', () => {
  test.each(['50', '50%', ' 50 % '])('run --pass-mark %j: 55.6 percent passes', async (mark) => {
    const { exitCode, stdout } = await runInProcess(['run', allKinds, '--answers', mixed, '--format', 'json', '--pass-mark', mark]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ percent: 55.6, passMark: 50, passed: true });
  });

  test.each(['abc', '%', '150%', '-1%', '50%%'])('--pass-mark %j is refused', async (mark) => {
    const { exitCode, stderr } = await runInProcess(['grade', allKinds, mixed, '--pass-mark', mark]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/expected a percent from 0 to 100/);
  });

  test('grade --pass-mark overrides the quiz for every row and the summary', async () => {
    const quizMark = ClassReport.parse(JSON.parse((await runInProcess(['grade', allKinds, mixed, '--format', 'json'])).stdout));
    expect(quizMark).toMatchObject({ passMark: 60, summary: { passed: 0 } });
    const { exitCode, stdout } = await runInProcess(['grade', allKinds, mixed, '--format', 'json', '--pass-mark', '55%']);
    expect(exitCode).toBe(0);
    const report = ClassReport.parse(JSON.parse(stdout));
    expect(report).toMatchObject({ passMark: 55, summary: { passed: 1, passRate: 100 } });
    expect(report.submissions[0]).toMatchObject({ percent: 55.6, passed: true });
  });

  // all-kinds-mixed.json gets question 2 partly right: expected "Canary deployment | Shadow deployment";
  // question 1's explanation is "Online prediction answers each request as it comes."
  const secrets = ['Shadow deployment', 'Online prediction answers each request', 'expected'];
  test.each([...REPORT_FORMATS])('--format %s --hide-answers: no expected answer, no explanation', async (format) => {
    const shown = await runInProcess(['run', allKinds, '--answers', mixed, '--format', format]);
    const hidden = await runInProcess(['run', allKinds, '--answers', mixed, '--format', format, '--hide-answers']);
    expect(hidden.exitCode).toBe(shown.exitCode);
    expect(shown.stdout).toContain('Shadow deployment');
    for (const secret of secrets) expect(hidden.stdout).not.toContain(secret);
    // What the learner gave is still there.
    expect(hidden.stdout).toContain('Canary deployment');
    if (format === 'json') {
      const report = JSON.parse(hidden.stdout);
      expect(report.questions[1]).not.toHaveProperty('expected');
      expect(report.questions[1]).toMatchObject({ status: 'partial', given: ['Canary deployment'] });
    }
    if (format === 'junit') expect(XMLValidator.validate(hidden.stdout)).toBe(true);
    if (format === 'tap') expect(parseTap(hidden.stdout).count).toBe(7);
  });
});
