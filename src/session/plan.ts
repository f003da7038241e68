/**
 * Which questions a session asks, in which order (DESIGN.md section 8: `--shuffle`, `--seed`, `--limit`),
 * and in which order each question's options, items and match values are shown. Pure.
 */
import type { Question, Quiz } from '../quiz/model.js';
import { matchChoices } from '../quiz/questions.js';
import { mulberry32, permutation, randomFor, shuffled } from './random.js';

export interface PlanOptions {
  /** Shuffle the questions and each question's options. */
  shuffle: boolean;
  /** The seed of every random order in the session. */
  seed: number;
  /** Ask only the first N questions (after shuffling). */
  limit?: number;
}

/** The session's questions: shuffled by the seed when asked to, then the first `limit`. */
export function planQuestions(quiz: Quiz, options: PlanOptions): Question[] {
  const questions = options.shuffle ? shuffled(quiz.questions, mulberry32(options.seed)) : [...quiz.questions];
  return options.limit === undefined ? questions : questions.slice(0, options.limit);
}

/**
 * The display order of one question's choices, as indices into the model: options (single, multiple;
 * shuffled only with `shuffle`), items (ordering: always shuffled, never shown solved), the right-hand
 * values (matching: always shuffled). Derived from the seed and the question's id alone, so a resumed or
 * reviewed session shows a question the same way.
 */
export function displayOrder(question: Question, seed: number, shuffle: boolean): number[] {
  const random = randomFor(seed, question.id);
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return shuffle ? permutation(question.options.length, random) : question.options.map((_, index) => index);
    case 'order':
      return permutation(question.items.length, random, true);
    case 'match':
      return permutation(matchChoices(question).length, random);
    case 'text':
    case 'self':
      return [];
  }
}
