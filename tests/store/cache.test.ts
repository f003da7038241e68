/**
 * The parsed-quiz cache and the bundled quizzes compiled at build time (docs/DESIGN.md section 10): a model
 * read back from either is the model a fresh parse gives, positions included; a corrupt entry is
 * ignored and rewritten; `--no-cache` neither reads nor writes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { cacheKey, decodeEntry, entryPath } from '../../src/store/cache.js';
import { cacheDir } from '../../src/store/dirs.js';
import { decodeCompiled } from '../../src/store/compiled.js';
import { compiledPath, DEFAULT_QUIZ, parseQuizSource, type QuizSource } from '../../src/store/quizzes.js';
import { parseQuiz, parseQuizWhole } from '../../src/dialects/markdown/read.js';
import { DIALECTS, dialectOf } from '../../src/dialects/index.js';
import { ROOT, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** Each test's own cache folder, removed when the test ends. */
let dir: string;
beforeEach(() => {
  dir = tempDir('cache-test');
});

const MARKDOWN = DIALECTS.at(-1)!; // the native format, last in the list
const entries = (): string[] => {
  try {
    return readdirSync(join(dir, 'mlops-quiz', 'quizzes'));
  } catch {
    return [];
  }
};
const source = (text: string, file: string): QuizSource => ({ text, file, source: file, dir: '.' });

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const walk = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));

describe('cached, per-question and whole-file parses give the same model', () => {
  test.each([
    ['a generated bank of 200 questions', quizBank(200, 3), 'bank.md'],
    ...walk(FIXTURES)
      // Native quizzes: a file in another format reads into another model (tests/dialects/foreign.test.ts).
      .filter((file) => file.endsWith('.md') && dialectOf(readFileSync(file, 'utf8'), file).name === 'markdown')
      .map((file) => [file.slice(FIXTURES.length + 1), readFileSync(file, 'utf8'), file.slice(FIXTURES.length + 1)]),
  ])('%s', async (_name, text, file) => {
    const options = { cacheDir: join(dir, 'mlops-quiz') };
    const whole = parseQuizWhole(text, { file });
    expect(parseQuiz(text, { file, splitFrom: 0 })).toEqual(whole);
    expect(await parseQuizSource(source(text, file), options)).toEqual(whole); // parsed, then written
    expect(entries()).toHaveLength(1);
    const cached = decodeEntry(readFileSync(entryPath(options.cacheDir, cacheKey(text, { file }, MARKDOWN)), 'utf8'), cacheKey(text, { file }, MARKDOWN));
    expect(cached).toEqual(whole);
    expect(await parseQuizSource(source(text, file), options)).toEqual(whole); // read back
  });
});

describe('the cache on disk', () => {
  test('lives under $XDG_CACHE_HOME/mlops-quiz, else ~/.cache/mlops-quiz, else nowhere', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/a' })).toBe('/x/cache/mlops-quiz');
    expect(cacheDir({ HOME: '/home/a' })).toBe('/home/a/.cache/mlops-quiz');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/a' })).toBe('/home/a/.cache/mlops-quiz');
    expect(cacheDir({})).toBeNull();
  });

  test('the key changes with the text and with the name the file is shown by', () => {
    const key = cacheKey('# Q', { file: 'a.md' }, MARKDOWN);
    expect(cacheKey('# Q', { file: 'a.md' }, MARKDOWN)).toBe(key);
    expect(cacheKey('# Q!', { file: 'a.md' }, MARKDOWN)).not.toBe(key);
    expect(cacheKey('# Q', { file: 'b.md' }, MARKDOWN)).not.toBe(key);
  });

  test.each([
    ['truncated', (text: string) => text.slice(0, text.length - 20)],
    ['a changed byte', (text: string) => text.replace('"single"', '"singlE"')],
    ['not JSON', () => 'garbage\n'],
    ['empty', () => ''],
  ])('a corrupt entry (%s) is ignored and rewritten', async (_name, corrupt) => {
    const text = readFileSync(join(FIXTURES, 'seed', 'seed.md'), 'utf8');
    const options = { cacheDir: join(dir, 'mlops-quiz') };
    const fresh = await parseQuizSource(source(text, 'seed.md'), options);
    const path = entryPath(options.cacheDir, cacheKey(text, { file: 'seed.md' }, MARKDOWN));
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, corrupt(good));
    expect(await parseQuizSource(source(text, 'seed.md'), options)).toEqual(fresh);
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect(entries()).toEqual([path.split('/').pop()]); // no temporary file left behind
  });

  test('`validate` fills the cache, `--no-cache` neither reads nor writes it, and grading never touches it', async () => {
    const env = { XDG_CACHE_HOME: dir };
    const grading = ['run', 'tests/fixtures/seed/seed.md', '--answers', 'tests/fixtures/answers/seed-mixed.json'];
    const graded = await runInProcess(grading, { env });
    expect(entries()).toEqual([]);
    const uncached = await runInProcess(['validate', 'tests/fixtures/seed/seed.md', '--no-cache'], { env });
    expect(entries()).toEqual([]);
    const first = await runInProcess(['validate', 'tests/fixtures/seed/seed.md'], { env });
    expect(entries()).toHaveLength(1);
    const second = await runInProcess(['validate', 'tests/fixtures/seed/seed.md'], { env });
    expect([first.stdout, second.stdout]).toEqual([uncached.stdout, uncached.stdout]);
    expect(second.exitCode).toBe(uncached.exitCode);
    expect((await runInProcess(grading, { env })).stdout).toBe(graded.stdout);
  });

  // A checksum finds damage, not forgery: an entry edited with its checksum recomputed used to grade
  // wrong answers correct (while --no-cache graded them wrong). Grading reads no cache now.
  test('a forged entry (every option marked correct, checksum recomputed) changes no grade', async () => {
    const env = { XDG_CACHE_HOME: dir };
    const text = readFileSync(join(FIXTURES, 'seed', 'seed.md'), 'utf8');
    const file = 'tests/fixtures/seed/seed.md';
    await runInProcess(['validate', file], { env });
    const key = cacheKey(text, { file }, MARKDOWN);
    const path = entryPath(join(dir, 'mlops-quiz'), key);
    const result = decodeEntry(readFileSync(path, 'utf8'), key)!;
    const forged = JSON.parse(JSON.stringify(result)) as { quiz: { questions: { options?: { correct: boolean }[]; accepted?: string[] }[] } };
    for (const question of forged.quiz.questions) for (const option of question.options ?? []) option.correct = true;
    const body = JSON.stringify(forged);
    writeFileSync(path, `${key}\n${createHash('sha256').update(body).digest('hex')}\n${body}`);
    expect(decodeEntry(readFileSync(path, 'utf8'), key)).toEqual(forged); // the forgery is a well-formed entry
    const args = ['run', file, '--answers', 'tests/fixtures/answers/seed-mixed.json'];
    const cachedRun = await runInProcess(args, { env });
    const fresh = await runInProcess([...args, '--no-cache'], { env });
    expect(cachedRun).toEqual(fresh);
    expect(cachedRun.stdout).toContain('Score: 4/7');
  });

  test.each([
    ['null as the quiz with no error', '{"quiz":null,"errors":[],"warnings":[]}'],
    ['null as a question', '{"quiz":{"id":"q","title":"t","source":"s","passMark":70,"shuffle":false,"questions":[null]},"errors":[],"warnings":[]}'],
    ['a question of no kind', '{"quiz":{"id":"q","title":"t","source":"s","passMark":70,"shuffle":false,"questions":[{"kind":"nope"}]},"errors":[],"warnings":[]}'],
    ['a diagnostic without a place', '{"quiz":null,"errors":[{"severity":"error","message":"x"}],"warnings":[]}'],
  ])('an entry of the wrong shape with a good checksum (%s) is ignored and rewritten, not a crash', async (_name, body) => {
    const text = readFileSync(join(FIXTURES, 'seed', 'seed.md'), 'utf8');
    const options = { cacheDir: join(dir, 'mlops-quiz') };
    const fresh = await parseQuizSource(source(text, 'seed.md'), options);
    const key = cacheKey(text, { file: 'seed.md' }, MARKDOWN);
    const path = entryPath(options.cacheDir, key);
    writeFileSync(path, `${key}\n${createHash('sha256').update(body).digest('hex')}\n${body}`);
    expect(decodeEntry(readFileSync(path, 'utf8'), key)).toBeUndefined();
    expect(await parseQuizSource(source(text, 'seed.md'), options)).toEqual(fresh);
  });

  test('entries are 0600 in folders 0700', async () => {
    const text = readFileSync(join(FIXTURES, 'seed', 'seed.md'), 'utf8');
    const options = { cacheDir: join(dir, 'mlops-quiz') };
    await parseQuizSource(source(text, 'seed.md'), options);
    const path = entryPath(options.cacheDir, cacheKey(text, { file: 'seed.md' }, MARKDOWN));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(options.cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(options.cacheDir, 'quizzes')).mode & 0o777).toBe(0o700);
  });

  test('an unwritable cache folder is not an error', async () => {
    writeFileSync(join(dir, 'mlops-quiz'), 'a file where the folder should be');
    const result = await runInProcess(['run', 'tests/fixtures/seed/seed.md', '--answers', 'tests/fixtures/answers/seed-mixed.json'], { env: { XDG_CACHE_HOME: dir } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Score: 4/7');
  });
});

describe('bundled quizzes compiled at build time', () => {
  test('the compiled model of the default quiz equals parsing its Markdown', () => {
    const text = readFileSync(join(ROOT, 'quizzes', `${DEFAULT_QUIZ}.md`), 'utf8');
    const options = { file: DEFAULT_QUIZ, source: DEFAULT_QUIZ };
    const compiled = decodeCompiled(readFileSync(compiledPath(DEFAULT_QUIZ), 'utf8'), text, options);
    expect(compiled).toBeDefined();
    expect(compiled).toEqual(parseQuiz(text, options));
    expect(compiled?.quiz?.questions).toHaveLength(10);
    expect(decodeCompiled(readFileSync(compiledPath(DEFAULT_QUIZ), 'utf8'), `${text}\n# Edited`, options)).toBeUndefined();
  });

  test('running the bundled quiz writes no cache entry (its model ships in dist/)', async () => {
    writeFileSync(join(dir, 'answers.json'), '{ "answers": {} }');
    const result = await runInProcess(['run', '--answers', join(dir, 'answers.json')], { env: { XDG_CACHE_HOME: dir } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('mlops-deployment');
    expect(entries()).toEqual([]);
  });
});
