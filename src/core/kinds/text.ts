/** Short answer: a typed text, right when it reads as one of the accepted answers (docs/DESIGN.md section 3). */
import * as z from 'zod/mini';
import { quote } from '../sanitize.js';
import { normalizeText, textKeys } from '../text.js';
import { describeValue, questionFields, type Kind } from './base.js';

export const TextQuestion = z.object({ ...questionFields, kind: z.literal('text'), accepted: z.array(z.string()).check(z.minLength(1)) });
export type TextQuestion = z.infer<typeof TextQuestion>;
export const TextResponse = z.object({ kind: z.literal('text'), text: z.string() });
export type TextResponse = z.infer<typeof TextResponse>;

export const text: Kind<TextQuestion, TextResponse> = {
  name: 'text',
  schema: TextQuestion,
  response: TextResponse,
  gradedFromAnswers: true,
  readAnswer: (_question, value, fail) => {
    if (typeof value === 'string') return { kind: 'text', text: value };
    if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'text', text: String(value) };
    return fail(`${describeValue(value, quote)} is not a short answer`, 'a string');
  },
  points: (question, response) => {
    const given = normalizeText(response.text);
    return question.accepted.some((accepted) => textKeys(accepted).includes(given)) ? 1 : 0;
  },
  given: (_question, response) => response.text,
  expected: (question) => question.accepted[0] ?? '',
  fits: () => true,
  displayOrder: () => [],
};
