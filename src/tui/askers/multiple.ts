/** Multiple choice: pick all that apply with space, Enter; Enter with nothing picked warns, a second skips. */
import checkbox from '@inquirer/checkbox';
import type { MultipleQuestion } from '../../core/kinds/index.js';
import { plain } from '../wrap.js';
import type { Asker } from './asker.js';

export const multiple: Asker<MultipleQuestion> = {
  start: (question) => async (context) => {
    const choices = context.shown.map((index) => ({ value: index, name: context.optionLabel(question.options[index]?.text ?? '', 3) }));
    let warned = false;
    const validate = (picked: readonly unknown[]): true | string => {
      if (picked.length > 0 || warned) return true;
      warned = true;
      return 'Pick at least one with space, or press Enter again to skip';
    };
    const step = await context.ask(
      (prompt) =>
        checkbox(
          { message: 'Pick all that apply', choices, loop: false, pageSize: context.pageSize(choices.length), shortcuts: { all: null, invert: null }, validate, theme: context.theme(context.keys) },
          prompt,
        ),
      context.keys,
    );
    if (step.kind !== 'value') return step;
    if (step.value.length === 0) return { kind: 'skip' };
    const chosen = [...step.value].sort((a, b) => a - b);
    context.print(context.labelled('Your answer: ', chosen.map((index) => question.options[index]?.text ?? '').join(' | ')));
    return { kind: 'value', value: { kind: 'multiple', choices: chosen } };
  },
  rightAnswer: (question, _response, result, context) =>
    result.status === 'correct'
      ? []
      : [context.style.dim('Right answers:'), ...question.options.filter((option) => option.correct).flatMap((option) => context.labelled('  • ', option.text, plain))],
};
