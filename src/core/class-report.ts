/**
 * The class report of `mlops-quiz grade` (docs/DESIGN.md section 8): its zod schema is the one source of the
 * JSON format's shape. One row per submission, a summary of the class, and item analysis per question.
 */
import * as z from 'zod/mini';
import { KIND_NAMES } from './kinds/index.js';
import { QuizInfo } from './report.js';

export const SubmissionRow = z.object({
  /** The answers file, as given on the command line or as folder/name. */
  file: z.string(),
  score: z.nullable(z.number()),
  maxScore: z.nullable(z.number()),
  /** Rounded to one decimal, as in the report; null when nothing is gradable or on an error. */
  percent: z.nullable(z.number()),
  passed: z.nullable(z.boolean()),
  /** Points per graded question id, in quiz order; null when the file had an error. */
  points: z.nullable(z.record(z.string(), z.number())),
  /** The input error (the same line `run --answers` prints), or null when graded. */
  error: z.nullable(z.string()),
});
export type SubmissionRow = z.infer<typeof SubmissionRow>;

export const ItemAnalysis = z.object({
  number: z.int(),
  id: z.string(),
  title: z.string(),
  kind: z.enum(KIND_NAMES),
  /** Graded submissions that answered it. */
  answered: z.int(),
  /** Mean points over graded submissions (difficulty: 1 all right, 0 none); null with none graded. */
  meanPoints: z.nullable(z.number()),
  /** Point-biserial correlation of its points with the rest of the score; null where undefined. */
  discrimination: z.nullable(z.number()),
});
export type ItemAnalysis = z.infer<typeof ItemAnalysis>;

export const ClassSummary = z.object({
  submissions: z.int(),
  graded: z.int(),
  errors: z.int(),
  /** Over graded submissions, from unrounded percents, rounded to one decimal; null when none. */
  meanPercent: z.nullable(z.number()),
  medianPercent: z.nullable(z.number()),
  passed: z.int(),
  /** Percent of graded submissions that passed, one decimal; null when none or nothing gradable. */
  passRate: z.nullable(z.number()),
  /**
   * Whether enough submissions were graded for item statistics to mean something (10 or more); with
   * fewer, `items` still holds them, and the text report says so instead of printing them (issue 17).
   */
  enoughForItems: z.boolean(),
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
