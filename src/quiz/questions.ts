/**
 * Helpers on the question model that grading needs at run time. Kept apart from model.ts (the zod
 * schemas), so that grading an answers file does not load zod's classic API (docs/SPEED.md).
 */
import type { MatchQuestion, Question } from './model.js';
import { normalizeText } from './text.js';

/** The distinct right-hand values of a matching question (compared as texts), in first-seen order. */
export function matchChoices(question: MatchQuestion): string[] {
  const byKey = new Map<string, string>();
  for (const pair of question.pairs) {
    const key = normalizeText(pair.right);
    if (!byKey.has(key)) byKey.set(key, pair.right);
  }
  return [...byKey.values()];
}

/** Questions that an answers file can score (every kind but self-assessed). */
export function isGradable(question: Question): boolean {
  return question.kind !== 'self';
}
