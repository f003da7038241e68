/**
 * The question model: one zod schema per question kind, the single source of truth for the
 * TypeScript types (`z.infer`). Texts are kept as the author's Markdown source; the renderer turns
 * them into terminal text and the grader compares their normalised forms.
 */
import * as z from 'zod';

export const Position = z.object({ line: z.number().int().min(1), column: z.number().int().min(1) });
export type Position = z.infer<typeof Position>;

export const Option = z.object({
  /** Markdown source of the option, the `{Answer}` mark or task box removed. */
  text: z.string(),
  correct: z.boolean(),
});
export type Option = z.infer<typeof Option>;

const QuestionBase = z.object({
  /** 1-based, in file order, self-assessed questions included (DESIGN.md section 4). */
  number: z.number().int().min(1),
  id: z.string().min(1),
  /** Plain text of the heading, the `{#id}` removed. */
  title: z.string(),
  /** Markdown source between the heading and the first level-3 section. */
  prompt: z.string(),
  explanation: z.string().nullable(),
  hint: z.string().nullable(),
  position: Position,
  /** Content hash of the question's source, for saved progress. */
  hash: z.string(),
});

export const SingleQuestion = QuestionBase.extend({
  kind: z.literal('single'),
  options: z.array(Option).min(2),
});
export const MultipleQuestion = QuestionBase.extend({
  kind: z.literal('multiple'),
  options: z.array(Option).min(2),
});
export const OrderQuestion = QuestionBase.extend({
  kind: z.literal('order'),
  /** The items in their correct order. */
  items: z.array(z.string()).min(2),
});
export const MatchPair = z.object({ left: z.string(), right: z.string() });
export const MatchQuestion = QuestionBase.extend({
  kind: z.literal('match'),
  /** The header row's two labels, e.g. ["Test", "Environment"]. */
  labels: z.tuple([z.string(), z.string()]),
  /** One pair per left item, in the table's order. */
  pairs: z.array(MatchPair).min(1),
});
export const TextQuestion = QuestionBase.extend({
  kind: z.literal('text'),
  accepted: z.array(z.string()).min(1),
});
export const SelfQuestion = QuestionBase.extend({
  kind: z.literal('self'),
  /** The answer image's path as written in the quiz (resolve it against the quiz file's folder). */
  image: z.string(),
});

export const Question = z.discriminatedUnion('kind', [
  SingleQuestion,
  MultipleQuestion,
  OrderQuestion,
  MatchQuestion,
  TextQuestion,
  SelfQuestion,
]);
export type Question = z.infer<typeof Question>;
export type QuestionKind = Question['kind'];
export type SingleQuestion = z.infer<typeof SingleQuestion>;
export type MultipleQuestion = z.infer<typeof MultipleQuestion>;
export type OrderQuestion = z.infer<typeof OrderQuestion>;
export type MatchQuestion = z.infer<typeof MatchQuestion>;
export type TextQuestion = z.infer<typeof TextQuestion>;
export type SelfQuestion = z.infer<typeof SelfQuestion>;
export type ChoiceQuestion = SingleQuestion | MultipleQuestion;

export const Quiz = z.object({
  id: z.string().min(1),
  title: z.string(),
  /** Where it came from: the path as given, or the bundled quiz's name. */
  source: z.string(),
  passMark: z.number().min(0).max(100),
  shuffle: z.boolean(),
  questions: z.array(Question).min(1),
});
export type Quiz = z.infer<typeof Quiz>;

// Import these from questions.ts: importing a value from this module loads zod's classic API (docs/SPEED.md).
export { isGradable, matchChoices } from './questions.js';
