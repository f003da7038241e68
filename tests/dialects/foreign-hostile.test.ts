/**
 * Hostile texts for the foreign dialects' detection and readers (docs/HOSTILE-INPUT.md): long runs that
 * a backtracking pattern would take quadratic time over are read in linear time, and nothing throws.
 * Each text is about 400 KB; a quadratic pattern would not finish within the test's time.
 */
import { expect, test } from 'vitest';
import { DIALECTS } from '../../src/dialects/index.js';
import { parseNumericAnswer } from '../../src/core/kinds/numeric.js';

const N = 200_000;
const TEXTS: Record<string, string> = {
  'a heading of spaces': `# ${' '.repeat(N)}x\n\n- [x] a\n`,
  'a heading of hashes': `# a${'#'.repeat(N)}x\n\n- [x] a\n`,
  'open braces with equals signs': `{${' ='.repeat(N)}`,
  'divs that never close': '<div '.repeat(N / 4),
  'a numeric range of dots': `::Q:: n? {#${'1.'.repeat(N)}..2}\n`,
  'front matter that never closes': `---\n${'a: b\n'.repeat(N / 4)}`,
  'a quiz that never closes': `<quiz>\n${'- [ ] a\n'.repeat(N / 8)}`,
  'yaml blocks that never close': '```yaml\ntype: x\n'.repeat(N / 16),
  'task items nested in quotes': '> - [x] a\n'.repeat(N / 8),
  'a datacamp title of spaces': `---\ntitle:${' '.repeat(N)}x\n---\n--- type:MultipleChoiceExercise\n`,
};

test.each(Object.entries(TEXTS))('%s: detected and read by every dialect without trouble', async (_name, text) => {
  for (const entry of DIALECTS.slice(0, -1)) {
    entry.detect(text, 'hostile.md');
    const result = (await entry.load()).read(text, { file: 'hostile.md' });
    expect(result.quiz === null || result.quiz.questions.length > 0).toBe(true);
  }
});

test('numeric answers: long texts are read in linear time', () => {
  expect(parseNumericAnswer(`1${' '.repeat(N)}x`)).toBeNull();
  expect(parseNumericAnswer(`12${' '.repeat(N)}± 1`)).toEqual({ value: 12, tolerance: 1 });
});
