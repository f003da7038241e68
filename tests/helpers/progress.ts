/** Building saved attempts by hand for the progress tests: real questions, real scoring, chosen outcomes. */
import { readFileSync } from 'node:fs';
import type { Response } from '../../src/core/kinds/index.js';
import type { Question } from '../../src/core/kinds/index.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { finishAttempt, newAttempt, recordAnswer, type Attempt } from '../../src/core/progress/attempt.js';

export const FIVE = 'tests/fixtures/progress/five.md';
export const FIVE_EDITED = 'tests/fixtures/progress/five-edited.md';

export function loadFixture(path: string): Quiz {
  const result = parseQuiz(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), { file: path, source: path });
  if (!result.quiz) throw new Error(`${path}: ${JSON.stringify(result.errors)}`);
  return result.quiz;
}

export type Outcome = 'right' | 'wrong' | 'partial';

/** A response to the question with the given outcome (partial: multiple choice, one right pick of two). */
export function respond(question: Question, outcome: Outcome): Response {
  switch (question.kind) {
    case 'single': {
      const index = question.options.findIndex((option) => option.correct === (outcome === 'right'));
      return { kind: 'single', choice: index };
    }
    case 'multiple': {
      const right = question.options.flatMap((option, index) => (option.correct ? [index] : []));
      const wrong = question.options.findIndex((option) => !option.correct);
      return { kind: 'multiple', choices: outcome === 'right' ? right : outcome === 'partial' ? right.slice(0, 1) : [wrong] };
    }
    case 'self':
      return { kind: 'self', knew: outcome === 'right' };
    default:
      throw new Error(`no hand-made response for ${question.kind}`);
  }
}

export interface HandAttempt {
  /** Start time, ISO. */
  at: string;
  /** The question ids asked, in order (default: the whole quiz). */
  asked?: string[];
  /** Outcomes by question id, in answering order; a minute apart. */
  answers: Record<string, Outcome>;
  finished?: boolean;
  mode?: Attempt['mode'];
  random?: string;
}

export function handAttempt(quiz: Quiz, spec: HandAttempt): Attempt {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const get = (id: string): Question => {
    const question = byId.get(id);
    if (!question) throw new Error(`no question ${id}`);
    return question;
  };
  const start = new Date(spec.at);
  const questions = spec.asked ? spec.asked.map(get) : quiz.questions;
  let attempt = newAttempt({ quiz, questions, mode: spec.mode ?? 'full', now: start, random: spec.random ?? 'a1b2c3' });
  let minute = 0;
  for (const [id, outcome] of Object.entries(spec.answers)) {
    minute += 1;
    attempt = recordAnswer(attempt, get(id), respond(get(id), outcome), new Date(start.getTime() + minute * 60_000));
  }
  return spec.finished === false ? attempt : finishAttempt(attempt, new Date(start.getTime() + (minute + 1) * 60_000));
}
