/**
 * The bench's generated banks (bench/dialect-banks.mjs) hold the same questions in every dialect: each
 * is detected as its dialect and reads to the same kinds and right answers as the native bank of the
 * same questions, with nothing left out (so that the bench's row compares like with like). No timing.
 */
import { expect, test } from 'vitest';
import { DIALECT_BANKS, EXTENSIONS, dialectBank, nativeBankFor } from '../../bench/dialect-banks.mjs';
import { kindOf } from '../../src/core/kinds/index.js';
import type { ReadResult } from '../../src/core/quiz.js';
import { dialectOf } from '../../src/dialects/index.js';

async function read(text: string, file: string): Promise<{ dialect: string; result: ReadResult }> {
  const entry = dialectOf(text, file);
  return { dialect: entry.name, result: (await entry.load()).read(text, { file }) };
}

test.each(DIALECT_BANKS)('%s: the same 300 questions as the native bank', async (dialect) => {
  const file = `bank.${EXTENSIONS[dialect]}`;
  const foreign = await read(dialectBank(dialect, 300), file);
  const native = await read(nativeBankFor(dialect, 300), 'bank.md');
  expect(foreign.dialect).toBe(dialect);
  expect(native.dialect).toBe('markdown');
  expect(foreign.result.warnings).toEqual([]);
  expect(native.result.errors).toEqual([]);
  // mkdocs-quiz has no titles: its questions take the first line of their text.
  const answers = (result: ReadResult) => result.quiz!.questions.map((q) => [q.kind, dialect === 'mkdocs-quiz' ? '' : q.title, kindOf(q).expected(q)]);
  expect(answers(foreign.result)).toEqual(answers(native.result));
  expect(foreign.result.quiz!.questions.length).toBeGreaterThan(dialect === 'datacamp' ? 200 : 299);
});
