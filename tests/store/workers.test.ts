/**
 * Large quizzes read on worker threads (src/store/workers.ts, dist/read-worker.js, built by the global
 * setup): the result is exactly the whole-file read; the loader uses the threads from PARALLEL_FROM on.
 */
import { describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { DIALECTS } from '../../src/dialects/index.js';
import { markdown } from '../../src/dialects/markdown/index.js';
import { parseQuizWhole } from '../../src/dialects/markdown/read.js';
import { PARALLEL_FROM, readText } from '../../src/store/quizzes.js';
import { readInWorkers } from '../../src/store/workers.js';

const entry = DIALECTS.find((one) => one.name === 'markdown')!;

describe('reading on worker threads', () => {
  test('a bank of 600 questions read on 2 and 3 threads equals the whole-file read', async () => {
    const text = quizBank(600, 5);
    const whole = parseQuizWhole(text, { file: 'bank.md' });
    for (const threads of [2, 3]) expect(await readInWorkers(entry, markdown.parts!, text, { file: 'bank.md' }, threads)).toEqual(whole);
  });

  test('a file that cannot be cut (a definition `]:` makes it one piece) gives null: the caller reads it here', async () => {
    const text = `${quizBank(50, 2)}\n[ref]: https://example.com\n`;
    expect(await readInWorkers(entry, markdown.parts!, text, { file: 'bank.md' }, 2)).toBeNull();
  });

  test('the loader reads a text over PARALLEL_FROM on threads, with the whole-file result', async () => {
    let size = 1000;
    let text = quizBank(size, 9);
    while (text.length < PARALLEL_FROM) text = quizBank((size *= 2), 9);
    expect(await readText(entry, text, { file: 'big.md' })).toEqual(parseQuizWhole(text, { file: 'big.md' }));
  }, 60_000);
});
