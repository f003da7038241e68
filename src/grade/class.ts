/**
 * A class graded against one quiz: each submission's report (from `grade()`, the one grading function)
 * or its input error in, the class report (rows, summary, item analysis) out. Pure.
 */
import type { Question, Quiz, SelfQuestion } from '../quiz/model.js';
import { isGradable } from '../quiz/questions.js';
import type { ClassReport, ItemAnalysis, SubmissionRow } from '../report/class-report.js';
import type { Report } from '../report/report.js';
import { histogram, itemStatistics, mean, median } from './statistics.js';

export type Submission = { file: string; report: Report } | { file: string; error: string };

const round = (value: number | null, digits: number): number | null => (value === null ? null : Number(value.toFixed(digits)));

export function submissionRow(submission: Submission): SubmissionRow {
  if ('error' in submission) {
    return { file: submission.file, score: null, maxScore: null, percent: null, passed: null, points: null, error: submission.error };
  }
  const { report } = submission;
  // fromEntries defines own keys, so that an id such as `__proto__` stays a plain key.
  const points = Object.fromEntries(report.questions.filter((result) => result.status !== 'ungraded').map((result) => [result.id, result.points]));
  return { file: submission.file, score: report.score, maxScore: report.maxScore, percent: report.percent, passed: report.passed, points, error: null };
}

/** Unrounded percent of a graded report, or null when it has nothing gradable. */
function exactPercent(report: Report): number | null {
  return report.maxScore > 0 ? (100 * report.score) / report.maxScore : null;
}

export function classReport(quiz: Quiz, passMark: number, submissions: readonly Submission[]): ClassReport {
  const graded = submissions.flatMap((submission) => ('report' in submission ? [submission.report] : []));
  const questions = quiz.questions.filter((question): question is Exclude<Question, SelfQuestion> => isGradable(question));
  // Reports from grade() list every question in quiz order; index them once by id.
  const positions = new Map(quiz.questions.map((question, index) => [question.id, index]));
  const points = graded.map((report) => questions.map((question) => report.questions[positions.get(question.id)!]?.points ?? 0));
  const answered = graded.map((report) => questions.map((question) => report.questions[positions.get(question.id)!]?.status !== 'unanswered'));
  const statistics = itemStatistics(points, answered, questions.length);
  const items: ItemAnalysis[] = questions.map((question, index) => ({
    number: question.number,
    id: question.id,
    title: question.title,
    kind: question.kind,
    answered: statistics[index]!.answered,
    meanPoints: round(statistics[index]!.meanPoints, 3),
    discrimination: round(statistics[index]!.discrimination, 3),
  }));
  const percents = graded.map(exactPercent).filter((percent): percent is number => percent !== null);
  const passed = graded.filter((report) => report.passed === true).length;
  return {
    quiz: { id: quiz.id, title: quiz.title, source: quiz.source },
    passMark,
    maxScore: questions.length,
    summary: {
      submissions: submissions.length,
      graded: graded.length,
      errors: submissions.length - graded.length,
      meanPercent: round(mean(percents), 1),
      medianPercent: round(median(percents), 1),
      passed,
      passRate: percents.length === 0 ? null : round((100 * passed) / percents.length, 1),
    },
    submissions: submissions.map(submissionRow),
    items,
  };
}

/** Counts of graded submissions per tenth of the percent range, from the rounded percents shown. */
export function percentHistogram(report: ClassReport): number[] {
  return histogram(report.submissions.flatMap((row) => (row.percent === null ? [] : [row.percent])));
}
