/** `mlops-quiz stats` as text, JSON or CSV (docs/DESIGN.md section 9): pure functions of the statistics. */
import { formatScore } from '../core/format.js';
import { formatDue } from '../core/progress/dates.js';
import type { QuestionStats, QuizStats } from '../core/progress/stats.js';
import { safeJson, sanitize } from '../core/sanitize.js';
import { csvLine } from './csv.js';

function dueText(row: QuestionStats, now: Date): string {
  if (row.answered === 0) return 'new: never answered';
  return row.dueNow ? `due ${formatDue(new Date(row.due), now)}` : `next ${formatDue(new Date(row.due), now)}`;
}

/** `now`: when the stats were taken (the due dates are told relative to it). */
export function renderStatsText(stats: QuizStats, reviewCommand: string, now: Date = new Date(Date.parse(stats.dueBy))): string {
  const lines = [`${sanitize(stats.quiz.title)} (${sanitize(stats.quiz.id)})`];
  if (stats.attempts === 0) {
    lines.push('No saved attempts yet: take the quiz with `mlops-quiz run`, and your progress is kept.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Attempts: ${stats.attempts} (${stats.finished} finished)${stats.reviews ? `, and ${stats.reviews} review${stats.reviews === 1 ? '' : 's'}` : ''}`);
  const last = stats.last === null ? 'n/a' : `${formatScore(stats.last)}, ${stats.last.ago}${stats.last.finished ? '' : ', unfinished'}`;
  lines.push(`Best: ${stats.best === null ? 'n/a' : formatScore(stats.best)}   Last: ${last}`);
  if (stats.sparkline) lines.push(`Scores: ${stats.sparkline}  (finished attempts, oldest first)`);
  const width = String(stats.questions.reduce((max, row) => Math.max(max, row.number), 0)).length;
  const titleWidth = Math.min(48, stats.questions.reduce((max, row) => Math.max(max, sanitize(row.title).length), 0));
  const label = (row: QuestionStats): string => `${String(row.number).padStart(width)}. ${sanitize(row.title).padEnd(titleWidth)}`;
  lines.push('', 'Most missed:');
  if (stats.mostMissed.length === 0) lines.push('  none: every answer so far was right');
  for (const row of stats.mostMissed) lines.push(`  ${label(row)}  missed ${row.missed} of ${row.answered}`);
  lines.push('', 'Next review (spaced by days, FSRS):');
  for (const row of stats.questions) lines.push(`  ${label(row)}  ${dueText(row, now)}`);
  const fresh = stats.unanswered ? `, and ${stats.unanswered} never answered` : '';
  lines.push(
    '',
    stats.due === 0 && stats.unanswered === 0
      ? 'Nothing is due for review today.'
      : `Due for review now: ${stats.due} question${stats.due === 1 ? '' : 's'}${fresh} (${reviewCommand})`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderStatsJson(stats: QuizStats): string {
  return `${safeJson(stats)}\n`;
}

/** One row per question (RFC 4180, as `grade --format csv`): quiz, number, id, title, answered, right, missed, due (ISO 8601), dueNow. */
export function renderStatsCsv(stats: QuizStats): string {
  return renderStatsCsvRows([stats]);
}

/** The CSV of several quizzes: one header, then every quiz's rows. */
export function renderStatsCsvRows(all: readonly QuizStats[]): string {
  const header = csvLine(['quiz', 'number', 'id', 'title', 'answered', 'right', 'missed', 'due', 'dueNow']);
  return header + all.flatMap((stats) => stats.questions.map((row) => csvLine([stats.quiz.id, row.number, row.id, row.title, row.answered, row.right, row.missed, row.due, row.dueNow]))).join('');
}
