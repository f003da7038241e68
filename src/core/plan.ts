/**
 * Which questions a session asks, in which order (docs/DESIGN.md section 8: `--shuffle`, `--seed`, `--limit`),
 * and in which order each question's options, items and match values are shown. Pure.
 */
import { kindOf, type Question } from './kinds/index.js';
import type { Quiz } from './quiz.js';
import { mulberry32, randomFor, shuffled } from './random.js';

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
  return kindOf(question).displayOrder(question, randomFor(seed, question.id), shuffle);
}
