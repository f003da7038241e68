/** Numeric: a typed number, Enter; Enter alone skips; `?` shows the hint; anything not a number is asked again. */
import type { NumericQuestion } from '../../core/kinds/index.js';
import { numericText, readNumber } from '../../core/kinds/numeric.js';
import { sanitize } from '../../core/sanitize.js';
import typePrompt from '../type-prompt.js';
import { wrapText } from '../wrap.js';
import type { Asker } from './asker.js';

export const numeric: Asker<NumericQuestion> = {
  start: () => async (context) => {
    const hint = context.keys.includes('hint');
    const message = `Your answer, a number ${context.style.dim(`(Enter alone skips${hint ? ', ? shows the hint' : ''}, Ctrl+C quits)`)}`;
    const validate = (typed: string): true | string => {
      const trimmed = typed.trim();
      if (trimmed === '' || (hint && trimmed === '?') || readNumber(trimmed) !== null) return true;
      return 'Type a number, such as 3.14';
    };
    const step = await context.ask((prompt) => typePrompt({ message, validate, footer: false, theme: context.theme(context.keys) }, prompt), []);
    if (step.kind !== 'value') return step;
    const typed = step.value.trim();
    if (typed === '') return { kind: 'skip' };
    if (hint && typed === '?') return { kind: 'hint' };
    const value = readNumber(typed);
    if (value === null) return { kind: 'skip' };
    context.print(wrapText(sanitize(`Your answer: ${value}`), context.width));
    return { kind: 'value', value: { kind: 'numeric', value } };
  },
  rightAnswer: (question, _response, result, context) =>
    result.status === 'correct' ? [] : context.labelled(question.answers.length > 1 ? 'Accepted answers: ' : 'Right answer: ', question.answers.map(numericText).join(' | ')),
};
