/**
 * `--shuffle`, `--seed`, `--limit`: a seeded generator of our own gives the same order on every machine;
 * the values below are mulberry32's (a published algorithm), so a change of generator fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import type { Quiz } from '../../src/core/quiz.js';
import { displayOrder, planQuestions } from '../../src/core/plan.js';
import { mulberry32, permutation } from '../../src/core/random.js';

function load(path: string): Quiz {
  const quiz = parseQuiz(readFileSync(path, 'utf8'), { file: path, source: path }).quiz;
  if (!quiz) throw new Error(path);
  return quiz;
}
const seed = load('tests/fixtures/seed/seed.md');
const allKinds = load('tests/fixtures/format/all-kinds.md');
const numbers = (quiz: Quiz, options: Parameters<typeof planQuestions>[1]) => planQuestions(quiz, options).map((question) => question.number);

describe('the generator', () => {
  test('mulberry32 with seed 42 gives its published first values', () => {
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  test('values stay in [0, 1) for seeds at the ends of the range', () => {
    for (const start of [0, 1, 4294967295]) {
      const random = mulberry32(start);
      for (let index = 0; index < 1000; index += 1) {
        const value = random();
        expect(value >= 0 && value < 1).toBe(true);
      }
    }
  });

  test('an ordering is never shown already solved', () => {
    for (let start = 0; start < 200; start += 1) expect(permutation(2, mulberry32(start), true)).toEqual([1, 0]);
  });
});

describe('the session plan', () => {
  test('without shuffle: file order; --limit takes the first N', () => {
    expect(numbers(seed, { shuffle: false, seed: 5 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(numbers(seed, { shuffle: false, seed: 5, limit: 3 })).toEqual([1, 2, 3]);
  });

  test('the same seed gives the same order (these orders hold on every machine); another seed another', () => {
    expect(numbers(seed, { shuffle: true, seed: 1 })).toEqual([8, 9, 4, 3, 2, 6, 10, 5, 1, 7]);
    expect(numbers(seed, { shuffle: true, seed: 1 })).toEqual([8, 9, 4, 3, 2, 6, 10, 5, 1, 7]);
    expect(numbers(seed, { shuffle: true, seed: 2 })).toEqual([1, 10, 5, 2, 7, 6, 4, 9, 3, 8]);
  });

  test('--limit applies after shuffling', () => {
    expect(numbers(seed, { shuffle: true, seed: 1, limit: 4 })).toEqual([8, 9, 4, 3]);
    expect(numbers(seed, { shuffle: true, seed: 1, limit: 99 })).toHaveLength(10);
  });

  test('options shuffle only with shuffle; items and match values always; each a permutation', () => {
    const [single, multiple, order, match] = allKinds.questions;
    expect(displayOrder(single!, 3, false)).toEqual([0, 1, 2]);
    const orders = new Set(Array.from({ length: 20 }, (_, start) => displayOrder(multiple!, start, true).join()));
    expect(orders.size).toBeGreaterThan(3);
    for (const one of orders) expect(one.split(',').map(Number).sort()).toEqual([0, 1, 2, 3]);
    expect(displayOrder(order!, 3, false)).not.toEqual([0, 1, 2]);
    expect([...displayOrder(match!, 3, false)].sort()).toEqual([0, 1, 2]);
  });

  test('a question is shown the same way whatever else is asked (by seed and id)', () => {
    const question = allKinds.questions[1]!;
    expect(displayOrder(question, 77, true)).toEqual(displayOrder({ ...question }, 77, true));
  });
});
