/** Single choice: one option is right (docs/DESIGN.md section 3). */
import * as z from 'zod/mini';
import { Index, inRange, Option, optionFeedback, questionFields, type Kind } from './base.js';
import { optionOrder, readChoice } from './choice.js';

export const SingleQuestion = z.object({ ...questionFields, kind: z.literal('single'), options: z.array(Option).check(z.minLength(1)) });
export type SingleQuestion = z.infer<typeof SingleQuestion>;
export const SingleResponse = z.object({ kind: z.literal('single'), choice: Index });
export type SingleResponse = z.infer<typeof SingleResponse>;

export const single: Kind<SingleQuestion, SingleResponse> = {
  name: 'single',
  schema: SingleQuestion,
  response: SingleResponse,
  gradedFromAnswers: true,
  readAnswer: (question, value, fail) => ({ kind: 'single', choice: readChoice(question, value, fail) }),
  points: (question, response) => (question.options[response.choice]?.correct === true ? 1 : 0),
  given: (question, response) => question.options[response.choice]?.text ?? '',
  expected: (question) => question.options.find((option) => option.correct)?.text ?? '',
  fits: (question, response) => inRange(response.choice, question.options.length),
  displayOrder: optionOrder,
  feedback: (question, response) => optionFeedback(question.options, [response.choice]),
};
