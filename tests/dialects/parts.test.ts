/**
 * A large file read in parts (one per thread, docs/DESIGN.md section 10) gives exactly what a whole-file
 * read gives: the parts are read here in turn, so every fixture and generated case is checked without
 * threads; tests/store/workers.test.ts runs the same through real worker threads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { joinSpans, planSpans, readPart } from '../../src/dialects/markdown/parts.js';
import { parseQuizWhole } from '../../src/dialects/markdown/read.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
const markdownFixtures = walk(FIXTURES).filter((file) => file.endsWith('.md'));

/** The text read in `count` parts, or null when it must be read whole (no spans, or a span did not prove). */
function readInParts(text: string, count: number, file = 'quiz.md') {
  const spans = planSpans(text, count);
  if (spans === null) return null;
  return joinSpans(
    spans.map((span) => readPart(text, span, { file })),
    { file },
  );
}

describe('reading in parts equals reading whole', () => {
  test.each(markdownFixtures.map((file) => [file.slice(FIXTURES.length), file]))('fixture %s, in 2, 3 and 5 parts', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const whole = parseQuizWhole(text, { file });
    for (const count of [2, 3, 5]) {
      const parts = readInParts(text, count, file);
      if (parts !== null) expect(parts, `${count} parts`).toEqual(whole);
    }
  });

  test('a generated bank of 400 questions is cut into the parts asked for, numbered and slugged across them', () => {
    const text = quizBank(400, 11);
    expect(planSpans(text, 4)).toHaveLength(4);
    const whole = parseQuizWhole(text, { file: 'bank.md' });
    expect(readInParts(text, 4, 'bank.md')).toEqual(whole);
    expect(whole.quiz?.questions.at(-1)?.number).toBe(400);
  });

  test('errors and warnings in later parts name their question by its number in the whole file', () => {
    const questions = Array.from({ length: 40 }, (_, index) => `# Question ${index}\n\nText.\n\n### Possible Answers\n\n- one {Answer}\n- two\n`);
    questions[31] = '# Question 31\n\nNo answer here.\n';
    questions[35] = '# Question 35 {#dup}\n\n- a\n\n### Possible Answers\n\n- one {Answer}\n- two\n\n### Odd\n';
    questions[36] = '# Question 36 {#dup}\n\n### Possible Answers\n\n- one {Answer}\n- two\n';
    const text = questions.join('\n');
    const whole = parseQuizWhole(text, { file: 'q.md' });
    expect(whole.errors.map((d) => d.message).join('\n')).toMatch(/question 32 "Question 31" has no answer/);
    expect(readInParts(text, 3, 'q.md')).toEqual(whole);
  });

  test('a span that does not end at a question heading sends the file back to a whole read', () => {
    // The line scan proposes `# inside` (column 1, outside any fence), but it is inside an HTML comment:
    // the first span cannot prove its end, so the parts give no result and the caller reads the whole file.
    const filler = 'Words that make the first question long. '.repeat(8);
    const text = `# A\n\n${filler}\n\n### Possible Answers\n\n- x {Answer}\n- y\n\n<!--\n# inside\n-->\n\n# B\n\n### Possible Answers\n\n- x {Answer}\n- y\n`;
    const spans = planSpans(text, 2)!;
    expect(spans[0]!.end?.offset).toBe(text.indexOf('# inside'));
    const results = spans.map((span) => readPart(text, span, { file: 'd.md' }));
    expect(results[0]!.proven).toBe(false);
    expect(joinSpans(results, { file: 'd.md' })).toBeNull();
    expect(parseQuizWhole(text, { file: 'd.md' }).quiz?.questions.map((question) => question.title)).toEqual(['A', 'B']);
  });

  test('for any bank cut at any count: the same result, or a whole read', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 1000 }), (size, count, seed) => {
        const text = quizBank(size, seed);
        const parts = readInParts(text, count);
        if (parts !== null) expect(parts).toEqual(parseQuizWhole(text, { file: 'quiz.md' }));
      }),
      { numRuns: 40 },
    );
  });
});
