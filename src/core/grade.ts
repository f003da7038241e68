/**
 * Grading (docs/DESIGN.md section 6): a quiz and the learner's responses in, the report out. One
 * function for every path (answers file, interactive session, `grade` of a class), so they never
 * disagree. Each kind scores its own responses (kinds/). Pure.
 */
import { kindOf, sameKind, type Question, type Response } from './kinds/index.js';
import { quizInfo, type Quiz } from './quiz.js';
import type { QuestionResult, Report, Status } from './report.js';

export type GradeMode = 'answers' | 'interactive';

export interface GradeOptions {
  /** `answers`: self-assessed questions are ungraded; `interactive`: they score the learner's word. */
  mode: GradeMode;
  /** Overrides the quiz's pass mark (`--pass-mark`). */
  passMark?: number;
  /** Only these questions, in this order (a shuffled or limited session); default: all, in file order. */
  questions?: readonly Question[];
}

/** Responses by question id; a question left out (or null) is unanswered. */
export type Responses = ReadonlyMap<string, Response | null>;

const EPSILON = 1e-9;

export function statusFor(points: number, maxPoints: number): Exclude<Status, 'unanswered' | 'ungraded'> {
  if (points >= maxPoints - EPSILON) return 'correct';
  return points > EPSILON ? 'partial' : 'incorrect';
}

/** Points (0..1) for a response; 0 for a response of another kind. */
export function pointsFor(question: Question, response: Response): number {
  return sameKind(question, response) ? kindOf(question).points(question, response) : 0;
}

export function grade(quiz: Quiz, responses: Responses, options: GradeOptions): Report {
  const questions = options.questions ?? quiz.questions;
  const results: QuestionResult[] = [];
  let score = 0;
  let maxScore = 0;
  for (const question of questions) {
    const result = gradeQuestion(question, responses.get(question.id) ?? null, options.mode);
    results.push(result);
    score += result.points;
    maxScore += result.maxPoints;
  }
  const passMark = options.passMark ?? quiz.passMark;
  const exact = maxScore > 0 ? (100 * score) / maxScore : null;
  return {
    quiz: quizInfo(quiz),
    score,
    maxScore,
    percent: exact === null ? null : Math.round(exact * 10) / 10,
    passMark,
    passed: exact === null ? null : exact >= passMark,
    questions: results,
  };
}

export function gradeQuestion(question: Question, response: Response | null, mode: GradeMode): QuestionResult {
  const kind = kindOf(question);
  if (!kind.gradedFromAnswers && mode === 'answers') return resultOf(question, 'ungraded', 0, 0, null, null);
  if (response === null) return resultOf(question, 'unanswered', 0, 1, null, null);
  const points = pointsFor(question, response);
  const own = sameKind(question, response);
  return resultOf(question, statusFor(points, 1), points, 1, own ? kind.given(question, response) : null, own ? (kind.feedback?.(question, response) ?? null) : null);
}

function resultOf(question: Question, status: Status, points: number, maxPoints: number, given: QuestionResult['given'], feedback: string | null): QuestionResult {
  // Built in the report's field order (docs/DESIGN.md section 7).
  return {
    number: question.number,
    id: question.id,
    title: question.title,
    kind: question.kind,
    status,
    points,
    maxPoints,
    given,
    expected: kindOf(question).expected(question),
    explanation: question.explanation,
    feedback,
  };
}
