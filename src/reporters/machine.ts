/** What the machine formats (JUnit, TAP, Gradescope) share: clean texts and one-line answers. */
import { stripForMachines } from '../core/sanitize.js';
import type { FailedReport, QuestionResult, Report } from '../core/report.js';
import { formatGiven, formatNumber, formatPercent } from '../core/format.js';

/** Why an ungraded question is skipped. */
export const UNGRADED_REASON = 'self-assessed: not graded from an answers file';

/** Quiz text for a machine: controls and bidirectional controls removed (docs/DESIGN.md section 8). */
export const clean = stripForMachines;

/** What every run report format takes besides the report. */
export interface RunReportOptions {
  /** `--hide-answers`: leave `expected`, explanations and feedback out (a report the learner sees). */
  hideAnswers?: boolean;
}

/** A failing question's one-line message: `partial, 0.5/1 points; given: A | B; expected: A | C` (no expected when hidden). */
export function failureMessage(result: QuestionResult, hideAnswers = false): string {
  const points = `${formatNumber(result.points)}/${formatNumber(result.maxPoints)} points`;
  const expected = hideAnswers ? '' : `; expected: ${formatGiven(result.expected)}`;
  return clean(`${result.status}, ${points}; given: ${formatGiven(result.given)}${expected}`);
}

/** given, expected, points and explanation, a line each, for a failure's body or a test's output. */
export function failureDetails(result: QuestionResult, hideAnswers = false): string {
  const lines = [`status: ${result.status}`, `points: ${formatNumber(result.points)}/${formatNumber(result.maxPoints)}`, `given: ${formatGiven(result.given)}`];
  if (!hideAnswers) {
    lines.push(`expected: ${formatGiven(result.expected)}`);
    if (result.explanation !== null) lines.push(`explanation: ${result.explanation}`);
  }
  return clean(lines.join('\n'));
}

/** The first line of a failed report's message, for one-line places (a TAP bail out, an attribute). */
export function failedLine(failure: FailedReport): string {
  return clean(failure.error.message).replace(/\s+/g, ' ');
}

/** `all-kinds: 4.5/6 (75%) PASSED, pass mark 60%`. */
export function summaryLine(report: Report): string {
  const verdict = report.passed === null ? 'nothing to grade' : report.passed ? 'PASSED' : 'FAILED';
  return clean(`${report.quiz.id}: ${formatNumber(report.score)}/${formatNumber(report.maxScore)} (${formatPercent(report.percent)}) ${verdict}, pass mark ${report.passMark}%`);
}

export function isFailure(result: QuestionResult): boolean {
  return result.status === 'incorrect' || result.status === 'partial' || result.status === 'unanswered';
}
