/** Ordering: the items in their right order; shown shuffled, never already solved (docs/DESIGN.md section 3). */
import * as z from 'zod/mini';
import { permutation } from '../random.js';
import { quote } from '../sanitize.js';
import { didYouMean } from '../suggest.js';
import { keyIndex, normalizeText } from '../text.js';
import { describeValue, Index, inRange, questionFields, type Kind } from './base.js';

export const OrderQuestion = z.object({
  ...questionFields,
  kind: z.literal('order'),
  /** The items in their correct order. */
  items: z.array(z.string()).check(z.minLength(2)),
});
export type OrderQuestion = z.infer<typeof OrderQuestion>;
/** Indices into `items` (the correct order), in the learner's order; may be shorter than the items. */
export const OrderResponse = z.object({ kind: z.literal('order'), order: z.array(Index) });
export type OrderResponse = z.infer<typeof OrderResponse>;

const itemKeys = new WeakMap<OrderQuestion, ReadonlyMap<string, number>>();

export function itemNamed(question: OrderQuestion, given: string): number {
  return keyIndex(itemKeys, question, (one) => one.items).get(given) ?? -1;
}

export const order: Kind<OrderQuestion, OrderResponse> = {
  name: 'order',
  schema: OrderQuestion,
  response: OrderResponse,
  gradedFromAnswers: true,
  readAnswer: (question, value, fail) => {
    const accepted = (): string => `an array of the item texts in your order (${question.items.length} items)`;
    if (!Array.isArray(value)) return fail(`${describeValue(value, quote)} is not an ordering`, accepted());
    const picked: number[] = [];
    // Every item that cannot be read, in one problem (issue 17).
    const reasons: string[] = [];
    let twice = false;
    for (const one of value as unknown[]) {
      if (typeof one !== 'string') {
        reasons.push(`${describeValue(one, quote)} in the ordering is not an item text`);
        continue;
      }
      const index = itemNamed(question, normalizeText(one));
      if (index < 0) reasons.push(`${quote(one)} names no item${didYouMean(one, question.items)}`);
      else if (picked.includes(index)) {
        reasons.push(`${quote(one)} is given twice`);
        twice = true;
      } else picked.push(index);
    }
    if (reasons.length > 0) return fail(reasons.join('; '), twice ? `${accepted()}, each once` : accepted());
    return { kind: 'order', order: picked };
  },
  /** The fraction of items in their right place. */
  points: (question, response) => question.items.filter((_, index) => response.order[index] === index).length / question.items.length,
  given: (question, response) => response.order.map((index) => question.items[index] ?? ''),
  expected: (question) => [...question.items],
  fits: (question, response) => response.order.length <= question.items.length && response.order.every((index) => inRange(index, question.items.length)),
  displayOrder: (question, random) => permutation(question.items.length, random, true),
};
