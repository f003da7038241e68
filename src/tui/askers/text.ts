/**
 * Short answer: typed, Enter; Tab shows the hint, Esc skips, Ctrl+C quits (keys that cannot be typed).
 * Enter with nothing typed warns once, then skips.
 */
import type { TextQuestion } from '../../core/kinds/index.js';
import { sanitize } from '../../core/sanitize.js';
import typePrompt from '../type-prompt.js';
import { wrapText } from '../wrap.js';
import type { Asker } from './asker.js';

export const text: Asker<TextQuestion> = {
  start: () => async (context) => {
    // Typing takes every letter: the session's keys here are Tab, Esc and Ctrl+C, named in the footer.
    const step = await context.ask(
      (prompt) => typePrompt({ message: 'Your answer', empty: 'Type your answer; Esc (or Enter again) skips and shows the answer', theme: context.theme(context.keys, true) }, prompt),
      context.keys,
      true,
    );
    if (step.kind !== 'value') return step;
    const typed = step.value;
    if (typed.trim() === '') return { kind: 'skip' };
    context.print(wrapText(sanitize(`Your answer: ${typed.trim()}`), context.width));
    return { kind: 'value', value: { kind: 'text', text: typed } };
  },
  plain: async (_question, context) => {
    let warned = false;
    for (;;) {
      const step = await context.read('Your answer: ', true);
      if (step.kind !== 'value') return step;
      if (step.value.trim() !== '') return { kind: 'value', value: { kind: 'text', text: step.value } };
      if (warned) return { kind: 'skip' };
      warned = true;
      context.print([context.style.yellow('Type your answer; an empty line again skips and shows the answer.')]);
    }
  },
  rightAnswer: (question, _response, result, context) =>
    result.status === 'correct' ? [] : context.labelled(question.accepted.length > 1 ? 'Accepted answers: ' : 'Right answer: ', question.accepted.join(' | ')),
};
