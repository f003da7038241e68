/**
 * Matching: each left item to one of the distinct right values, shown shuffled; two left items may
 * share a right value (docs/DESIGN.md section 3).
 */
import * as z from 'zod/mini';
import { permutation } from '../random.js';
import { quote } from '../sanitize.js';
import { didYouMean } from '../suggest.js';
import { keyIndex, normalizeText } from '../text.js';
import { describeValue, Index, questionFields, type Kind } from './base.js';

export const MatchPair = z.object({ left: z.string(), right: z.string() });
export const MatchQuestion = z.object({
  ...questionFields,
  kind: z.literal('match'),
  /** The header row's two labels, e.g. ["Test", "Environment"]. */
  labels: z.tuple([z.string(), z.string()]),
  /** One pair per left item, in the table's order. */
  pairs: z.array(MatchPair).check(z.minLength(1)),
});
export type MatchQuestion = z.infer<typeof MatchQuestion>;
/** For each left item (table order), the index of the chosen right value (`matchChoices`) or null. */
export const MatchResponse = z.object({ kind: z.literal('match'), picks: z.array(z.nullable(Index)) });
export type MatchResponse = z.infer<typeof MatchResponse>;

// Remembered per question object: a parsed question does not change, and grading a class asks the
// same questions once per submission.
const choicesOf = new WeakMap<MatchQuestion, readonly string[]>();
const leftKeys = new WeakMap<MatchQuestion, ReadonlyMap<string, number>>();
const choiceKeys = new WeakMap<MatchQuestion, ReadonlyMap<string, number>>();

/** The distinct right-hand values (compared as texts), in first-seen order. */
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

function leftNamed(question: MatchQuestion, given: string): number {
  return keyIndex(leftKeys, question, (one) => one.pairs.map((pair) => pair.left)).get(given) ?? -1;
}

function choiceNamed(question: MatchQuestion, given: string): number {
  return keyIndex(choiceKeys, question, matchChoices).get(given) ?? -1;
}

/** Whether the pick for left item `index` is its right value. */
export function isRightPick(question: MatchQuestion, index: number, pick: number | null | undefined): boolean {
  const pair = question.pairs[index];
  const chosen = pick === null || pick === undefined ? undefined : matchChoices(question)[pick];
  return pair !== undefined && chosen !== undefined && normalizeText(chosen) === normalizeText(pair.right);
}

export const match: Kind<MatchQuestion, MatchResponse> = {
  name: 'match',
  schema: MatchQuestion,
  response: MatchResponse,
  gradedFromAnswers: true,
  readAnswer: (question, value, fail) => {
    const accepted = (): string =>
      `an object {"left item": "right value"} with left items from (${question.pairs.map((pair) => pair.left).join(', ')}) and right values from (${matchChoices(question).join(', ')})`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`${describeValue(value, quote)} is not a matching`, accepted());
    const picks: (number | null)[] = question.pairs.map(() => null);
    const seen = new Set<number>();
    // Every pair that cannot be read, in one problem (issue 17).
    const reasons: string[] = [];
    for (const [left, right] of Object.entries(value as Record<string, unknown>)) {
      const index = leftNamed(question, normalizeText(left));
      if (index < 0) {
        reasons.push(`${quote(left)} names no left item${didYouMean(left, question.pairs.map((pair) => pair.left))}`);
      } else if (seen.has(index)) {
        reasons.push(`the left item ${quote(left)} is given twice`);
        continue;
      } else seen.add(index);
      if (right === null) continue;
      if (typeof right !== 'string') {
        reasons.push(`${describeValue(right, quote)} for ${quote(left)} is not a right value`);
        continue;
      }
      const pick = choiceNamed(question, normalizeText(right));
      if (pick < 0) reasons.push(`${quote(right)} names no right value${didYouMean(right, matchChoices(question))}`);
      else if (index >= 0) picks[index] = pick;
    }
    if (reasons.length > 0) return fail(reasons.join('; '), accepted());
    return { kind: 'match', picks };
  },
  /** The fraction of left items matched right. */
  points: (question, response) => question.pairs.filter((_, index) => isRightPick(question, index, response.picks[index])).length / question.pairs.length,
  given: (question, response) => {
    const choices = matchChoices(question);
    const entries: [string, string][] = [];
    question.pairs.forEach((pair, index) => {
      const pick = response.picks[index];
      if (pick !== null && pick !== undefined) entries.push([pair.left, choices[pick] ?? '']);
    });
    return Object.fromEntries(entries);
  },
  expected: (question) => Object.fromEntries(question.pairs.map((pair) => [pair.left, pair.right])),
  fits: (question, response) => response.picks.length === question.pairs.length,
  displayOrder: (question, random) => permutation(matchChoices(question).length, random),
};
