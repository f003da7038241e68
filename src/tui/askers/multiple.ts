/** Multiple choice: pick all that apply with space, Enter; Enter with nothing picked warns, a second skips. */
import checkbox from '@inquirer/checkbox';
import type { MultipleQuestion } from '../../core/kinds/index.js';
import type { MultipleResponse } from '../../core/kinds/multiple.js';
import { plain } from '../wrap.js';
import { listOf, numbered, own, readNumbers, readUntil, type Asker } from './asker.js';

export const multiple: Asker<MultipleQuestion> = {
  start: (question) => async (context) => {
    const choices = numbered(context, context.shown.map((index) => ({ value: index, text: question.options[index]?.text ?? '' })), 3);
    let warned = false;
    const validate = (picked: readonly unknown[]): true | string => {
      if (picked.length > 0 || warned) return true;
      warned = true;
      return 'Pick at least one with space, or press Enter again to skip';
    };
    const step = await context.ask(
      (prompt) =>
        checkbox(
          { ...listOf(context, 'Pick all that apply', choices), choices, loop: false, shortcuts: { all: null, invert: null }, validate, theme: context.theme(context.keys) },
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
  plain: async (question, context) => {
    context.print(context.list(context.shown.map((index) => question.options[index]?.text ?? '')));
    const count = context.shown.length;
    const step = await readUntil(context, `Pick all that apply (numbers from 1 to ${count}, e.g. 1 3): `, false, (line) => readNumbers(line, count), `Type numbers from 1 to ${count}, separated by spaces.`);
    if (step.kind !== 'value') return step;
    const chosen = [...new Set(step.value.map((position) => context.shown[position] as number))].sort((a, b) => a - b);
    context.print(context.labelled('Your answer: ', chosen.map((index) => question.options[index]?.text ?? '').join(' | ')));
    return { kind: 'value', value: { kind: 'multiple', choices: chosen } };
  },
  rightAnswer: (question, response, result, context) => {
    if (result.status === 'correct') return [];
    const picked = own<MultipleResponse>(response, 'multiple')?.choices;
    if (!picked) return [context.style.dim('Right answers:'), ...question.options.filter((option) => option.correct).flatMap((option) => context.labelled('  • ', option.text, plain))];
    // Each pick marked ✔ (right) or ✘ (not right), then the right options not picked.
    const { style } = context;
    return [
      style.dim('Your picks:'),
      ...question.options.flatMap((option, index) => {
        if (!picked.includes(index)) return [];
        const ok = option.correct;
        return context.labelled(`  ${ok ? '✔' : '✘'} `, option.text, (label) => label.replace(/[✔✘]/, (sign) => (ok ? style.green(sign) : style.red(sign))));
      }),
      ...(question.options.some((option, index) => option.correct && !picked.includes(index)) ? [style.dim('Right, not picked:')] : []),
      ...question.options.flatMap((option, index) => (option.correct && !picked.includes(index) ? context.labelled('  • ', option.text, plain) : [])),
    ];
  },
};
