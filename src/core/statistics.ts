/** The statistics of a class (docs/DESIGN.md section 8): plain numbers in, plain numbers out. Pure. */

/** Fewer graded submissions than this are too few for item statistics to mean much (issue 17). */
export const MIN_GRADED_FOR_ITEMS = 10;

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index]!;
  return sum / values.length;
}

/** The median (the mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, in the order `(a, b) => a - b` gives (no NaN comes here).
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// Below this, a sum of squares is taken for zero: points are fractions, and float sums leave dust.
const EPSILON = 1e-12;

/**
 * Pearson's correlation of two equally long series. With one of them 0/1 it is the point-biserial
 * correlation; with partial credit it is the same formula on the points. Null where it is undefined:
 * fewer than two pairs, or either series does not vary.
 */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let index = 0; index < n; index += 1) {
    const dx = xs[index]! - mx;
    const dy = ys[index]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < EPSILON || syy < EPSILON) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export interface ItemStatistics {
  /** Submissions that answered the question (anything but unanswered). */
  answered: number;
  /** Mean points (the difficulty index: 1 everyone right, 0 nobody); null with no submissions. */
  meanPoints: number | null;
  /** Correlation of the question's points with the rest of the score (total minus this question). */
  discrimination: number | null;
}

/**
 * Item analysis: `points[s][q]` is submission s's points on question q, `answered[s][q]` whether it
 * answered q. The rest score leaves the question out of the total, so that a question does not
 * correlate with itself.
 */
export function itemStatistics(points: readonly (readonly number[])[], answered: readonly (readonly boolean[])[], questionCount: number): ItemStatistics[] {
  const totals = points.map((row) => row.reduce((sum, value) => sum + value, 0));
  const items: ItemStatistics[] = [];
  for (let q = 0; q < questionCount; q += 1) {
    const own = points.map((row) => row[q] ?? 0);
    const rest = totals.map((total, s) => total - own[s]!);
    items.push({
      answered: answered.reduce((count, row) => count + (row[q] ? 1 : 0), 0),
      meanPoints: mean(own),
      discrimination: correlation(own, rest),
    });
  }
  return items;
}

/**
 * itemStatistics from each question's column of points (`columns[q][s]`, every column as long) and its count
 * of answering submissions: what a class tally keeps (two arrays per question, not two per submission).
 */
export function itemStatisticsOfColumns(columns: readonly (readonly number[])[], answeredCounts: readonly number[]): ItemStatistics[] {
  const submissions = columns[0]?.length ?? 0;
  // Each total summed in question order, as a row's sum would be.
  const totals = new Array<number>(submissions).fill(0);
  for (const column of columns) for (let s = 0; s < submissions; s += 1) totals[s]! += column[s] ?? 0;
  return columns.map((own, q) => ({
    answered: answeredCounts[q] ?? 0,
    meanPoints: mean(own),
    discrimination: restCorrelation(own, totals),
  }));
}

/**
 * `correlation(own, rest)` with `rest[s] = totals[s] - own[s]`, the same sums in the same order (so the
 * same number to the last bit), without making the rest column. Each pass over the class is its own small
 * function, optimised once for every question (one function with both loops was optimised for the first
 * loop, then thrown back to the interpreter at the second, once per question).
 */
function restCorrelation(own: readonly number[], totals: readonly number[]): number | null {
  const n = own.length;
  if (n < 2 || totals.length !== n) return null;
  const sums = deviationSums(own, totals, mean(own)!, restSum(own, totals) / n);
  if (sums.xx < EPSILON || sums.yy < EPSILON) return null;
  return Math.max(-1, Math.min(1, sums.xy / Math.sqrt(sums.xx * sums.yy)));
}

/** The sum of the rest column, in order. */
function restSum(own: readonly number[], totals: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < own.length; index += 1) sum += totals[index]! - own[index]!;
  return sum;
}

/** Sums of products of deviations from the means, of `own` (x) and the rest (y). */
function deviationSums(own: readonly number[], totals: readonly number[], mx: number, my: number): { xy: number; xx: number; yy: number } {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let index = 0; index < own.length; index += 1) {
    const dx = own[index]! - mx;
    const dy = totals[index]! - own[index]! - my;
    xy += dx * dy;
    xx += dx * dx;
    yy += dy * dy;
  }
  return { xy, xx, yy };
}

/**
 * How many percents fall in each of `bins` equal ranges of 0..100: [0, 10), [10, 20), … [90, 100]
 * for ten (100 goes in the last range; values outside 0..100 are clamped).
 */
export function histogram(percents: readonly number[], bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const percent of percents) {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((percent * bins) / 100)));
    counts[bin] = counts[bin]! + 1;
  }
  return counts;
}
