/**
 * Progress statistics for `mlops-quiz stats` and the "Last time" line (docs/DESIGN.md section 9). Pure: the
 * clock is a parameter.
 */
import { formatScore } from '../format.js';
import { endOfDay, isDue, schedule, type Rating } from './schedule.js';
import { chronological, scoreOf, type AskedQuestion, type Attempt, type AttemptScore } from './attempt.js';

/** How long ago, in words: `just now`, `5 minutes ago`, `yesterday`, `2 days ago`, `on 2026-01-31`. */
export function formatAgo(then: Date, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return plural(Math.floor(seconds / 60), 'minute');
  if (seconds < 86400) return plural(Math.floor(seconds / 3600), 'hour');
  const days = Math.floor(seconds / 86400);
  if (days === 1) return 'yesterday';
  if (days < 14) return plural(days, 'day');
  if (days < 60) return plural(Math.floor(days / 7), 'week');
  return `on ${then.toISOString().slice(0, 10)}`;
}

/**
 * The attempt a learner did last (most recently updated), or null. Reviews feed the schedule, not the
 * score history: only full attempts count here.
 */
export function lastAttempt(history: readonly Attempt[], quizId: string): Attempt | null {
  const attempts = chronological(history, quizId).filter((attempt) => attempt.mode === 'full');
  return attempts.reduce<Attempt | null>((last, attempt) => (last === null || Date.parse(attempt.updatedAt) >= Date.parse(last.updatedAt) ? attempt : last), null);
}

/** `Last time: 7/10 (70%), 2 days ago`, with what was unfinished or a review; null with no history. */
export function lastTimeLine(history: readonly Attempt[], quizId: string, now: Date): string | null {
  const last = lastAttempt(history, quizId);
  if (last === null) return null;
  const score = scoreOf(last);
  let line = `Last time: ${formatScore(score)}, ${formatAgo(new Date(last.updatedAt), now)}`;
  if (!score.finished) line += `, unfinished (${score.answered} of ${score.maxScore} answered; --resume continues it)`;
  return line;
}

const BARS = '▁▂▃▄▅▆▇█';

/** One bar per score, 0% the lowest, 100% the highest. */
export function sparkline(percents: readonly number[]): string {
  return percents.map((percent) => BARS[Math.max(0, Math.min(BARS.length - 1, Math.floor((percent / 100) * BARS.length)))] ?? '').join('');
}

export interface QuestionStats {
  number: number;
  id: string;
  title: string;
  answered: number;
  right: number;
  missed: number;
  /** When it is due next, ISO 8601 (FSRS); a question never answered is due now. */
  due: string;
  /** Answered before and due by the end of today (what `--review` asks first). */
  dueNow: boolean;
  /** The rating of its last answer, null when never answered. */
  lastRating: Rating | null;
  /** FSRS's memory stability in days (0 when never answered). */
  stability: number;
}

export interface QuizStats {
  quiz: { id: string; title: string };
  /** Full attempts (reviews are counted apart: they feed the schedule, not the score history). */
  attempts: number;
  finished: number;
  reviews: number;
  best: AttemptScore | null;
  last: (AttemptScore & { ago: string }) | null;
  /** Every attempt with an answer, oldest first. */
  scores: AttemptScore[];
  /** Of the finished attempts' percents, oldest first (the last 40). */
  sparkline: string;
  /** Missed at least once, the most missed first (at most 5). */
  mostMissed: QuestionStats[];
  /** Every question of the quiz (file order) and when it is due. */
  questions: QuestionStats[];
  /** Answered questions due by the end of today. */
  due: number;
  /** Questions never answered. */
  unanswered: number;
  /** The end of the day the stats were taken on: due by then is due now. */
  dueBy: string;
}

/**
 * Statistics of a quiz. `questions` is the quiz as it is now (or, without the quiz file, the questions of
 * its latest attempts, see `questionsFromHistory`).
 */
export function quizStats(quiz: { id: string; title: string }, questions: readonly AskedQuestion[], history: readonly Attempt[], now: Date): QuizStats {
  const attempts = chronological(history, quiz.id);
  const full = attempts.filter((attempt) => attempt.mode === 'full');
  const scores = full.map(scoreOf);
  const finished = scores.filter((score) => score.finished);
  const best = finished.reduce<AttemptScore | null>((top, score) => (top === null || score.percent > top.percent ? score : top), null);
  const lastOne = lastAttempt(attempts, quiz.id);
  const records = schedule(questions, attempts, now, quiz.id);
  const rows: QuestionStats[] = questions.map((question, index) => {
    const record = records[index];
    return {
      number: question.number,
      id: question.id,
      title: question.title,
      answered: record?.answered ?? 0,
      right: record?.right ?? 0,
      missed: record?.missed ?? 0,
      due: record?.due ?? now.toISOString(),
      dueNow: record !== undefined && isDue(record, now),
      lastRating: record?.lastRating ?? null,
      stability: record?.stability ?? 0,
    };
  });
  const last = lastOne === null ? null : { ...scoreOf(lastOne), ago: formatAgo(new Date(lastOne.updatedAt), now) };
  return {
    quiz,
    attempts: scores.length,
    finished: finished.length,
    reviews: attempts.length - full.length,
    best,
    last,
    scores,
    sparkline: sparkline(finished.slice(-40).map((score) => score.percent)),
    mostMissed: rows.filter((row) => row.missed > 0).sort((a, b) => b.missed - a.missed || a.number - b.number).slice(0, 5),
    questions: rows,
    due: rows.filter((row) => row.dueNow).length,
    unanswered: rows.filter((row) => row.answered === 0).length,
    dueBy: endOfDay(now).toISOString(),
  };
}

/** Without the quiz file: the latest known version of each question asked, by number. */
export function questionsFromHistory(history: readonly Attempt[], quizId: string): { quiz: { id: string; title: string }; questions: AskedQuestion[] } | null {
  const attempts = chronological(history, quizId);
  const latest = attempts.at(-1);
  if (latest === undefined) return null;
  const byId = new Map<string, AskedQuestion>();
  for (const attempt of attempts) for (const question of attempt.questions) byId.set(question.id, question);
  return { quiz: { id: quizId, title: latest.quiz.title }, questions: [...byId.values()].sort((a, b) => a.number - b.number) };
}

