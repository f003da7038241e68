/** Multiple choice: several options are right; the learner picks all that apply (docs/DESIGN.md sections 3 and 6). */
import * as z from 'zod/mini';
import { Index, inRange, Option, optionFeedback, questionFields, type Kind } from './base.js';
import { acceptedChoices, findChoice, optionOrder } from './choice.js';

export const MultipleQuestion = z.object({ ...questionFields, kind: z.literal('multiple'), options: z.array(Option).check(z.minLength(1)) });
export type MultipleQuestion = z.infer<typeof MultipleQuestion>;
export const MultipleResponse = z.object({ kind: z.literal('multiple'), choices: z.array(Index) });
export type MultipleResponse = z.infer<typeof MultipleResponse>;

export const multiple: Kind<MultipleQuestion, MultipleResponse> = {
  name: 'multiple',
  schema: MultipleQuestion,
  response: MultipleResponse,
  gradedFromAnswers: true,
  readAnswer: (question, value, fail) => {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    const found = values.map((one) => findChoice(question, one));
    // Every pick that names no option, in one problem (issue 17).
    const reasons = found.filter((one): one is string => typeof one === 'string');
    if (reasons.length > 0) return fail(reasons.join('; '), acceptedChoices(question));
    return { kind: 'multiple', choices: [...new Set(found as number[])] };
  },
  /** max(0, (right picks - wrong picks) / right options). */
  points: (question, response) => {
    const correct = question.options.filter((option) => option.correct).length;
    let right = 0;
    let wrong = 0;
    for (const pick of new Set(response.choices)) {
      if (question.options[pick]?.correct) right += 1;
      else wrong += 1;
    }
    return Math.max(0, (right - wrong) / correct);
  },
  given: (question, response) => [...response.choices].sort((a, b) => a - b).map((index) => question.options[index]?.text ?? ''),
  expected: (question) => question.options.filter((option) => option.correct).map((option) => option.text),
  fits: (question, response) => response.choices.every((choice) => inRange(choice, question.options.length)),
  displayOrder: optionOrder,
  feedback: (question, response) => optionFeedback(question.options, response.choices),
};
