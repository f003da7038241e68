/** numeric and blank questions and per-option feedback (docs/DESIGN.md section 12): model, answers file, scoring, report. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AnswersError, readAnswerSheet } from '../../src/core/answers.js';
import { grade } from '../../src/core/grade.js';
import { interpretAnswers } from '../../src/core/interpret.js';
import { parseNumericAnswer, readNumber } from '../../src/core/kinds/numeric.js';
import type { Quiz } from '../../src/core/quiz.js';
import { Report } from '../../src/core/report.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

const result = parseQuiz(readFileSync(new URL('../fixtures/format/new-kinds.md', import.meta.url), 'utf8'), { file: 'new-kinds.md' });
const quiz = result.quiz as Quiz;

function graded(answers: unknown) {
  const { sheet, raw } = readAnswerSheet(JSON.stringify({ answers }));
  return grade(quiz, interpretAnswers(quiz, sheet, raw), { mode: 'answers' });
}
function failure(answers: unknown): string {
  try {
    graded(answers);
  } catch (error) {
    if (error instanceof AnswersError) return `${error.path}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an AnswersError');
}

describe('the native syntax', () => {
  test('reads every question with no diagnostics', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(quiz.questions.map((q) => q.kind)).toEqual(['numeric', 'numeric', 'numeric', 'blank', 'blank', 'single', 'multiple']);
  });
  test('numeric answers: a value, a value with a tolerance, a range', () => {
    const [replicas, pi, range] = quiz.questions;
    expect(replicas).toMatchObject({ kind: 'numeric', answers: [{ value: 120, tolerance: 0 }], explanation: '3 × 40.' });
    expect(pi).toMatchObject({ id: 'pi', answers: [{ value: 3.14, tolerance: 0.01 }, { min: 3.1, max: 3.2 }] });
    expect(range).toMatchObject({ answers: [{ min: 1, max: 5 }] });
  });
  test('blanks: one item per gap, accepted answers split at | (\\| is a literal one)', () => {
    expect(quiz.questions[3]).toMatchObject({ kind: 'blank', blanks: [['rollout status', 'rollout status -w'], ['undo']] });
    expect(quiz.questions[4]).toMatchObject({ kind: 'blank', blanks: [['pipe', '|']] });
  });
  test('a block quote in an option item is its feedback; options without one have none', () => {
    const canary = quiz.questions[5]!;
    if (canary.kind !== 'single') throw new Error('single expected');
    expect(canary.options).toEqual([
      { text: 'A small one, such as 5 %', correct: true, feedback: 'Right: a few users see it first.' },
      { text: 'All of it', correct: false, feedback: 'That is a big-bang release.' },
      { text: 'None', correct: false },
    ]);
  });
  test('numbers as people write them', () => {
    expect(readNumber(' 3,14 ')).toBe(3.14);
    expect(readNumber('+2e3')).toBe(2000);
    expect(readNumber('twelve')).toBeNull();
    expect(parseNumericAnswer('3.14 +/- 0.01')).toEqual({ value: 3.14, tolerance: 0.01 });
    expect(parseNumericAnswer('-5 to -1')).toEqual({ min: -5, max: -1 });
    expect(parseNumericAnswer('5 to 1')).toBeNull();
  });
});

describe('answers file, scoring and report', () => {
  test('numeric: a number or a numeric string, right within the tolerance or range; given the number, expected a string', () => {
    const report = graded({ replicas: 120, pi: '3.15', 'a-range': 6 });
    expect(report.questions.slice(0, 3)).toMatchObject([
      { kind: 'numeric', status: 'correct', given: 120, expected: '120' },
      { status: 'correct', given: 3.15, expected: '3.14 ± 0.01' },
      { status: 'incorrect', given: 6, expected: '1 to 5' },
    ]);
    expect(graded({ pi: 3.19 }).questions[1]).toMatchObject({ status: 'correct' });
    expect(graded({ pi: 3.3 }).questions[1]).toMatchObject({ status: 'incorrect' });
    expect(failure({ pi: 'about three' })).toBe('answers["pi"]: question 2 "Pi": "about three" is not a number; accepted: a number (such as 3.14), or a string holding one ("3.14")');
    expect(failure({ pi: [3] })).toContain('an array is not a number');
  });
  test('blank: an array of strings, one per gap, the fraction of gaps right; a string for one gap', () => {
    const report = graded({ 'rolling-update': ['  Rollout   STATUS ', 'redo'], 'a-pipe': '|' });
    expect(report.questions[3]).toMatchObject({ kind: 'blank', status: 'partial', points: 0.5, given: ['  Rollout   STATUS ', 'redo'], expected: ['rollout status', 'undo'] });
    expect(report.questions[4]).toMatchObject({ status: 'correct', given: ['|'], expected: ['pipe'] });
    expect(graded({ 'rolling-update': ['rollout status'] }).questions[3]).toMatchObject({ points: 0.5, given: ['rollout status', ''] });
    expect(failure({ 'rolling-update': ['a', 'b', 'c'] })).toBe('answers["rolling-update"]: question 4 "Rolling update": 3 answers for 2 gaps; accepted: an array of 2 strings, one per gap in order ("" for a gap left empty)');
  });
  test('feedback: of the options chosen, in option order, or null', () => {
    const report = graded({ canary: 'B', 'several-with-feedback': ['C', 'A', 'B'] });
    expect(report.questions[5]).toMatchObject({ status: 'incorrect', feedback: 'That is a big-bang release.' });
    expect(report.questions[6]).toMatchObject({ feedback: 'Two environments, one live.\n\nA platform, not a strategy.' });
    expect(graded({ canary: 'C' }).questions[5]!.feedback).toBeNull();
    expect(graded({}).questions.every((q) => q.feedback === null)).toBe(true);
    expect(() => Report.parse(report)).not.toThrow();
  });
});
