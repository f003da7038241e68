/**
 * Helpers on the question model that grading needs at run time. Kept apart from model.ts (the zod
 * schemas), so that grading an answers file does not load zod's classic API (docs/SPEED.md).
 */
import type { ChoiceQuestion, MatchQuestion, OrderQuestion, Question } from './model.js';
import { normalizeText, textKeys } from './text.js';

// What follows is remembered per question object: a parsed question does not change, and grading a
// class asks the same questions once per submission (docs/SPEED.md).
const choicesOf = new WeakMap<MatchQuestion, readonly string[]>();

/** The distinct right-hand values of a matching question (compared as texts), in first-seen order. */
export function matchChoices(question: MatchQuestion): readonly string[] {
  let choices = choicesOf.get(question);
  if (choices === undefined) {
    const byKey = new Map<string, string>();
    for (const pair of question.pairs) {
      const key = normalizeText(pair.right);
      if (!byKey.has(key)) byKey.set(key, pair.right);
    }
    choices = [...byKey.values()];
    choicesOf.set(question, choices);
  }
  return choices;
}

type KeyIndex = ReadonlyMap<string, number>;

/** Each textKeys key of `texts`, to the index of the first text that has it. */
function keyIndex<Q extends object>(cache: WeakMap<Q, KeyIndex>, question: Q, texts: (question: Q) => readonly string[]): KeyIndex {
  let index = cache.get(question);
  if (index === undefined) {
    const built = new Map<string, number>();
    texts(question).forEach((text, position) => {
      for (const key of textKeys(text)) if (!built.has(key)) built.set(key, position);
    });
    index = built;
    cache.set(question, index);
  }
  return index;
}

const optionKeys = new WeakMap<ChoiceQuestion, KeyIndex>();
const itemKeys = new WeakMap<OrderQuestion, KeyIndex>();
const leftKeys = new WeakMap<MatchQuestion, KeyIndex>();
const choiceKeys = new WeakMap<MatchQuestion, KeyIndex>();

/**
 * The index of the first option (item, left item, right value) whose text reads as `given`, a
 * normalised text (normalizeText), as a learner may type it (textKeys); -1 for none.
 */
export function optionNamed(question: ChoiceQuestion, given: string): number {
  return keyIndex(optionKeys, question, (one) => one.options.map((option) => option.text)).get(given) ?? -1;
}
export function itemNamed(question: OrderQuestion, given: string): number {
  return keyIndex(itemKeys, question, (one) => one.items).get(given) ?? -1;
}
export function leftNamed(question: MatchQuestion, given: string): number {
  return keyIndex(leftKeys, question, (one) => one.pairs.map((pair) => pair.left)).get(given) ?? -1;
}
export function choiceNamed(question: MatchQuestion, given: string): number {
  return keyIndex(choiceKeys, question, matchChoices).get(given) ?? -1;
}

/** Questions that an answers file can score (every kind but self-assessed). */
export function isGradable(question: Question): boolean {
  return question.kind !== 'self';
}
