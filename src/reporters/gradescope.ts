/**
 * `--format gradescope`: the Gradescope autograder's results.json. `score` is the quiz score; one test
 * per question with its `score`, `max_score`, `status` (passed only for full points) and an `output`
 * that names what was given and expected. Ungraded (self-assessed) questions are listed worth 0 points
 * and carry no status, which Gradescope then infers.
 */
import { safeJson } from '../core/sanitize.js';
import { clean, failureDetails, summaryLine, UNGRADED_REASON } from './machine.js';
import type { QuestionResult, Report } from '../core/report.js';

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

function test(result: QuestionResult): GradescopeTest {
  const base = { name: clean(result.title), number: String(result.number), score: result.points, max_score: result.maxPoints };
  if (result.status === 'ungraded') return { ...base, output: UNGRADED_REASON };
  if (result.status === 'correct') return { ...base, status: 'passed', output: 'correct' };
  return { ...base, status: 'failed', output: failureDetails(result) };
}

export function gradescopeResults(report: Report): GradescopeResults {
  return { score: report.score, output: summaryLine(report), tests: report.questions.map(test) };
}

export function renderGradescope(report: Report): string {
  return `${safeJson(gradescopeResults(report))}\n`;
}
