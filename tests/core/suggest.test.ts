/** "Did you mean": the nearest text by edit distance, only when it is near (issue 17). */
import { describe, expect, test } from 'vitest';
import { didYouMean, nearest } from '../../src/core/suggest.js';

describe('nearest', () => {
  const options = ['Accuracy', 'Precision', 'Recall', '`kubectl apply`'];
  test.each([
    ['Acuracy', 'Accuracy'],
    ['accuracy ', 'Accuracy'],
    ['PRECISON', 'Precision'],
    ['recal', 'Recall'],
    ['kubectl aply', 'kubectl apply'],
  ])('%j: %j (compared as answers are: case, spaces and inline Markdown ignored)', (given, expected) => {
    expect(nearest(given, options)).toBe(expected);
  });

  test.each(['F1 score', 'banana', '', '   '])('%j is near nothing', (given) => {
    expect(nearest(given, options)).toBeUndefined();
  });

  test('ties go to the first candidate; the closest wins over an earlier one further away', () => {
    expect(nearest('cat', ['bat', 'hat'])).toBe('bat');
    expect(nearest('Staging', ['Stage', 'Staging area', 'Stagin'])).toBe('Stagin');
  });

  test('didYouMean: the phrase, quoted as messages quote, or nothing', () => {
    expect(didYouMean('Acuracy', options)).toBe(' (did you mean "Accuracy"?)');
    expect(didYouMean('zzz', options)).toBe('');
  });
});
