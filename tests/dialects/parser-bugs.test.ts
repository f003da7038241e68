/** Parser bugs found while writing the authoring fixtures: one fixture each, named after the bug. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

test('a title with no letters or digits gets a usable id (question-N), not "" and "-1"', () => {
  const result = parseQuiz(fixture('bugs/title-without-slug.md'), { file: 'title-without-slug.md' });
  expect(result.errors).toEqual([]);
  // "Question 1" slugs to question-1, so the third title's own slug must not collide with the fallback.
  expect(result.quiz!.questions.map((q) => q.id)).toEqual(['question-1', 'question-2', 'question-1-1']);
  expect(Quiz.safeParse(result.quiz).success).toBe(true);
});
