/**
 * Fill in the blanks: one typed answer per gap, in order; Enter alone leaves a gap empty (all empty:
 * skipped); `?` as the first gap's answer shows the hint. Gaps typed before a hint are kept.
 */
import { gapRight, type BlankQuestion } from '../../core/kinds/blank.js';
import { sanitize } from '../../core/sanitize.js';
import typePrompt from '../type-prompt.js';
import { wrapText } from '../wrap.js';
import { own, type Asker } from './asker.js';

export const blank: Asker<BlankQuestion> = {
  start: (question) => {
    const texts: (string | null)[] = question.blanks.map(() => null);
    return async (context) => {
      const hint = context.keys.includes('hint');
      const count = question.blanks.length;
      for (let index = 0; index < count; index += 1) {
        if (texts[index] !== null) continue;
        const which = count > 1 ? `Gap ${index + 1} of ${count}` : 'Your answer';
        const keys = index === 0 && hint ? ', ? shows the hint' : '';
        const message = `${which} ${context.style.dim(`(Enter alone leaves it empty${keys}, Ctrl+C quits)`)}`;
        const step = await context.ask((prompt) => typePrompt({ message, footer: false, theme: context.theme(context.keys) }, prompt), []);
        if (step.kind !== 'value') return step;
        const typed = step.value.trim();
        if (index === 0 && hint && typed === '?') return { kind: 'hint' };
        texts[index] = typed;
      }
      const filled = texts.map((text) => text ?? '');
      if (filled.every((text) => text === '')) return { kind: 'skip' };
      context.print(wrapText(sanitize(`Your answer: ${filled.map((text) => text || '(empty)').join(' | ')}`), context.width));
      return { kind: 'value', value: { kind: 'blank', texts: filled } };
    };
  },
  rightAnswer: (question, response, result, context) => {
    if (result.status === 'correct') return [];
    const typed = own<{ kind: 'blank'; texts: string[] }>(response, 'blank')?.texts ?? [];
    return question.blanks.flatMap((answers, index) => {
      const label = question.blanks.length > 1 ? `Gap ${index + 1}: ` : 'Right answer: ';
      const mark = gapRight(answers, typed[index] ?? '') ? '✔ ' : '';
      return context.labelled(`${label}${mark}`, answers.join(' | '));
    });
  },
};
