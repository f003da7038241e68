/**
 * `--format tap`: TAP version 14. A plan, then `ok`/`not ok` per question (ungraded questions are
 * `ok N - title # SKIP reason`), each failure with a YAML diagnostic block. The diagnostics are written
 * as JSON values, which are YAML 1.2 flow scalars, so no quiz text can break the block.
 */
import { safeJson } from '../core/sanitize.js';
import { clean, failedLine, isFailure, summaryLine, UNGRADED_REASON, type RunReportOptions } from './machine.js';
import type { FailedReport, QuestionResult, Report } from '../core/report.js';
import type { ColorLevel } from './style.js';

/** A test point's description: one line, `\` and `#` escaped as TAP 14 asks. */
export function tapDescription(text: string): string {
  return clean(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/#/g, '\\#');
}

function cleanDeep(value: QuestionResult['given'] | QuestionResult['explanation']): unknown {
  if (value === null) return null;
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map(clean);
  return Object.fromEntries(Object.entries(value).map(([left, right]) => [clean(left), clean(right)]));
}

function testPoint(result: QuestionResult, hideAnswers: boolean): string[] {
  const description = tapDescription(result.title);
  const head = `${isFailure(result) ? 'not ok' : 'ok'} ${result.number}${description ? ` - ${description}` : ''}`;
  if (result.status === 'ungraded') return [`${head} # SKIP ${UNGRADED_REASON}`];
  if (!isFailure(result)) return [head];
  const diagnostics: Record<string, unknown> = {
    id: clean(result.id),
    status: result.status,
    points: result.points,
    maxPoints: result.maxPoints,
    given: cleanDeep(result.given),
  };
  if (!hideAnswers) {
    diagnostics.expected = cleanDeep(result.expected);
    diagnostics.explanation = cleanDeep(result.explanation);
  }
  return [head, '  ---', ...Object.entries(diagnostics).map(([key, value]) => `  ${key}: ${safeJson(value, 0)}`), '  ...'];
}

export function renderTap(report: Report, _color: ColorLevel = 0, { hideAnswers = false }: RunReportOptions = {}): string {
  // TAP numbers test points 1..N in the order they are written; a shuffled session keeps its own order.
  const points = report.questions.map((result, index) => testPoint({ ...result, number: index + 1 }, hideAnswers));
  return `${['TAP version 14', `1..${report.questions.length}`, ...points.flat(), `# ${summaryLine(report).replace(/\s+/g, ' ')}`].join('\n')}\n`;
}

/**
 * An answers file that could not be graded (issue 17): every problem as a comment, then `Bail out!`
 * with the one-line message, which a TAP consumer reports as a failed run.
 */
export function renderTapFailure(failure: FailedReport): string {
  const comments = failure.error.problems.map((problem) => `# ${clean(problem).replace(/\s+/g, ' ')}`);
  return `${['TAP version 14', ...comments, `Bail out! ${failedLine(failure)}`].join('\n')}\n`;
}
