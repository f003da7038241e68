/** Ordering: the items shown shuffled, carried into place with space and ↑↓, Enter to confirm (order-prompt.ts). */
import type { OrderQuestion } from '../../core/kinds/index.js';
import type { OrderResponse } from '../../core/kinds/order.js';
import orderPrompt from '../order-prompt.js';
import { plain } from '../wrap.js';
import { own, readNumbers, readUntil, type Asker } from './asker.js';

export const order: Asker<OrderQuestion> = {
  start: (question) => async (context) => {
    const items = context.shown.map((index) => context.optionLabel(question.items[index] ?? '', 6));
    const step = await context.ask((prompt) => orderPrompt({ message: 'Put these in order, first at the top', items, pageSize: context.pageSize(items), theme: context.theme(context.keys) }, prompt), context.keys);
    if (step.kind !== 'value') return step;
    return { kind: 'value', value: { kind: 'order', order: step.value.map((position) => context.shown[position] as number) } };
  },
  plain: async (question, context) => {
    context.print(context.list(context.shown.map((index) => question.items[index] ?? '')));
    const count = context.shown.length;
    const isOrder = (numbers: number[] | null): number[] | null => (numbers !== null && numbers.length === count && new Set(numbers).size === count ? numbers : null);
    const step = await readUntil(context, `The numbers in the right order, first first (e.g. ${[...Array(count).keys()].map((n) => n + 1).reverse().join(' ')}): `, false, (line) => isOrder(readNumbers(line, count)), `Type each number from 1 to ${count} once, in the order you choose.`);
    if (step.kind !== 'value') return step;
    return { kind: 'value', value: { kind: 'order', order: step.value.map((position) => context.shown[position] as number) } };
  },
  rightAnswer: (question, response, result, { style, labelled }) => {
    const mark = (ok: boolean): string => (ok ? style.green('✔') : style.red('✘'));
    const lines: string[] = [];
    const given = own<OrderResponse>(response, 'order');
    if (given) {
      lines.push(style.dim('Your order:'));
      given.order.forEach((item, position) =>
        lines.push(...labelled(`  ${position + 1}. `, question.items[item] ?? '', plain).map((line, index) => (index === 0 ? `${line} ${mark(item === position)}` : line))),
      );
    }
    if (result.status !== 'correct') {
      lines.push(style.dim('Right order:'));
      question.items.forEach((item, position) => lines.push(...labelled(`  ${position + 1}. `, item, plain)));
    }
    return lines;
  },
};
