/** The report (docs/DESIGN.md section 7): its zod schema is the one source of the JSON report's shape. */
import * as z from 'zod/mini';
import { Given } from './kinds/base.js';
import { KIND_NAMES } from './kinds/index.js';

export const STATUSES = ['correct', 'partial', 'incorrect', 'unanswered', 'ungraded'] as const;
export type Status = (typeof STATUSES)[number];

export const QuestionResult = z.object({
  number: z.int(),
  id: z.string(),
  title: z.string(),
  kind: z.enum(KIND_NAMES),
  status: z.enum(STATUSES),
  points: z.number(),
  maxPoints: z.number(),
  given: z.nullable(Given),
  expected: Given,
  explanation: z.nullable(z.string()),
  /** The feedback of the options the learner chose, or null (docs/DESIGN.md section 12). */
  feedback: z.nullable(z.string()),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

/** Which quiz a report is of (also in the class report of `grade`). */
export const QuizInfo = z.object({ id: z.string(), title: z.string(), source: z.string() });

export const Report = z.object({
  quiz: QuizInfo,
  score: z.number(),
  maxScore: z.number(),
  percent: z.nullable(z.number()),
  passMark: z.number(),
  passed: z.nullable(z.boolean()),
  questions: z.array(QuestionResult),
});
export type Report = z.infer<typeof Report>;

/**
 * What `run --answers` writes in a machine format when the answers file cannot be graded (issue 17):
 * the quiz, and the error with every problem, a line each naming the file; no score, no questions.
 */
export const ReportError = z.object({
  /** The error's code: `answers-invalid`, `file-not-found`, `not-utf8`, … (src/core/errors.ts). */
  code: z.string(),
  /** The answers file, as given. */
  file: z.string(),
  /** The one-line message that stderr shows. */
  message: z.string(),
  problems: z.array(z.string()),
});
export type ReportError = z.infer<typeof ReportError>;

export const FailedReport = z.object({ quiz: QuizInfo, passMark: z.number(), error: ReportError });
export type FailedReport = z.infer<typeof FailedReport>;
