/** One asker per question kind (core/kinds/index.ts lists the kinds; this map must cover each). */
import type { Question, QuestionKind } from '../../core/kinds/index.js';
import type { Asker } from './asker.js';
import { blank } from './blank.js';
import { match } from './match.js';
import { multiple } from './multiple.js';
import { numeric } from './numeric.js';
import { order } from './order.js';
import { self } from './self.js';
import { single } from './single.js';
import { text } from './text.js';

export const ASKERS: { [K in QuestionKind]: Asker<Extract<Question, { kind: K }>> } = { single, multiple, order, match, text, self, numeric, blank };

/** The asker of a question's kind. */
export function askerOf(question: Question): Asker<Question> {
  return ASKERS[question.kind] as Asker<Question>;
}

export type { Action, AskContext, Asker, Step } from './asker.js';
