/** The text report, for people (docs/DESIGN.md section 7): score N/M, percent, PASSED or FAILED, a line per question. */
import { formatGiven, formatNumber, formatPercent } from '../core/format.js';
import { sanitize } from '../core/sanitize.js';
import type { Style } from './style.js';
import type { QuestionResult, Report } from '../core/report.js';

const STATUS_STYLE: Record<QuestionResult['status'], (style: Style, text: string) => string> = {
  correct: (style, text) => style.green(text),
  partial: (style, text) => style.yellow(text),
  incorrect: (style, text) => style.red(text),
  unanswered: (style, text) => style.red(text),
  ungraded: (style, text) => style.dim(text),
};

/** The score line: `Score: 5.5/7 (78.6%) PASSED (pass mark 70%)`. */
export function scoreLine(report: Report, style: Style): string {
  const verdict = report.passed === null ? style.dim('nothing to grade') : report.passed ? style.green.bold('PASSED') : style.red.bold('FAILED');
  return `Score: ${formatNumber(report.score)}/${formatNumber(report.maxScore)} (${formatPercent(report.percent)}) ${verdict} (pass mark ${report.passMark}%)`;
}

/** `  3. Client-server      correct`: number, title padded to `titleWidth`, status (and points when partial). */
export function questionLine(result: QuestionResult, style: Style, numberWidth: number, titleWidth = 0): string {
  const number = String(result.number).padStart(numberWidth);
  const title = sanitize(result.title);
  const points = result.status === 'partial' ? ` ${formatNumber(result.points)}/${formatNumber(result.maxPoints)}` : '';
  return `${number}. ${title.padEnd(titleWidth)}  ${STATUS_STYLE[result.status](style, result.status)}${points}`;
}

export function renderText(report: Report, style: Style, hideAnswers = false): string {
  const width = String(report.questions.reduce((max, result) => Math.max(max, result.number), 0)).length;
  const titleWidth = Math.min(48, report.questions.reduce((max, result) => Math.max(max, sanitize(result.title).length), 0));
  const lines = [style.bold(`${sanitize(report.quiz.title)} (${sanitize(report.quiz.id)})`), scoreLine(report, style), ''];
  for (const result of report.questions) {
    lines.push(questionLine(result, style, width, titleWidth));
    if (result.status === 'incorrect' || result.status === 'partial') {
      const pad = ' '.repeat(width + 2);
      lines.push(style.dim(`${pad}given: ${sanitize(formatGiven(result.given))}`));
      if (!hideAnswers) lines.push(style.dim(`${pad}expected: ${sanitize(formatGiven(result.expected))}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
