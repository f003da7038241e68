/**
 * `--format gradescope`: the Gradescope autograder's results.json. `score` is the quiz score; one test
 * per question with its `score`, `max_score`, `status` (passed only for full points) and an `output`
 * that names what was given and expected. Ungraded (self-assessed) questions are listed worth 0 points
 * and carry no status, which Gradescope then infers.
 */
import { safeJson } from '../core/sanitize.js';
import { clean, failureDetails, summaryLine, UNGRADED_REASON, type RunReportOptions } from './machine.js';
import type { FailedReport, QuestionResult, Report } from '../core/report.js';
import type { ColorLevel } from './style.js';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status?: 'passed' | 'failed';
  output: string;
}

export interface GradescopeResults {
  score: number;
  output: string;
  tests: GradescopeTest[];
}

function test(result: QuestionResult, hideAnswers: boolean): GradescopeTest {
  const base = { name: clean(result.title), number: String(result.number), score: result.points, max_score: result.maxPoints };
  if (result.status === 'ungraded') return { ...base, output: UNGRADED_REASON };
  if (result.status === 'correct') return { ...base, status: 'passed', output: 'correct' };
  return { ...base, status: 'failed', output: failureDetails(result, hideAnswers) };
}

export function gradescopeResults(report: Report, hideAnswers = false): GradescopeResults {
  return { score: report.score, output: summaryLine(report), tests: report.questions.map((result) => test(result, hideAnswers)) };
}

export function renderGradescope(report: Report, _color: ColorLevel = 0, { hideAnswers = false }: RunReportOptions = {}): string {
  return `${safeJson(gradescopeResults(report, hideAnswers))}\n`;
}

/**
 * An answers file that could not be graded (issue 17): a results.json Gradescope reads, scoring 0, with
 * every problem in `output`, so that the student sees what to fix instead of "autograder failed".
 */
export function renderGradescopeFailure(failure: FailedReport): string {
  const output = clean([`Your answers file could not be graded, so it scores 0. Fix ${failure.error.problems.length === 1 ? 'this problem' : 'these problems'} and submit again:`, ...failure.error.problems].join('\n'));
  return `${safeJson({ score: 0, output, tests: [] } satisfies GradescopeResults)}\n`;
}
