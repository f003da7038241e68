/**
 * What every question kind shares: the fields of every question, and the shape of a kind's module
 * (docs/ARCHITECTURE.md, "a new kind"). Pure.
 */
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import type { Random } from '../random.js';

// zod/mini carries no messages of its own: every schema of the core (each imports this module) speaks English.
z.config(en());

export const Position = z.object({ line: z.int().check(z.minimum(1)), column: z.int().check(z.minimum(1)) });
export type Position = z.infer<typeof Position>;

export const Option = z.object({
  /** Markdown source of the option, the `{Answer}` mark or task box removed. */
  text: z.string(),
  correct: z.boolean(),
  /** Shown after the learner answers when they chose this option (docs/DESIGN.md section 12); absent when none. */
  feedback: z.optional(z.string()),
});
export type Option = z.infer<typeof Option>;

/** The fields of every question; each kind adds its own and a `kind` literal. */
export const questionFields = {
  /** 1-based, in file order, self-assessed questions included (docs/DESIGN.md section 4). */
  number: z.int().check(z.minimum(1)),
  id: z.string().check(z.minLength(1)),
  /** Plain text of the heading, the `{#id}` removed. */
  title: z.string(),
  /** Markdown source between the heading and the first answer section. */
  prompt: z.string(),
  explanation: z.nullable(z.string()),
  hint: z.nullable(z.string()),
  position: Position,
  /** Content hash of what the learner sees and is graded on, for saved progress (core/hash.ts). */
  hash: z.string(),
};

/** A question's answer as texts, in reports (docs/DESIGN.md section 7). */
export const Given = z.union([z.string(), z.number(), z.array(z.string()), z.record(z.string(), z.string())]);
export type Given = z.infer<typeof Given>;

/** Ends the reading of an answers-file value: what is wrong with it, and what is accepted. */
export type Fail = (reason: string, accepted: string) => never;

/** Indices into a question's model, as responses hold them. */
export const Index = z.int().check(z.minimum(0));

/**
 * One question kind: everything the core does that depends on the kind. The terminal session's asker
 * (src/tui/askers/) and the Markdown section that writes it (src/dialects/markdown/) are the kind's
 * other two places.
 */
export interface Kind<Q extends { kind: string }, R extends { kind: Q['kind'] }> {
  readonly name: Q['kind'];
  /** The question's zod schema (its type is inferred from it). */
  readonly schema: z.ZodMiniType<Q>;
  /** A learner's response, as indices into the model: what sessions produce and attempts save. */
  readonly response: z.ZodMiniType<R>;
  /** false: self-assessed, `ungraded` when graded from an answers file. */
  readonly gradedFromAnswers: boolean;
  /** An answers-file value (not null) for this question; `fail` for a value that cannot be read. null: unanswered. */
  readAnswer(question: Q, value: unknown, fail: Fail): R | null;
  /** Points from 0 to 1 (docs/DESIGN.md section 6). */
  points(question: Q, response: R): number;
  /** The response read back into texts, in the shape of `expected`. */
  given(question: Q, response: R): Given;
  /** The right answer as texts. */
  expected(question: Q): Given;
  /** Whether a saved response still fits the question (a resumed attempt of an edited quiz). */
  fits(question: Q, response: R): boolean;
  /** The order its choices are shown in, as indices into the model ([] for a kind without choices). */
  displayOrder(question: Q, random: Random, shuffle: boolean): number[];
  /** The feedback of what the learner chose (per-option feedback, docs/DESIGN.md section 12); null for none. */
  feedback?(question: Q, response: R): string | null;
}

/** The feedback of the chosen options, in the options' order, a blank line between; null when none has any. */
export function optionFeedback(options: readonly Option[], chosen: readonly number[]): string | null {
  // Most options have no feedback: answered without building anything (grading a class asks 10,000 times).
  let any = false;
  for (const index of chosen) {
    const text = options[index]?.feedback;
    if (typeof text === 'string' && text.length > 0) {
      // One chosen option (single choice): its own feedback.
      if (chosen.length === 1) return text;
      any = true;
      break;
    }
  }
  if (!any) return null;
  const texts = [...new Set(chosen)]
    .sort((a, b) => a - b)
    .map((index) => options[index]?.feedback)
    .filter((text): text is string => typeof text === 'string' && text.length > 0);
  return texts.length > 0 ? texts.join('\n\n') : null;
}

/** A value in a message: strings quoted as JSON writes them. */
export function describeValue(value: unknown, quote: (text: string) => string): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/** Whether `index` is a whole number in 0..length-1. */
export function inRange(index: number, length: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < length;
}
