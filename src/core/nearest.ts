/**
 * "Did you mean": the known name nearest to a misspelt one (a section, a front matter key, a file next
 * to the quiz), by edit distance after folding case, spacing, `-` and `_`. Pure; shared by every
 * dialect and the edge.
 */
import { distance } from 'fastest-levenshtein';

/** A name folded for comparison: lower case, no spaces, `-`, `_` or trailing `:`. */
export function fold(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '').replace(/:+$/, '');
}

/** How many edits a name of this length may be away and still be a near miss. */
function allowed(length: number): number {
  if (length < 3) return 0;
  if (length < 5) return 1;
  if (length < 12) return 2;
  return 3;
}

/**
 * The candidate nearest to `name`, when it is a near miss (the same after folding, or a few edits
 * away for its length); undefined when none is near. Ties go to the earlier candidate.
 */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  const folded = fold(name);
  let best: { candidate: string; cost: number } | undefined;
  for (const candidate of candidates) {
    const other = fold(candidate);
    const cost = distance(folded, other);
    if (cost > allowed(Math.max(folded.length, other.length))) continue;
    if (!best || cost < best.cost) best = { candidate, cost };
  }
  return best?.candidate;
}
