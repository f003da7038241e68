/** The class statistics against values computed by hand on a small class. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { correlation, histogram, itemStatistics, itemStatisticsOfColumns, mean, median } from '../../src/core/statistics.js';

/*
 * A class of five, three questions (points; `-` is unanswered, 0 points):
 *
 *        q1   q2   q3   total
 *   s1    1    1    1    3
 *   s2    1   .5    1    2.5
 *   s3    1    0    -    1
 *   s4    0    1    0    1
 *   s5    -    -    -    0
 *
 * Mean points: q1 3/5 = 0.6, q2 2.5/5 = 0.5, q3 2/5 = 0.4. Answered: q1 4, q2 4, q3 3.
 *
 * Discrimination: Pearson r of the question's points x with the rest score y = total - x,
 * r = Sxy / sqrt(Sxx * Syy) with S the sums of products of deviations from the means.
 *
 * q1: x = 1 1 1 0 0 (mean .6), y = 2 1.5 0 1 0 (mean .9)
 *     dx = .4 .4 .4 -.6 -.6, dy = 1.1 .6 -.9 .1 -.9
 *     Sxy = .44 + .24 - .36 - .06 + .54 = .8; Sxx = 3(.16) + 2(.36) = 1.2;
 *     Syy = 1.21 + .36 + .81 + .01 + .81 = 3.2; r = .8 / sqrt(3.84) = 1/sqrt(6) = 0.40825
 * q2: x = 1 .5 0 1 0 (mean .5), y = 2 2 1 0 0 (mean 1)
 *     dx = .5 0 -.5 .5 -.5, dy = 1 1 0 -1 -1
 *     Sxy = .5 + 0 + 0 - .5 + .5 = .5; Sxx = 4(.25) = 1; Syy = 4; r = .5 / 2 = 0.25
 * q3: x = 1 1 0 0 0 (mean .4), y = 2 1.5 1 1 0 (mean 1.1)
 *     dx = .6 .6 -.4 -.4 -.4, dy = .9 .4 -.1 -.1 -1.1
 *     Sxy = .54 + .24 + .04 + .04 + .44 = 1.3; Sxx = 2(.36) + 3(.16) = 1.2;
 *     Syy = .81 + .16 + .01 + .01 + 1.21 = 2.2; r = 1.3 / sqrt(2.64) = 0.80009
 *
 * Percents of 3 points: 100, 83.33, 33.33, 33.33, 0: mean 250/5 = 50, median 33.33.
 */
const points = [
  [1, 1, 1],
  [1, 0.5, 1],
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 0],
];
const answered = [
  [true, true, true],
  [true, true, true],
  [true, true, false],
  [true, true, true],
  [false, false, false],
];

describe('item analysis of the small class', () => {
  const items = itemStatistics(points, answered, 3);

  test('answered counts and mean points (difficulty)', () => {
    expect(items.map((item) => item.answered)).toEqual([4, 4, 3]);
    expect(items[0]!.meanPoints).toBeCloseTo(0.6, 12);
    expect(items[1]!.meanPoints).toBeCloseTo(0.5, 12);
    expect(items[2]!.meanPoints).toBeCloseTo(0.4, 12);
  });

  test('discrimination: point-biserial correlation with the rest of the score', () => {
    expect(items[0]!.discrimination).toBeCloseTo(1 / Math.sqrt(6), 10);
    expect(items[1]!.discrimination).toBeCloseTo(0.25, 10);
    expect(items[2]!.discrimination).toBeCloseTo(1.3 / Math.sqrt(2.64), 10);
  });

  test('class mean and median of percents', () => {
    const percents = points.map((row) => (100 * row.reduce((a, b) => a + b, 0)) / 3);
    expect(mean(percents)).toBeCloseTo(50, 10);
    expect(median(percents)).toBeCloseTo(100 / 3, 10);
  });
});

describe('undefined statistics are null', () => {
  test('fewer than two submissions', () => {
    expect(itemStatistics([[1, 0]], [[true, true]], 2).map((item) => item.discrimination)).toEqual([null, null]);
    expect(itemStatistics([], [], 2)).toEqual([
      { answered: 0, meanPoints: null, discrimination: null },
      { answered: 0, meanPoints: null, discrimination: null },
    ]);
  });

  test('a question everyone scored the same on, or a rest score that does not vary', () => {
    // q1 is right for all (no variance); q2's rest score (q1 only) is 1 for all (no variance either).
    const items = itemStatistics([[1, 0], [1, 1], [1, 0.5]], [[true, true], [true, true], [true, true]], 2);
    expect(items.map((item) => item.discrimination)).toEqual([null, null]);
    expect(correlation([0.1, 0.2, 0.3], [0.3, 0.3, 0.3])).toBeNull();
  });

  test('mean and median of nothing', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
});

describe('the other statistics', () => {
  test('median of an even count is the mean of the middle two; input order does not matter', () => {
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([3, 1, 2])).toBe(2);
  });

  test('a perfect and a reversed relation', () => {
    expect(correlation([0, 1, 2], [1, 3, 5])).toBeCloseTo(1, 12);
    expect(correlation([0, 1, 2], [5, 3, 1])).toBeCloseTo(-1, 12);
  });

  test('histogram: ten ranges [0,10) … [90,100], 100 in the last', () => {
    expect(histogram([0, 9.9, 10, 55.5, 89.9, 90, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 1, 2]);
  });
});

describe('item statistics from columns (what the class tally keeps)', () => {
  test('equal to item statistics from rows, on any class', () => {
    const point = fc.constantFrom(0, 1, 0.5, 1 / 3, 2 / 3, 0.25);
    const klass = fc.integer({ min: 0, max: 5 }).chain((questions) =>
      fc.array(fc.tuple(fc.array(point, { minLength: questions, maxLength: questions }), fc.array(fc.boolean(), { minLength: questions, maxLength: questions })), { maxLength: 30 }).map((rows) => ({ questions, rows })),
    );
    fc.assert(
      fc.property(klass, ({ questions, rows }) => {
        const points = rows.map(([row]) => row);
        const answered = rows.map(([, row]) => row);
        const columns = Array.from({ length: questions }, (_, q) => points.map((row) => row[q]!));
        const counts = Array.from({ length: questions }, (_, q) => answered.filter((row) => row[q]).length);
        expect(itemStatisticsOfColumns(columns, counts)).toEqual(itemStatistics(points, answered, questions));
      }),
      { numRuns: 500 },
    );
  });
});
