/** Single choice: a list of options, ↑↓ (or a number key) and Enter. */
import select from '@inquirer/select';
import type { SingleQuestion } from '../../core/kinds/index.js';
import { listOf, numbered, readNumbers, readUntil, type Asker } from './asker.js';

export const single: Asker<SingleQuestion> = {
  start: (question) => async (context) => {
    const choices = numbered(context, context.shown.map((index) => ({ value: index, text: question.options[index]?.text ?? '' })), 2);
    const step = await context.ask(
      (prompt) => select({ ...listOf(context, 'Your answer', choices), choices, loop: false, theme: context.theme(context.keys) }, prompt),
      context.keys,
    );
    if (step.kind !== 'value') return step;
    context.print(context.labelled('Your answer: ', question.options[step.value]?.text ?? ''));
    return { kind: 'value', value: { kind: 'single', choice: step.value } };
  },
  plain: async (question, context) => {
    context.print(context.list(context.shown.map((index) => question.options[index]?.text ?? '')));
    const count = context.shown.length;
    const step = await readUntil(context, `Your answer (1-${count}): `, false, (line) => (readNumbers(line, count)?.length === 1 ? readNumbers(line, count)![0]! : null), `Type one number from 1 to ${count}.`);
    if (step.kind !== 'value') return step;
    const choice = context.shown[step.value] as number;
    context.print(context.labelled('Your answer: ', question.options[choice]?.text ?? ''));
    return { kind: 'value', value: { kind: 'single', choice } };
  },
  rightAnswer: (question, _response, result, context) =>
    result.status === 'correct' ? [] : context.labelled('Right answer: ', question.options.find((option) => option.correct)?.text ?? ''),
};
