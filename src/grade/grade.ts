/**
 * Grading: a quiz and the learner's responses in, the report out. One function for every path
 * (answers file, interactive session, `grade` of a class), so they never disagree. Pure.
 */
import type { Question, Quiz } from '../quiz/model.js';
import { matchChoices } from '../quiz/questions.js';
import type { QuestionResult, Report } from '../report/report.js';
import type { Response } from './response.js';
import { pointsFor, statusFor } from './score.js';

export type GradeMode = 'answers' | 'interactive';

export interface GradeOptions {
  /** `answers`: self-assessed questions are ungraded; `interactive`: they score the learner's word. */
  mode: GradeMode;
  /** Overrides the quiz's pass mark (`--pass-mark`). */
  passMark?: number;
  /** Only these questions, in this order (a shuffled or limited session); default: all, in file order. */
  questions?: readonly Question[];
}

export function grade(quiz: Quiz, responses: ReadonlyMap<string, Response | null>, options: GradeOptions): Report {
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
    quiz: { id: quiz.id, title: quiz.title, source: quiz.source },
    score,
    maxScore,
    percent: exact === null ? null : Math.round(exact * 10) / 10,
    passMark,
    passed: exact === null ? null : exact >= passMark,
    questions: results,
  };
}

export function gradeQuestion(question: Question, response: Response | null, mode: GradeMode): QuestionResult {
  if (question.kind === 'self' && mode === 'answers') return resultOf(question, 'ungraded', 0, 0, null);
  if (response === null) return resultOf(question, 'unanswered', 0, 1, null);
  const points = pointsFor(question, response);
  return resultOf(question, statusFor(points, 1), points, 1, givenOf(question, response));
}

function resultOf(question: Question, status: QuestionResult['status'], points: number, maxPoints: number, given: QuestionResult['given']): QuestionResult {
  // Built in the report's field order (DESIGN.md section 7).
  return {
    number: question.number,
    id: question.id,
    title: question.title,
    kind: question.kind,
    status,
    points,
    maxPoints,
    given,
    expected: expectedOf(question),
    explanation: question.explanation,
  };
}

/** The right answer, as texts (section 7): text questions give their first accepted answer. */
export function expectedOf(question: Question): QuestionResult['expected'] {
  switch (question.kind) {
    case 'single':
      return question.options.find((option) => option.correct)?.text ?? '';
    case 'multiple':
      return question.options.filter((option) => option.correct).map((option) => option.text);
    case 'order':
      return [...question.items];
    case 'match':
      return Object.fromEntries(question.pairs.map((pair) => [pair.left, pair.right]));
    case 'text':
      return question.accepted[0] ?? '';
    case 'self':
      return question.image;
  }
}

/** The learner's response read back into texts, in the shape of `expected`. */
export function givenOf(question: Question, response: Response): QuestionResult['given'] {
  if (question.kind === 'single' && response.kind === 'single') return question.options[response.choice]?.text ?? null;
  if (question.kind === 'multiple' && response.kind === 'multiple') {
    return [...response.choices].sort((a, b) => a - b).map((index) => question.options[index]?.text ?? '');
  }
  if (question.kind === 'order' && response.kind === 'order') return response.order.map((index) => question.items[index] ?? '');
  if (question.kind === 'match' && response.kind === 'match') {
    const choices = matchChoices(question);
    const entries: [string, string][] = [];
    question.pairs.forEach((pair, index) => {
      const pick = response.picks[index];
      if (pick !== null && pick !== undefined) entries.push([pair.left, choices[pick] ?? '']);
    });
    return Object.fromEntries(entries);
  }
  if (question.kind === 'text' && response.kind === 'text') return response.text;
  if (question.kind === 'self' && response.kind === 'self') return response.knew ? 'knew it' : 'did not know it';
  return null;
}
