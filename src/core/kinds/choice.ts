/** What single and multiple choice share: reading an option from an answers file. Pure. */
import { permutation, type Random } from '../random.js';
import { quote } from '../sanitize.js';
import { didYouMean } from '../suggest.js';
import { keyIndex, letterFor, normalizeText } from '../text.js';
import { describeValue, type Fail, type Option } from './base.js';

interface HasOptions {
  kind: 'single' | 'multiple';
  options: Option[];
}

const optionKeys = new WeakMap<HasOptions, ReadonlyMap<string, number>>();

/** The index of the first option whose text reads as `given` (normalised), as a learner may type it; -1 for none. */
export function optionNamed(question: HasOptions, given: string): number {
  return keyIndex(optionKeys, question, (one) => one.options.map((option) => option.text)).get(given) ?? -1;
}

export function acceptedChoices(question: HasOptions): string {
  const count = question.options.length;
  return `a letter ${count > 1 ? `A-${letterFor(Math.min(count, 26) - 1)}` : 'A'}, a number from 1 to ${count}, or an option's text${question.kind === 'multiple' ? ' (or an array of those)' : ''}`;
}

/** The index of the one option named by a letter, a 1-based number or its text; else why it names none. */
export function findChoice(question: HasOptions, value: unknown): number | string {
  const count = question.options.length;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= count) return value - 1;
    return `there is no option ${value}`;
  }
  if (typeof value === 'string') {
    const given = normalizeText(value);
    const byText = optionNamed(question, given);
    if (byText >= 0) return byText;
    if (/^[a-z]$/.test(given)) {
      const index = given.charCodeAt(0) - 97;
      if (index < count) return index;
      return `there is no option ${value.trim()}`;
    }
    return `${quote(value)} names no option${didYouMean(value, question.options.map((option) => option.text))}`;
  }
  return `${describeValue(value, quote)} cannot name an option`;
}

/** One option named by a letter, a 1-based number or its text. */
export function readChoice(question: HasOptions, value: unknown, fail: Fail): number {
  const found = findChoice(question, value);
  return typeof found === 'number' ? found : fail(found, acceptedChoices(question));
}

/** The options in the file's order, or shuffled with `--shuffle`. */
export function optionOrder(question: HasOptions, random: Random, shuffle: boolean): number[] {
  return shuffle ? permutation(question.options.length, random) : question.options.map((_, index) => index);
}
