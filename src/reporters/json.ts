import { safeJson } from '../core/sanitize.js';
import type { FailedReport, Report } from '../core/report.js';
import type { ColorLevel } from './style.js';
import type { RunReportOptions } from './machine.js';

/**
 * `--format json`: exactly the report of docs/DESIGN.md section 7; with `--hide-answers`, each question
 * without `expected` and `explanation`.
 */
export function renderJson(report: Report, _color: ColorLevel = 0, { hideAnswers = false }: RunReportOptions = {}): string {
  if (!hideAnswers) return `${safeJson(report)}\n`;
  const questions = report.questions.map(({ expected: _expected, explanation: _explanation, ...rest }) => rest);
  return `${safeJson({ ...report, questions })}\n`;
}

/** An answers file that could not be graded: the quiz, and `error` with every problem; no questions (issue 17). */
export function renderJsonFailure(failure: FailedReport): string {
  return `${safeJson(failure)}\n`;
}
