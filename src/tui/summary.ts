/**
 * The learner's summary at the end of a session (docs/DESIGN.md section 1): the score and the verdict
 * (or "unfinished", with no verdict, when the session was stopped), the time per question and in all, a
 * line per question, and "Review what you missed": each missed question with the right answer and its
 * explanation. Every line is wrapped to the width without breaking a word. Pure.
 */
import { formatGiven, formatNumber, formatPercent } from '../core/format.js';
import type { QuestionResult, Report } from '../core/report.js';
import { sanitize } from '../core/sanitize.js';
import type { Style } from '../reporters/style.js';
import { renderHanging } from './render-markdown.js';
import { textWidth, wrapHanging, wrapText } from './wrap.js';

export interface SummaryOptions {
  style: Style;
  /** Columns to draw in. */
  width: number;
  /** The session was stopped: the attempt is unfinished, and is not judged. */
  unfinished: boolean;
  /** How many questions the session had (for "3 of 10 answered"). */
  total: number;
  /** Seconds per question id (questions asked in this session). */
  seconds: ReadonlyMap<string, number>;
}

/** `4s`, `1m 05s`, `1h 02m`. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

const STATUS_TEXT: Record<QuestionResult['status'], string> = {
  correct: '✔ correct',
  partial: '◐ partly right',
  incorrect: '✘ wrong',
  unanswered: '↷ skipped',
  ungraded: 'ungraded',
};

export function renderSummary(report: Report, options: SummaryOptions): string[] {
  const { style, width } = options;
  const lines: string[] = [...wrapText(`${sanitize(report.quiz.title)} (${sanitize(report.quiz.id)})`, width, (text) => style.bold(text))];
  const score = `${formatNumber(report.score)}/${formatNumber(report.maxScore)} (${formatPercent(report.percent)})`;
  if (options.unfinished) {
    const answered = report.questions.length;
    lines.push(...wrapText(`Unfinished: ${answered} of ${options.total} question${options.total === 1 ? '' : 's'} answered, ${score} so far. An unfinished attempt is not judged.`, width));
  } else {
    const verdict = report.passed === null ? style.dim('nothing to grade') : report.passed ? style.green.bold('PASSED') : style.red.bold('FAILED');
    lines.push(...wrapText(`Score: ${score} ${verdict} (pass mark ${report.passMark}%)`, width));
  }
  const times = report.questions.flatMap((result) => {
    const seconds = options.seconds.get(result.id);
    return seconds === undefined ? [] : [seconds];
  });
  if (times.length > 0) lines.push(...wrapText(`Time: ${formatDuration(times.reduce((sum, seconds) => sum + seconds, 0))} in all`, width, (text) => style.dim(text)));
  lines.push('');
  const numberWidth = String(report.questions.reduce((max, result) => Math.max(max, result.number), 0)).length;
  for (const result of report.questions) {
    const label = `${String(result.number).padStart(numberWidth)}. `;
    const seconds = options.seconds.get(result.id);
    const points = result.status === 'partial' ? ` ${formatNumber(result.points)}/${formatNumber(result.maxPoints)}` : '';
    const status = paintStatus(result.status, `${STATUS_TEXT[result.status]}${points}`, style);
    const tail = `  ${status}${seconds === undefined ? '' : style.dim(`  ${formatDuration(seconds)}`)}`;
    const title = sanitize(result.title);
    // Title and status on one line when they fit; else the status on a line of its own, under the title.
    const tailWidth = textWidth(`  ${STATUS_TEXT[result.status]}${points}${seconds === undefined ? '' : `  ${formatDuration(seconds)}`}`);
    if (textWidth(label) + textWidth(title) + tailWidth <= width) lines.push(`${label}${title}${tail}`);
    else lines.push(...wrapHanging(label, title, width), `${' '.repeat(textWidth(label))}${tail.trimStart()}`);
  }
  const missed = report.questions.filter((result) => result.status === 'incorrect' || result.status === 'partial' || result.status === 'unanswered');
  if (missed.length > 0) {
    lines.push('', style.bold('Review what you missed'));
    for (const result of missed) {
      const label = `${String(result.number).padStart(numberWidth)}. `;
      const indent = ' '.repeat(textWidth(label));
      lines.push('', ...wrapHanging(label, sanitize(result.title), width, (text) => style.bold(text)));
      if (result.given !== null) lines.push(...wrapHanging(`${indent}Your answer: `, sanitize(formatGiven(result.given)), width, (text) => style.dim(text)));
      lines.push(...wrapHanging(`${indent}Right answer: `, sanitize(formatGiven(result.expected)), width, (text) => style.green(text)));
      if (result.explanation) lines.push(...renderHanging(result.explanation, indent, { style, width }));
    }
  }
  return lines;
}

function paintStatus(status: QuestionResult['status'], text: string, style: Style): string {
  switch (status) {
    case 'correct':
      return style.green(text);
    case 'partial':
      return style.yellow(text);
    case 'ungraded':
      return style.dim(text);
    default:
      return style.red(text);
  }
}
