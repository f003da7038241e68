/** The report (DESIGN.md section 7): its zod schema is the one source of the JSON report's shape. */
import * as z from 'zod';

export const Given = z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]);

export const QuestionResult = z.object({
  number: z.number().int(),
  id: z.string(),
  title: z.string(),
  kind: z.enum(['single', 'multiple', 'order', 'match', 'text', 'self']),
  status: z.enum(['correct', 'partial', 'incorrect', 'unanswered', 'ungraded']),
  points: z.number(),
  maxPoints: z.number(),
  given: Given.nullable(),
  expected: Given,
  explanation: z.string().nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

/** Which quiz a report is of (also in the class report of `grade`). */
export const QuizInfo = z.object({ id: z.string(), title: z.string(), source: z.string() });

export const Report = z.object({
  quiz: QuizInfo,
  score: z.number(),
  maxScore: z.number(),
  percent: z.number().nullable(),
  passMark: z.number(),
  passed: z.boolean().nullable(),
  questions: z.array(QuestionResult),
});
export type Report = z.infer<typeof Report>;
