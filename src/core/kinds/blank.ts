/**
 * Fill in the blanks: a text with one or more gaps, each with its accepted answers (compared as short
 * answers); the points are the fraction of gaps right (docs/DESIGN.md section 12).
 */
import * as z from 'zod/mini';
import { quote } from '../sanitize.js';
import { normalizeText, textKeys } from '../text.js';
import { describeValue, questionFields, type Kind } from './base.js';

export const BlankQuestion = z.object({
  ...questionFields,
  kind: z.literal('blank'),
  /** One entry per gap, in the order the gaps stand in the prompt: that gap's accepted answers. */
  blanks: z.array(z.array(z.string()).check(z.minLength(1))).check(z.minLength(1)),
});
export type BlankQuestion = z.infer<typeof BlankQuestion>;
export const BlankResponse = z.object({ kind: z.literal('blank'), texts: z.array(z.string()) });
export type BlankResponse = z.infer<typeof BlankResponse>;

/** How a gap is shown in a prompt. */
export const GAP = '_____';

function accepted(question: BlankQuestion): string {
  const count = question.blanks.length;
  return count === 1 ? 'a string (or an array of one string)' : `an array of ${count} strings, one per gap in order ("" for a gap left empty)`;
}

export function gapRight(accepted: readonly string[], typed: string): boolean {
  const given = normalizeText(typed);
  return given !== '' && accepted.some((one) => textKeys(one).includes(given));
}

export const blank: Kind<BlankQuestion, BlankResponse> = {
  name: 'blank',
  schema: BlankQuestion,
  response: BlankResponse,
  gradedFromAnswers: true,
  readAnswer: (question, value, fail) => {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.length > question.blanks.length) {
      return fail(`${values.length} answers for ${question.blanks.length} gap${question.blanks.length === 1 ? '' : 's'}`, accepted(question));
    }
    const texts = values.map((one) => {
      if (one === null) return '';
      if (typeof one === 'string') return one;
      if (typeof one === 'number' && Number.isFinite(one)) return String(one);
      return fail(`${describeValue(one, quote)} cannot fill a gap`, accepted(question));
    });
    return { kind: 'blank', texts };
  },
  points: (question, response) => question.blanks.filter((answers, index) => gapRight(answers, response.texts[index] ?? '')).length / question.blanks.length,
  given: (question, response) => question.blanks.map((_, index) => response.texts[index] ?? ''),
  expected: (question) => question.blanks.map((answers) => answers[0] ?? ''),
  fits: (question, response) => response.texts.length <= question.blanks.length,
  displayOrder: () => [],
};
