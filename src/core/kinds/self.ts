/**
 * Self-assessed: the answer is only a picture (`![Answer](path)`); the learner says whether they knew
 * it. Worth a point interactively, `ungraded` from an answers file (docs/DESIGN.md section 3).
 */
import * as z from 'zod/mini';
import { quote } from '../sanitize.js';
import { describeValue, questionFields, type Kind } from './base.js';

export const SelfQuestion = z.object({
  ...questionFields,
  kind: z.literal('self'),
  /** The answer image's path as written in the quiz (resolve it against the quiz file's folder). */
  image: z.string(),
});
export type SelfQuestion = z.infer<typeof SelfQuestion>;
export const SelfResponse = z.object({ kind: z.literal('self'), knew: z.boolean() });
export type SelfResponse = z.infer<typeof SelfResponse>;

export const self: Kind<SelfQuestion, SelfResponse> = {
  name: 'self',
  schema: SelfQuestion,
  response: SelfResponse,
  gradedFromAnswers: false,
  readAnswer: (_question, value, fail) => {
    if (typeof value === 'boolean') return null;
    return fail(`${describeValue(value, quote)} cannot be read for a self-assessed question`, 'true, false, null, or leaving it out (it is not scored)');
  },
  points: (_question, response) => (response.knew ? 1 : 0),
  given: (_question, response) => (response.knew ? 'knew it' : 'did not know it'),
  expected: (question) => question.image,
  fits: () => true,
  displayOrder: () => [],
};
