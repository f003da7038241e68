/** `mlops-quiz stats` as text, JSON or CSV (docs/DESIGN.md section 9): pure functions of the statistics. */
import { formatScore } from '../core/format.js';
import { interval, MAX_BOX } from '../core/progress/boxes.js';
import type { QuestionStats, QuizStats } from '../core/progress/stats.js';
import { safeJson, sanitize } from '../core/sanitize.js';
import { csvLine } from './csv.js';

function dueText(row: QuestionStats): string {
  if (row.answered === 0) return 'new';
  return row.dueIn === 0 ? 'due' : `due in ${row.dueIn} attempt${row.dueIn === 1 ? '' : 's'}`;
}

export function renderStatsText(stats: QuizStats, reviewCommand: string): string {
  const lines = [`${sanitize(stats.quiz.title)} (${sanitize(stats.quiz.id)})`];
  if (stats.attempts === 0) {
    lines.push('No saved attempts yet: take the quiz with `mlops-quiz run`, and your progress is kept.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Attempts: ${stats.attempts} (${stats.finished} finished)`);
  const last = stats.last === null ? 'n/a' : `${formatScore(stats.last)}, ${stats.last.ago}${stats.last.finished ? '' : ', unfinished'}`;
  lines.push(`Best: ${stats.best === null ? 'n/a' : formatScore(stats.best)}   Last: ${last}`);
  if (stats.sparkline) lines.push(`Scores: ${stats.sparkline}  (finished attempts, oldest first)`);
  const width = String(stats.questions.reduce((max, row) => Math.max(max, row.number), 0)).length;
  const titleWidth = Math.min(48, stats.questions.reduce((max, row) => Math.max(max, sanitize(row.title).length), 0));
  const label = (row: QuestionStats): string => `${String(row.number).padStart(width)}. ${sanitize(row.title).padEnd(titleWidth)}`;
  lines.push('', 'Most missed:');
  if (stats.mostMissed.length === 0) lines.push('  none: every answer so far was right');
  for (const row of stats.mostMissed) lines.push(`  ${label(row)}  missed ${row.missed} of ${row.answered}`);
  lines.push('', `Leitner boxes (box N comes back every 2^(N-1) attempts: box 1 every time, box ${MAX_BOX} every ${interval(MAX_BOX)}):`);
  for (const row of stats.questions) lines.push(`  ${label(row)}  box ${row.box}  ${dueText(row)}`);
  lines.push('', stats.due === 0 ? 'Nothing is due for review.' : `Due for review: ${stats.due} question${stats.due === 1 ? '' : 's'} (${reviewCommand})`);
  return `${lines.join('\n')}\n`;
}

export function renderStatsJson(stats: QuizStats): string {
  return `${safeJson(stats)}\n`;
}

/** One row per question (RFC 4180, as `grade --format csv`): number, id, title, box, answered, right, missed, dueIn (0 = due now). */
export function renderStatsCsv(stats: QuizStats): string {
  const header = csvLine(['number', 'id', 'title', 'box', 'answered', 'right', 'missed', 'dueIn']);
  return header + stats.questions.map((row) => csvLine([row.number, row.id, row.title, row.box, row.answered, row.right, row.missed, row.dueIn])).join('');
}
