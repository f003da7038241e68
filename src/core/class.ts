/**
 * A class graded against one quiz: each submission's report (from `grade()`, the one grading function)
 * or its input error in, the class report (rows, summary, item analysis) out. Pure.
 */
import type { ClassReport, ItemAnalysis, SubmissionRow } from './class-report.js';
import { isGradable, type Question } from './kinds/index.js';
import { quizInfo, type Quiz } from './quiz.js';
import type { Report } from './report.js';
import { itemStatisticsOfColumns, mean, median, MIN_GRADED_FOR_ITEMS } from './statistics.js';

export type Submission = { file: string; report: Report } | { file: string; error: string };

const round = (value: number | null, digits: number): number | null => (value === null ? null : Number(value.toFixed(digits)));

export function submissionRow(submission: Submission): SubmissionRow {
  if ('error' in submission) {
    return { file: submission.file, score: null, maxScore: null, percent: null, passed: null, points: null, error: submission.error };
  }
  const { report } = submission;
  const points: Record<string, number> = {};
  for (const result of report.questions) {
    if (result.status === 'ungraded') continue;
    // An own key even for `__proto__` (an assignment would set the prototype instead).
    if (result.id === '__proto__') Object.defineProperty(points, result.id, { value: result.points, enumerable: true, writable: true, configurable: true });
    else points[result.id] = result.points;
  }
  return { file: submission.file, score: report.score, maxScore: report.maxScore, percent: report.percent, passed: report.passed, points, error: null };
}

/** Unrounded percent of a graded report, or null when it has nothing gradable. */
function exactPercent(report: Report): number | null {
  return report.maxScore > 0 ? (100 * report.score) / report.maxScore : null;
}

/**
 * A class report built one submission at a time: each report is reduced to its row and its points
 * when it comes in, so that a class of 10,000 never holds 10,000 full reports (docs/SPEED.md).
 */
export class ClassTally {
  private readonly questions: Question[];
  /** Each gradable question's place in a report from grade() (which lists every question in quiz order). */
  private readonly positions: number[];
  private readonly rows: SubmissionRow[] = [];
  /** Per gradable question, its points in each graded submission, and how many answered it. */
  private readonly columns: number[][];
  private readonly answered: number[];
  private readonly percents: number[] = [];
  private graded = 0;
  private passed = 0;

  constructor(
    private readonly quiz: Quiz,
    private readonly passMark: number,
  ) {
    this.questions = quiz.questions.filter(isGradable);
    const positions = new Map(quiz.questions.map((question, index) => [question.id, index]));
    this.positions = this.questions.map((question) => positions.get(question.id)!);
    this.columns = this.questions.map(() => []);
    this.answered = this.questions.map(() => 0);
  }

  add(submission: Submission): void {
    this.rows.push(submissionRow(submission));
    if (!('report' in submission)) return;
    const { report } = submission;
    this.graded += 1;
    const { positions, columns, answered } = this;
    for (let index = 0; index < positions.length; index += 1) {
      const result = report.questions[positions[index]!];
      columns[index]!.push(result?.points ?? 0);
      if (result?.status !== 'unanswered') answered[index]! += 1;
    }
    const percent = exactPercent(report);
    if (percent !== null) this.percents.push(percent);
    if (report.passed === true) this.passed += 1;
  }

  report(): ClassReport {
    const { quiz, questions, percents, passed, graded } = this;
    const statistics = itemStatisticsOfColumns(this.columns, this.answered);
    const items: ItemAnalysis[] = questions.map((question, index) => ({
      number: question.number,
      id: question.id,
      title: question.title,
      kind: question.kind,
      answered: statistics[index]!.answered,
      meanPoints: round(statistics[index]!.meanPoints, 3),
      discrimination: round(statistics[index]!.discrimination, 3),
    }));
    return {
      quiz: quizInfo(quiz),
      passMark: this.passMark,
      maxScore: questions.length,
      summary: {
        submissions: this.rows.length,
        graded,
        errors: this.rows.length - graded,
        meanPercent: round(mean(percents), 1),
        medianPercent: round(median(percents), 1),
        passed,
        passRate: percents.length === 0 ? null : round((100 * passed) / percents.length, 1),
        enoughForItems: graded >= MIN_GRADED_FOR_ITEMS,
      },
      submissions: [...this.rows],
      items,
    };
  }
}
