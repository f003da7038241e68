/**
 * Parsing a quiz without front matter does not load yaml (docs/SPEED.md): the loader imports the
 * parser core alone for such a text. Quizzes with front matter must still read it, on every route.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { parseQuizSource } from '../src/quiz/load.js';
import { parseQuiz } from '../src/quiz/parse-quiz.js';
import { ROOT } from './helpers/cli.js';

const BUNDLED = readFileSync(join(ROOT, 'quizzes', 'mlops-deployment.md'), 'utf8');
const SEED = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed', 'seed.md'), 'utf8');
const source = (text: string) => ({ text, file: 'quiz.md', source: 'quiz.md', dir: ROOT });

describe('front matter and the parser core', () => {
  test('the core alone (a fresh module, before parse-quiz.ts) parses a quiz without front matter, and refuses one with it', async () => {
    vi.resetModules();
    const core = await import('../src/quiz/parse-core.js');
    expect(core.parseQuiz(SEED, { file: 'seed.md' })).toEqual(parseQuiz(SEED, { file: 'seed.md' }));
    expect(() => core.parseQuiz(BUNDLED, { file: 'b.md' })).toThrow(core.NeedsYamlError);
    await import('../src/quiz/parse-quiz.js');
    expect(core.parseQuiz(BUNDLED, { file: 'b.md' }).quiz?.title).toBe('MLOps deployment: serving modes, APIs, environments and rollout strategies');
  });

  test.each([
    ['front matter', BUNDLED],
    ['front matter after a BOM', `\uFEFF${BUNDLED}`],
    ['no front matter', SEED],
    ['a thematic break first, not front matter', `***\n\n${SEED}`],
  ])('the loader gives what parseQuiz gives: %s', async (_name, text) => {
    vi.resetModules();
    const load = await import('../src/quiz/load.js');
    const expected = parseQuiz(text, { file: 'quiz.md', source: 'quiz.md' });
    expect(await load.parseQuizSource(source(text), { cacheDir: null })).toEqual(expected);
    expect(await parseQuizSource(source(text), { cacheDir: null })).toEqual(expected);
  });
});
