/**
 * Saved progress (docs/DESIGN.md section 9): the zod schema of one saved attempt, the single source of its
 * type, and the pure steps that build one as a session goes. One attempt is one file (src/store/attempts.ts), so
 * two sessions at once never write the same file; the Leitner boxes are computed from the attempts
 * (leitner.ts), never stored, so nothing shared can be lost between two runs.
 */
import * as z from 'zod/mini';
import { pointsFor, statusFor } from '../grade.js';
import { Response, type Question } from '../kinds/index.js';
import type { Quiz } from '../quiz.js';

/** The format's version, written in every file. A file of a later version is left alone, never rewritten. */
export const STATE_VERSION = 1;

const Instant = z.iso.datetime({ offset: true });

export const SavedAnswer = z.object({
  /** The question's content hash when it was answered: an answer to an earlier version does not count. */
  hash: z.string().check(z.minLength(1)),
  /** As the session gave it: indices into the question's model (each kind's response schema). */
  response: Response,
  points: z.number().check(z.minimum(0), z.maximum(1)),
  status: z.enum(['correct', 'partial', 'incorrect']),
  answeredAt: Instant,
});
export type SavedAnswer = z.infer<typeof SavedAnswer>;

export const AskedQuestion = z.object({
  id: z.string().check(z.minLength(1)),
  number: z.int().check(z.minimum(1)),
  title: z.string(),
  hash: z.string().check(z.minLength(1)),
});
export type AskedQuestion = z.infer<typeof AskedQuestion>;

export const Attempt = z.object({
  version: z.literal(STATE_VERSION),
  /** Also the file's name: `20261124T184500123Z-3f9a1c` (start time, then random), sortable. */
  id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,80}$/)),
  quiz: z.object({ id: z.string().check(z.minLength(1)), title: z.string(), source: z.string() }),
  /** `review`: only the questions that were due; `full`: a run of the quiz (maybe shuffled or limited). */
  mode: z.enum(['full', 'review']),
  /** Whether the attempt asks every question of the quiz (a resume then also asks questions added since). */
  whole: z.boolean(),
  /** The session's shuffle seed and whether options were shuffled, so a resume shows them the same way. */
  seed: z._default(z.nullable(z.int().check(z.minimum(0))), null),
  shuffleOptions: z._default(z.boolean(), false),
  startedAt: Instant,
  updatedAt: Instant,
  /** null while the attempt is unfinished (stopped by Ctrl+C, SIGTERM, a closed terminal, a crash). */
  finishedAt: z.nullable(Instant),
  /** The questions of the attempt, in the order they are asked. */
  questions: z.array(AskedQuestion).check(z.minLength(1)),
  /** By question id. */
  answers: z.record(z.string(), SavedAnswer),
});
export type Attempt = z.infer<typeof Attempt>;

/** Right, for the Leitner boxes: full points. Partial credit is not right (back to box 1), see docs/progress.md. */
export function isRight(answer: Pick<SavedAnswer, 'status'>): boolean {
  return answer.status === 'correct';
}

/** A sortable attempt id from the start time and a random suffix (the caller brings the randomness). */
export function attemptId(startedAt: Date, random: string): string {
  return `${startedAt.toISOString().replace(/[-:.]/g, '')}-${random.replace(/[^A-Za-z0-9]/g, '').slice(0, 16)}`;
}

export interface NewAttempt {
  quiz: Quiz;
  /** The questions to ask, in order. */
  questions: readonly Question[];
  mode: Attempt['mode'];
  /** The session's seed and option shuffling, when there is one. */
  seed?: number | null;
  shuffleOptions?: boolean;
  now: Date;
  /** Random letters for the id (the store gives crypto bytes). */
  random: string;
}

export function newAttempt({ quiz, questions, mode, seed = null, shuffleOptions = false, now, random }: NewAttempt): Attempt {
  const instant = now.toISOString();
  return {
    version: STATE_VERSION,
    id: attemptId(now, random),
    quiz: { id: quiz.id, title: quiz.title, source: quiz.source },
    mode,
    whole: questions.length === quiz.questions.length,
    seed,
    shuffleOptions,
    startedAt: instant,
    updatedAt: instant,
    finishedAt: null,
    questions: questions.map(asked),
    answers: {},
  };
}

export function asked(question: Question): AskedQuestion {
  return { id: question.id, number: question.number, title: question.title, hash: question.hash };
}

/** The attempt with one more answer (scored as an interactive session scores it). */
export function recordAnswer(attempt: Attempt, question: Question, response: Response, now: Date): Attempt {
  const points = pointsFor(question, response);
  const answer: SavedAnswer = { hash: question.hash, response, points, status: statusFor(points, 1), answeredAt: now.toISOString() };
  return { ...attempt, updatedAt: answer.answeredAt, answers: { ...attempt.answers, [question.id]: answer } };
}

export function finishAttempt(attempt: Attempt, now: Date): Attempt {
  const instant = now.toISOString();
  return { ...attempt, updatedAt: instant, finishedAt: instant };
}

export interface AttemptScore {
  id: string;
  mode: Attempt['mode'];
  startedAt: string;
  updatedAt: string;
  finished: boolean;
  answered: number;
  score: number;
  /** Every question of the attempt is worth a point (self-assessed included, as in an interactive session). */
  maxScore: number;
  /** Rounded to one decimal, as in the report. */
  percent: number;
}

export function scoreOf(attempt: Attempt): AttemptScore {
  const answers = Object.values(attempt.answers);
  const score = answers.reduce((sum, answer) => sum + answer.points, 0);
  const maxScore = attempt.questions.length;
  return {
    id: attempt.id,
    mode: attempt.mode,
    startedAt: attempt.startedAt,
    updatedAt: attempt.updatedAt,
    finished: attempt.finishedAt !== null,
    answered: answers.length,
    score,
    maxScore,
    percent: Math.round((1000 * score) / maxScore) / 10,
  };
}

/** Attempts in the order they were started (ties: by id), those with no answer left out. */
export function chronological(history: readonly Attempt[], quizId?: string): Attempt[] {
  return history
    .filter((attempt) => (quizId === undefined || attempt.quiz.id === quizId) && Object.keys(attempt.answers).length > 0)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
