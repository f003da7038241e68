import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { grade } from '../../src/core/grade.js';
import type { Response } from '../../src/core/kinds/index.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

const allKinds = parseQuiz(readFileSync(new URL('../fixtures/format/all-kinds.md', import.meta.url), 'utf8'), { file: 'all-kinds.md' }).quiz as Quiz;
const seed = parseQuiz(readFileSync(new URL('../fixtures/seed/seed.md', import.meta.url), 'utf8'), { file: 'seed.md' }).quiz as Quiz;

const responses = (entries: Record<string, Response>) => new Map(Object.entries(entries));

describe('scoring each kind (docs/DESIGN.md section 6), expected values computed by hand', () => {
  // all-kinds.md: serving (single, B correct), safe-rollouts (multiple, A and C correct of 4),
  // environments-in-order (3 items), tests-and-environments (4 left items, right values
  // Development/Staging/Production), name-the-tool (text), draw-the-pipeline (self),
  // two-correct-seed-style (multiple, A and C correct of 3). Answers-file mode: 6 graded questions.
  test('single choice and short answer are 1 or 0', () => {
    const report = grade(allKinds, responses({
      serving: { kind: 'single', choice: 1 },
      'name-the-tool': { kind: 'text', text: '  KUBECTL   Apply ' },
    }), { mode: 'answers' });
    expect(report.questions[0]).toMatchObject({ status: 'correct', points: 1, given: 'Online prediction', expected: 'Online prediction' });
    expect(report.questions[4]).toMatchObject({ status: 'correct', points: 1, given: '  KUBECTL   Apply ', expected: 'kubectl' });
    const wrong = grade(allKinds, responses({ serving: { kind: 'single', choice: 0 }, 'name-the-tool': { kind: 'text', text: 'helm' } }), { mode: 'answers' });
    expect(wrong.questions[0]).toMatchObject({ status: 'incorrect', points: 0, given: 'Batch prediction' });
    expect(wrong.questions[4]).toMatchObject({ status: 'incorrect', points: 0 });
  });

  test('multiple choice: max(0, (right picks - wrong picks) / right options)', () => {
    const cases: [number[], number, string][] = [
      [[0, 2], 1, 'correct'], // 2 right, 0 wrong: 2/2
      [[0], 0.5, 'partial'], // 1 right: 1/2
      [[0, 1], 0, 'incorrect'], // 1 right, 1 wrong: 0/2
      [[0, 1, 2], 0.5, 'partial'], // 2 right, 1 wrong: 1/2
      [[1, 3], 0, 'incorrect'], // 0 right, 2 wrong: max(0, -1)
      [[], 0, 'incorrect'], // answered with no pick
    ];
    for (const [choices, points, status] of cases) {
      const result = grade(allKinds, responses({ 'safe-rollouts': { kind: 'multiple', choices } }), { mode: 'answers' }).questions[1];
      expect(result).toMatchObject({ points, status });
    }
  });

  test('ordering: the fraction of items in their correct position', () => {
    const points = (order: number[]) => grade(allKinds, responses({ 'environments-in-order': { kind: 'order', order } }), { mode: 'answers' }).questions[2]!;
    expect(points([0, 1, 2])).toMatchObject({ points: 1, status: 'correct', given: ['Development', 'Staging', 'Production'] });
    expect(points([0, 2, 1]).points).toBeCloseTo(1 / 3); // only Development in place
    expect(points([2, 0, 1])).toMatchObject({ points: 0, status: 'incorrect' }); // none in place
    expect(points([1, 0, 2]).points).toBeCloseTo(1 / 3);
  });

  test('matching: the fraction of left items matched correctly; left out is unmatched', () => {
    // right values in first-seen order: 0 Development, 1 Staging, 2 Production
    const result = (picks: (number | null)[]) => grade(allKinds, responses({ 'tests-and-environments': { kind: 'match', picks } }), { mode: 'answers' }).questions[3]!;
    expect(result([0, 1, 2, 1])).toMatchObject({ points: 1, status: 'correct' });
    expect(result([0, 1, 1, null])).toMatchObject({ points: 0.5, status: 'partial', given: { 'Unit tests': 'Development', 'Integration tests': 'Staging', 'Smoke tests': 'Staging' } });
    expect(result([null, null, null, null])).toMatchObject({ points: 0, status: 'incorrect', given: {} });
  });

  // serving 1 + safe-rollouts 0.5 + order 1/3 + match 0.5 + text 0 + seed-style multiple 1 = 10/3 of 6
  const mixed = responses({
    serving: { kind: 'single', choice: 1 },
    'safe-rollouts': { kind: 'multiple', choices: [0] },
    'environments-in-order': { kind: 'order', order: [0, 2, 1] },
    'tests-and-environments': { kind: 'match', picks: [0, 1, 1, null] },
    'name-the-tool': { kind: 'text', text: 'helm' },
    'two-correct-seed-style': { kind: 'multiple', choices: [0, 2] },
  });

  test('a mix: score, maxScore, percent to one decimal, passed on the unrounded percent', () => {
    const report = grade(allKinds, mixed, { mode: 'answers' });
    expect(report.score).toBeCloseTo(10 / 3);
    expect(report.maxScore).toBe(6);
    expect(report.percent).toBe(55.6);
    expect(report.passMark).toBe(60);
    expect(report.passed).toBe(false);
    expect(report.questions.map((q) => q.status)).toEqual(['correct', 'partial', 'partial', 'partial', 'incorrect', 'ungraded', 'correct']);
    expect(grade(allKinds, new Map(), { mode: 'answers', passMark: 0 }).passed).toBe(true);
  });

  test('passed compares the unrounded percent, not the rounded one', () => {
    // 10/3 of 6 = 55.555…%: shown as 55.6, yet below a pass mark of 55.6
    const report = grade(allKinds, mixed, { mode: 'answers', passMark: 55.6 });
    expect(report.percent).toBe(55.6);
    expect(report.passed).toBe(false);
    expect(grade(allKinds, mixed, { mode: 'answers', passMark: 55.5 }).passed).toBe(true);
  });
});

describe('self-assessed questions and statuses', () => {
  test('answers-file grading: self-assessed is ungraded, worth nothing, given null', () => {
    const report = grade(seed, new Map(), { mode: 'answers' });
    expect(report.maxScore).toBe(7);
    expect(report.questions.filter((q) => q.status === 'ungraded').map((q) => q.number)).toEqual([6, 7, 9]);
    expect(report.questions[5]).toMatchObject({ kind: 'self', points: 0, maxPoints: 0, given: null, expected: 'images/ch_03-01.png' });
    expect(report.questions[0]).toMatchObject({ status: 'unanswered', points: 0, maxPoints: 1, given: null });
    expect(report).toMatchObject({ score: 0, percent: 0, passed: false });
  });

  test('interactive: a self-assessed question is worth the learner’s word', () => {
    const report = grade(seed, responses({ 'progression-through-environments': { kind: 'self', knew: true }, 'order-of-risk': { kind: 'self', knew: false } }), { mode: 'interactive' });
    expect(report.maxScore).toBe(10);
    expect(report.questions[5]).toMatchObject({ status: 'correct', points: 1, given: 'knew it' });
    expect(report.questions[8]).toMatchObject({ status: 'incorrect', points: 0, given: 'did not know it' });
  });

  test('nothing gradable: percent and passed are null', () => {
    const only = { ...seed, questions: seed.questions.filter((q) => q.kind === 'self') };
    expect(grade(only, new Map(), { mode: 'answers' })).toMatchObject({ score: 0, maxScore: 0, percent: null, passed: null });
  });

  test('the report carries the fields of section 7 in order', () => {
    const report = grade(seed, new Map(), { mode: 'answers' });
    expect(Object.keys(report)).toEqual(['quiz', 'score', 'maxScore', 'percent', 'passMark', 'passed', 'questions']);
    expect(Object.keys(report.questions[0]!)).toEqual(['number', 'id', 'title', 'kind', 'status', 'points', 'maxPoints', 'given', 'expected', 'explanation', 'feedback']);
    expect(report.quiz).toEqual({ id: 'seed', title: 'seed', source: 'seed.md' });
  });
});
