/**
 * Review spaced by days (docs/DESIGN.md section 9): FSRS through `ts-fsrs`, replayed from the saved
 * attempts, never stored. Pure: the clock is a parameter.
 *
 * - Every answer to a question as it is now (same content hash) is one review, at its `answeredAt`, in
 *   time order across all attempts (full runs, resumed runs and reviews alike).
 * - The rating: right = Good; partly right, or right after the hint = Hard; wrong, or skipped after its
 *   answer was shown (`revealed`), or a self-assessed "did not know" = Again; a self-assessed "knew it"
 *   = Good.
 * - Short-term learning steps are off and so is fuzz, so due dates fall on whole days after the answer
 *   and the same history always gives the same dates.
 * - "Due today" is due by the end of the learner's local day (`endOfDay`); a question never answered
 *   is new: due now, and asked after those due.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating as FsrsRating, type Card, type Grade } from 'ts-fsrs';
import type { Question } from '../kinds/index.js';
import { chronological, isRight, type Attempt, type SavedAnswer } from './attempt.js';

const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

export type Rating = 'again' | 'hard' | 'good';

const GRADES: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good };

/** The FSRS rating of one answer. */
export function ratingOf(answer: Pick<SavedAnswer, 'status' | 'revealed' | 'hinted'>): Rating {
  if (answer.revealed || answer.status === 'incorrect') return 'again';
  if (answer.status === 'partial' || answer.hinted) return 'hard';
  return 'good';
}

/** The end of `now`'s day in the local time zone: what is due by then is due today. */
export function endOfDay(now: Date): Date {
  const end = new Date(now.getTime());
  end.setHours(23, 59, 59, 999);
  return end;
}

export interface QuestionRecord {
  id: string;
  /** Answers counted (current content only). */
  answered: number;
  right: number;
  /** Wrong, partly right, or revealed. */
  missed: number;
  /** When it was last answered (ISO), or null: never answered, a new question. */
  lastAnswered: string | null;
  lastMissed: string | null;
  lastRating: Rating | null;
  /** When it is due next (ISO 8601); a new question is due `now`. */
  due: string;
  /** FSRS's memory stability in days (0 for a new question). */
  stability: number;
}

/** Replays the history: one record per question, in the order of `questions`. */
export function schedule(questions: readonly Pick<Question, 'id' | 'hash'>[], history: readonly Attempt[], now: Date, quizId?: string): QuestionRecord[] {
  const hashes = new Map(questions.map((question) => [question.id, question.hash]));
  const answers: { id: string; answer: SavedAnswer; order: number }[] = [];
  chronological(history, quizId).forEach((attempt, index) => {
    for (const [id, answer] of Object.entries(attempt.answers)) if (hashes.get(id) === answer.hash) answers.push({ id, answer, order: index });
  });
  answers.sort((a, b) => Date.parse(a.answer.answeredAt) - Date.parse(b.answer.answeredAt) || a.order - b.order);
  const cards = new Map<string, Card>();
  const records = new Map<string, QuestionRecord>(
    questions.map((question) => [
      question.id,
      { id: question.id, answered: 0, right: 0, missed: 0, lastAnswered: null, lastMissed: null, lastRating: null, due: now.toISOString(), stability: 0 },
    ]),
  );
  for (const { id, answer } of answers) {
    const record = records.get(id);
    if (record === undefined) continue;
    const at = new Date(answer.answeredAt);
    const rating = ratingOf(answer);
    const card = scheduler.next(cards.get(id) ?? createEmptyCard(at), at, GRADES[rating]).card;
    cards.set(id, card);
    record.answered += 1;
    record.lastAnswered = answer.answeredAt;
    record.lastRating = rating;
    if (isRight(answer) && !answer.revealed) record.right += 1;
    else {
      record.missed += 1;
      record.lastMissed = answer.answeredAt;
    }
    record.due = card.due.toISOString();
    record.stability = Math.round(card.stability * 100) / 100;
  }
  return [...records.values()];
}

/** Whether an answered question is due by the end of `now`'s day. */
export function isDue(record: QuestionRecord, now: Date): boolean {
  return record.answered > 0 && Date.parse(record.due) <= endOfDay(now).getTime();
}


/**
 * What `--review` asks, in order: the answered questions due today, the longest overdue first (then file
 * order); then the questions never answered, in file order.
 */
export function dueForReview<Q extends Pick<Question, 'id' | 'hash' | 'number'>>(questions: readonly Q[], history: readonly Attempt[], now: Date, quizId?: string): { due: Q[]; fresh: Q[] } {
  const records = new Map(schedule(questions, history, now, quizId).map((record) => [record.id, record]));
  const due = questions
    .filter((question) => {
      const record = records.get(question.id);
      return record !== undefined && isDue(record, now);
    })
    .sort((a, b) => Date.parse(records.get(a.id)?.due ?? '') - Date.parse(records.get(b.id)?.due ?? '') || a.number - b.number);
  const fresh = questions.filter((question) => records.get(question.id)?.answered === 0);
  return { due, fresh };
}

/** When nothing is due: the earliest due date ahead and the questions due then (that day), or null. */
export function nextReview<Q extends Pick<Question, 'id' | 'hash'>>(questions: readonly Q[], history: readonly Attempt[], now: Date, quizId?: string): { due: Date; questions: Q[] } | null {
  const pending = schedule(questions, history, now, quizId).filter((record) => record.answered > 0 && !isDue(record, now));
  if (pending.length === 0) return null;
  const first = Math.min(...pending.map((record) => Date.parse(record.due)));
  const dayEnd = endOfDay(new Date(first)).getTime();
  const ids = new Set(pending.filter((record) => Date.parse(record.due) <= dayEnd).map((record) => record.id));
  return { due: new Date(first), questions: questions.filter((question) => ids.has(question.id)) };
}

export { daysUntil, formatDue, localDate } from './dates.js';
