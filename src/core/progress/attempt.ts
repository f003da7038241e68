/**
 * Saved progress (docs/DESIGN.md section 9): the zod schema of one saved attempt, the single source of its
 * type, and the pure steps that build one as a session goes. One attempt is one file (src/store/attempts.ts), so
 * two sessions at once never write the same file; the review schedule (FSRS, schedule.ts) is computed from
 * the attempts, never stored, so nothing shared can be lost between two runs.
 *
 * Version 2 (this one) adds to each answer whether the right answer was shown before it (`revealed`: a
 * skip shows it, and the question then counts as answered with 0 points and no response), whether the
 * hint was shown (`hinted`) and the seconds it took (`seconds`). Version 1 files are read and upgraded
 * (`parseAttempt`): their answers were neither revealed nor hinted, their time unknown (null).
 */
import * as z from 'zod/mini';
import { pointsFor, statusFor } from '../grade.js';
import { Response, type Question } from '../kinds/index.js';
import type { Quiz } from '../quiz.js';

/** The format's version, written in every file. A file of a later version is left alone, never rewritten. */
export const STATE_VERSION = 2;

const Instant = z.iso.datetime({ offset: true });

const AnswerV1 = z.object({
  /** The question's content hash when it was answered: an answer to an earlier version does not count. */
  hash: z.string().check(z.minLength(1)),
  /** As the session gave it: indices into the question's model (each kind's response schema). */
  response: Response,
  points: z.number().check(z.minimum(0), z.maximum(1)),
  status: z.enum(['correct', 'partial', 'incorrect']),
  answeredAt: Instant,
});

export const SavedAnswer = z.object({
  hash: z.string().check(z.minLength(1)),
  /** As the session gave it; null when the learner skipped and was shown the right answer (`revealed`). */
  response: z.nullable(Response),
  points: z.number().check(z.minimum(0), z.maximum(1)),
  status: z.enum(['correct', 'partial', 'incorrect']),
  /** The right answer was shown before any answer (a skip): 0 points, and not asked again on resume. */
  revealed: z._default(z.boolean(), false),
  /** The hint was shown before the answer. */
  hinted: z._default(z.boolean(), false),
  /** Seconds from the question drawn to the answer; null when unknown (version 1). */
  seconds: z._default(z.nullable(z.number().check(z.minimum(0))), null),
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

const attemptFields = {
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
};

export const Attempt = z.object({
  version: z.literal(STATE_VERSION),
  ...attemptFields,
  /** By question id. */
  answers: z.record(z.string(), SavedAnswer),
});
export type Attempt = z.infer<typeof Attempt>;

/** The format of version 1 (before FSRS): read, never written. */
const AttemptV1 = z.object({
  version: z.literal(1),
  ...attemptFields,
  answers: z.record(z.string(), AnswerV1),
});

export type ParsedAttempt = { success: true; data: Attempt } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

/** Reads a saved attempt of this version or of version 1 (upgraded: nothing revealed or hinted, time unknown). */
export function parseAttempt(json: unknown): ParsedAttempt {
  const version = typeof json === 'object' && json !== null && 'version' in json ? (json as { version: unknown }).version : undefined;
  if (version === 1) {
    const old = AttemptV1.safeParse(json);
    if (!old.success) return old;
    const answers: Attempt['answers'] = {};
    for (const [id, answer] of Object.entries(old.data.answers)) answers[id] = { ...answer, revealed: false, hinted: false, seconds: null };
    return { success: true, data: { ...old.data, version: STATE_VERSION, answers } };
  }
  return Attempt.safeParse(json);
}

/** Right: full points. Partial credit is not right, see docs/progress.md. */
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

/** How a question was answered, beside the response: the hint shown, and the time it took. */
export interface AnswerMeta {
  hinted?: boolean;
  /** Seconds from the question drawn to the answer. */
  seconds?: number | null;
}

/**
 * The attempt with one more answer (scored as an interactive session scores it). `null`: the learner
 * skipped and the right answer was shown, so it counts as answered, with 0 points (`revealed`).
 */
export function recordAnswer(attempt: Attempt, question: Question, response: Response | null, now: Date, meta: AnswerMeta = {}): Attempt {
  const points = response === null ? 0 : pointsFor(question, response);
  const answer: SavedAnswer = {
    hash: question.hash,
    response,
    points,
    status: statusFor(points, 1),
    revealed: response === null,
    hinted: meta.hinted ?? false,
    seconds: meta.seconds === undefined || meta.seconds === null ? null : Math.round(meta.seconds * 10) / 10,
    answeredAt: now.toISOString(),
  };
  return { ...attempt, updatedAt: answer.answeredAt, answers: { ...attempt.answers, [question.id]: answer } };
}

/** Seconds the attempt's answers took in all; null when none has a time (version 1). */
export function secondsOf(attempt: Pick<Attempt, 'answers'>): number | null {
  const times = Object.values(attempt.answers).flatMap((answer) => (answer.seconds === null ? [] : [answer.seconds]));
  return times.length === 0 ? null : Math.round(10 * times.reduce((sum, seconds) => sum + seconds, 0)) / 10;
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
  /** Seconds the answers took in all; null when unknown. */
  seconds: number | null;
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
    seconds: secondsOf(attempt),
  };
}

/** Attempts in the order they were started (ties: by id), those with no answer left out. */
export function chronological(history: readonly Attempt[], quizId?: string): Attempt[] {
  return history
    .filter((attempt) => (quizId === undefined || attempt.quiz.id === quizId) && Object.keys(attempt.answers).length > 0)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
