/**
 * The quiz model: what every dialect reads a file into, and what sessions and graders take. Its zod
 * schema is the source of its type; the questions' schemas are their kinds' (kinds/).
 */
import * as z from 'zod/mini';
import type { Diagnostic } from './diagnostics.js';
import { Question } from './kinds/index.js';

export const Quiz = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  /** Where it came from: the path as given, or the bundled quiz's name. */
  source: z.string(),
  passMark: z.number().check(z.minimum(0), z.maximum(100)),
  shuffle: z.boolean(),
  questions: z.array(Question).check(z.minLength(1)),
});
export type Quiz = z.infer<typeof Quiz>;

/** What a dialect's reader returns: the quiz (null when an error makes it unusable), errors and warnings. */
export interface ReadResult {
  quiz: Quiz | null;
  /** The dialect the text was read as (src/dialects/), set by the loader for every dialect but the native `markdown`. */
  dialect?: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** Which quiz a report is of. */
export function quizInfo(quiz: Pick<Quiz, 'id' | 'title' | 'source'>): { id: string; title: string; source: string } {
  return { id: quiz.id, title: quiz.title, source: quiz.source };
}
