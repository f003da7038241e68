/**
 * An answers file read as written (issue 20, docs/DESIGN.md section 5): a key given twice is an input
 * error naming both places (JSON.parse kept the last, silently); a number given for a short answer is
 * compared by its written form (`3.10` was graded as 3.1, `1000000000000000000000` as 1e+21), while for
 * a choice question a number stays the option's position; twin options (the same text as written or as
 * plain text) are a warning, and the learner's exact text picks the option written so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AnswersError } from '../../src/core/answers.js';
import { gradeAnswerText } from '../../src/core/grade-answers.js';
import { scanJsonSource } from '../../src/core/json-source.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { runInProcess } from '../helpers/cli.js';

const FILE = 'tests/fixtures/hostile/written-forms.md';
const parsed = parseQuiz(readFileSync(new URL('../fixtures/hostile/written-forms.md', import.meta.url), 'utf8'), { file: FILE });
const quiz = parsed.quiz as Quiz;
const seed = parseQuiz(readFileSync(new URL('../fixtures/seed/seed.md', import.meta.url), 'utf8'), { file: 'seed.md' }).quiz as Quiz;

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AnswersError) return `${error.path}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('a key given twice', () => {
  test.each([
    ['an answer', '{"answers": {\n  "1": "a",\n  "1": "b"\n}}', 'answers["1"]: the key "1" is given twice, at 2:3 and at 3:3; keep one'],
    ['"answers" itself', '{"answers": {"1": "a"},\n"answers": {}}', 'answers: the key "answers" is given twice, at 1:2 and at 2:1; keep one'],
    ['a matching pair', '{"answers": {"2": {"x": "1", "x": "2"}}}', 'answers["2"]["x"]: the key "x" is given twice, at 1:20 and at 1:30; keep one'],
    ['the same key spelt with an escape', '{"answers": {"1": "a", "\\u0031": "b"}}', 'answers["1"]: the key "1" is given twice, at 1:14 and at 1:24; keep one'],
  ])('%s: an input error naming both places', (_name, text, message) => {
    expect(failure(() => gradeAnswerText(seed, text))).toBe(message);
  });

  test('the same key in two different objects is no duplicate', () => {
    expect(scanJsonSource('{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 1}, {"x": 2}]}').duplicate).toBeNull();
  });

  test('200,000 nested arrays are scanned without recursion', () => {
    const deep = `{"answers": {"1": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    expect(scanJsonSource(deep).duplicate).toBeNull();
  });

  test('through the command line: exit 2, one line with both places', async () => {
    const result = await runInProcess(['run', 'tests/fixtures/seed/seed.md', '--answers', 'tests/fixtures/hostile/answers-duplicate-key.json']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('mlops-quiz: tests/fixtures/hostile/answers-duplicate-key.json: answers["offline-or-online"]: the key "offline-or-online" is given twice, at 3:5 and at 4:5; keep one\n');
  });
});

describe('numbers as written', () => {
  test.each([
    ['3.10 for "3.10"', '{"answers": {"1": 3.10}}', 'correct', '3.10'],
    ['3.1 for "3.10"', '{"answers": {"1": 3.1}}', 'incorrect', '3.1'],
    ['a 22-digit integer', '{"answers": {"2": 1000000000000000000000}}', 'correct', '1000000000000000000000'],
    ['1e21 for the 22-digit integer', '{"answers": {"2": 1e21}}', 'incorrect', '1e21'],
  ])('a short answer given as a number: %s', (_name, text, status, given) => {
    const { report } = gradeAnswerText(quiz, text);
    const result = report.questions.find((one) => one.given !== null)!;
    expect([result.status, result.given]).toEqual([status, given]);
  });

  test('for a choice question a number stays the option position', () => {
    const { report } = gradeAnswerText(quiz, '{"answers": {"3": 2.0}}');
    expect(report.questions[2]!.status).toBe('correct');
  });
});

describe('twin options', () => {
  test('options that read the same are a warning with both', () => {
    expect(parsed.warnings.map((warning) => warning.message)).toEqual([
      'question 3 "Which command applies a manifest?": options 1 "`kubectl apply`" and 2 "kubectl apply" read the same; an answer by text picks the one written exactly so, else the first',
    ]);
  });

  test("the learner's exact text picks the option written so (it used to pick the first twin)", () => {
    const { report } = gradeAnswerText(quiz, '{"answers": {"3": "kubectl apply"}}');
    expect(report.questions[2]!.status).toBe('correct');
    expect(gradeAnswerText(quiz, '{"answers": {"3": "`kubectl apply`"}}').report.questions[2]!.status).toBe('incorrect');
  });
});
