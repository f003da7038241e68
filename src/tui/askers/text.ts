/** Short answer: typed, Enter; Enter alone skips; `?` shows the hint. */
import input from '@inquirer/input';
import type { TextQuestion } from '../../core/kinds/index.js';
import { sanitize, sanitizeLine } from '../../core/sanitize.js';
import { wrapText } from '../wrap.js';
import type { Asker } from './asker.js';

export const text: Asker<TextQuestion> = {
  start: () => async (context) => {
    const hint = context.keys.includes('hint');
    const message = `Your answer ${context.style.dim(`(Enter alone skips${hint ? ', ? shows the hint' : ''}, Ctrl+C quits)`)}`;
    // Typing takes every letter: no session keys here.
    // What is typed or pasted is echoed sanitised (C1 controls, bidi overrides shown as <U+202E>), one line.
    const step = await context.ask((prompt) => input({ message, theme: context.theme(context.keys), transformer: (value) => sanitizeLine(value) }, prompt), []);
    if (step.kind !== 'value') return step;
    const typed = step.value;
    if (typed.trim() === '') return { kind: 'skip' };
    if (hint && typed.trim() === '?') return { kind: 'hint' };
    context.print(wrapText(sanitize(`Your answer: ${typed.trim()}`), context.width));
    return { kind: 'value', value: { kind: 'text', text: typed } };
  },
  rightAnswer: (question, _response, result, context) =>
    result.status === 'correct' ? [] : context.labelled(question.accepted.length > 1 ? 'Accepted answers: ' : 'Right answer: ', question.accepted.join(' | ')),
};
