/**
 * The class report of `mlops-quiz grade` (DESIGN.md section 8): its zod schema is the one source of the
 * JSON format's shape. One row per submission, a summary of the class, and item analysis per question.
 */
import * as z from 'zod';
import { QuizInfo } from './report.js';

export const SubmissionRow = z.object({
  /** The answers file, as given on the command line or as folder/name. */
  file: z.string(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  /** Rounded to one decimal, as in the report; null when nothing is gradable or on an error. */
  percent: z.number().nullable(),
  passed: z.boolean().nullable(),
  /** Points per graded question id, in quiz order; null when the file had an error. */
  points: z.record(z.string(), z.number()).nullable(),
  /** The input error (the same line `run --answers` prints), or null when graded. */
  error: z.string().nullable(),
});
export type SubmissionRow = z.infer<typeof SubmissionRow>;

export const ItemAnalysis = z.object({
  number: z.number().int(),
  id: z.string(),
  title: z.string(),
  kind: z.enum(['single', 'multiple', 'order', 'match', 'text']),
  /** Graded submissions that answered it. */
  answered: z.number().int(),
  /** Mean points over graded submissions (difficulty: 1 all right, 0 none); null with none graded. */
  meanPoints: z.number().nullable(),
  /** Point-biserial correlation of its points with the rest of the score; null where undefined. */
  discrimination: z.number().nullable(),
});
export type ItemAnalysis = z.infer<typeof ItemAnalysis>;

export const ClassSummary = z.object({
  submissions: z.number().int(),
  graded: z.number().int(),
  errors: z.number().int(),
  /** Over graded submissions, from unrounded percents, rounded to one decimal; null when none. */
  meanPercent: z.number().nullable(),
  medianPercent: z.number().nullable(),
  passed: z.number().int(),
  /** Percent of graded submissions that passed, one decimal; null when none or nothing gradable. */
  passRate: z.number().nullable(),
});
export type ClassSummary = z.infer<typeof ClassSummary>;

export const ClassReport = z.object({
  quiz: QuizInfo,
  passMark: z.number(),
  maxScore: z.number(),
  summary: ClassSummary,
  submissions: z.array(SubmissionRow),
  items: z.array(ItemAnalysis),
});
export type ClassReport = z.infer<typeof ClassReport>;
