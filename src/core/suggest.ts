/**
 * "Did you mean": the nearest of a question's texts to one a learner wrote that names none of them,
 * by edit distance (fastest-levenshtein) between the texts as they are compared (normalised, inline
 * Markdown read as plain text). Only worked out for a problem, never while grading. Pure.
 */
import { distance } from 'fastest-levenshtein';
import { normalizeText, stripInlineMarkdown } from './text.js';
import { quote } from './sanitize.js';

/**
 * The candidate nearest to `given`, as the learner would type it (inline Markdown read as plain
 * text), or undefined when none is near: at most 2 edits, or 1 in 3 characters of the longer text
 * for longer texts. Ties go to the first candidate.
 */
export function nearest(given: string, candidates: readonly string[]): string | undefined {
  const wanted = normalizeText(given);
  if (wanted === '') return undefined;
  let best: { text: string; edits: number } | undefined;
  for (const candidate of candidates) {
    const plain = stripInlineMarkdown(candidate).trim();
    const edits = distance(wanted, normalizeText(plain));
    const allowed = Math.max(2, Math.floor(Math.max(wanted.length, plain.length) / 3));
    if (edits <= allowed && (best === undefined || edits < best.edits)) best = { text: plain, edits };
  }
  return best?.text;
}

/** ` (did you mean "Accuracy"?)`, or '' when no candidate is near. */
export function didYouMean(given: string, candidates: readonly string[]): string {
  const text = nearest(given, candidates);
  return text === undefined ? '' : ` (did you mean ${quote(text)}?)`;
}
