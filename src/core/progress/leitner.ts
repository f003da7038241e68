/**
 * Leitner boxes (docs/DESIGN.md section 9), replayed from the saved attempts. Pure.
 *
 * - The clock is the quiz's attempts: every saved attempt with at least one answer, in the order they
 *   were started (full runs, resumed runs and reviews alike).
 * - A question starts in box 1. Answered right (full points): up one box, to MAX_BOX at most. Answered
 *   wrong or with partial credit: back to box 1.
 * - A question in box N is due again 2^(N-1) attempts after the attempt that last asked it: box 1 every
 *   attempt, box 2 every other one, box 3 every fourth...
 * - Only answers to the question as it is now (same content hash) count: a question whose text or answer
 *   changed starts again in box 1, never answered.
 */
import type { Question } from '../kinds/index.js';
import { chronological, isRight, type Attempt } from './attempt.js';
import { interval, MAX_BOX } from './boxes.js';

export { interval, MAX_BOX } from './boxes.js';


export interface QuestionRecord {
  id: string;
  /** 1..MAX_BOX. */
  box: number;
  /** Answers counted (current content only). */
  answered: number;
  right: number;
  /** Wrong or partial. */
  missed: number;
  /** Index (in the attempt clock) of the last attempt that answered it; null when never answered. */
  lastAsked: number | null;
  /** Index of the last attempt where it was missed; null when never missed. */
  lastMissed: number | null;
  /** Attempts still to come before it is due: 0 = due in the next attempt. */
  dueIn: number;
}

export interface Boxes {
  /** How many attempts the clock has counted; the next attempt has this index. */
  clock: number;
  /** One record per question of the quiz, in file order. */
  records: QuestionRecord[];
}

/**
 * Replays the history. `questions` gives the current content (id and hash) and order; answers to other
 * ids or to other hashes are left out.
 */
export function leitner(questions: readonly Pick<Question, 'id' | 'hash'>[], history: readonly Attempt[], quizId?: string): Boxes {
  const attempts = chronological(history, quizId);
  const records = new Map<string, QuestionRecord>(
    questions.map((question) => [question.id, { id: question.id, box: 1, answered: 0, right: 0, missed: 0, lastAsked: null, lastMissed: null, dueIn: 0 }]),
  );
  const hashes = new Map(questions.map((question) => [question.id, question.hash]));
  attempts.forEach((attempt, index) => {
    for (const [id, answer] of Object.entries(attempt.answers)) {
      const record = records.get(id);
      if (record === undefined || hashes.get(id) !== answer.hash) continue;
      record.answered += 1;
      record.lastAsked = index;
      if (isRight(answer)) {
        record.right += 1;
        record.box = Math.min(MAX_BOX, record.box + 1);
      } else {
        record.missed += 1;
        record.lastMissed = index;
        record.box = 1;
      }
    }
  });
  const clock = attempts.length;
  for (const record of records.values()) {
    record.dueIn = record.lastAsked === null ? 0 : Math.max(0, record.lastAsked + interval(record.box) - clock);
  }
  return { clock, records: [...records.values()] };
}

/**
 * What `--review` asks, in order: questions never answered right first (in file order), then the others
 * that are due, the most recently missed first (then the lower box, then file order).
 */
export function dueForReview<Q extends Pick<Question, 'id' | 'hash' | 'number'>>(questions: readonly Q[], history: readonly Attempt[], quizId?: string): Q[] {
  const { records } = leitner(questions, history, quizId);
  const byId = new Map(records.map((record) => [record.id, record]));
  const due = questions.filter((question) => byId.get(question.id)?.dueIn === 0);
  const neverRight = due.filter((question) => byId.get(question.id)?.right === 0);
  const others = due
    .filter((question) => (byId.get(question.id)?.right ?? 0) > 0)
    .sort((a, b) => {
      const ra = byId.get(a.id);
      const rb = byId.get(b.id);
      const missed = (rb?.lastMissed ?? -1) - (ra?.lastMissed ?? -1);
      return missed || (ra?.box ?? 0) - (rb?.box ?? 0) || a.number - b.number;
    });
  return [...neverRight, ...others];
}

/** When nothing is due: how many attempts until the first question falls due, and which questions then. */
export function nextReview<Q extends Pick<Question, 'id' | 'hash'>>(questions: readonly Q[], history: readonly Attempt[], quizId?: string): { after: number; questions: Q[] } | null {
  const { records } = leitner(questions, history, quizId);
  const pending = records.filter((record) => record.dueIn > 0);
  if (pending.length === 0) return null;
  const after = Math.min(...pending.map((record) => record.dueIn));
  const ids = new Set(pending.filter((record) => record.dueIn === after).map((record) => record.id));
  return { after, questions: questions.filter((question) => ids.has(question.id)) };
}
