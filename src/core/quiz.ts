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

/**
 * An image a quiz shows (in a prompt, an option, a hint, an explanation, or as the answer image), with
 * its place: the reader reports it, and the edge, which knows the quiz's folder, checks that it exists.
 */
export const ImageRef = z.object({
  /** As written in the Markdown. */
  url: z.string(),
  line: z.int().check(z.minimum(1)),
  column: z.int().check(z.minimum(1)),
  /** The question's number (1..N) and title. */
  question: z.int().check(z.minimum(1)),
  title: z.string(),
  /** Whether it is the answer image of a self-assessed question. */
  answer: z.boolean(),
});
export type ImageRef = z.infer<typeof ImageRef>;

/** What a dialect's reader returns: the quiz (null when an error makes it unusable), errors and warnings. */
export interface ReadResult {
  quiz: Quiz | null;
  /** The dialect the text was read as (src/dialects/), set by the loader for every dialect but the native `markdown`. */
  dialect?: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** The images the quiz refers to, in file order (dialects that know of none leave it out). */
  images?: ImageRef[];
}

/** Which quiz a report is of. */
export function quizInfo(quiz: Pick<Quiz, 'id' | 'title' | 'source'>): { id: string; title: string; source: string } {
  return { id: quiz.id, title: quiz.title, source: quiz.source };
}
