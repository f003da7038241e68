/**
 * The folder menu's glance at a quiz file (src/store/outlines.ts): cached in `menu/` of the cache folder,
 * reused while the file is unchanged and made again when it changes; a foreign dialect's file parsed in
 * full only when small; nothing written without a cache folder.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dialectBank } from '../../bench/dialect-banks.mjs';
import { dialectOf } from '../../src/dialects/index.js';
import { decodeBody, encodeEntry } from '../../src/store/cache.js';
import { FOREIGN_PARSE_UP_TO, outlineFile } from '../../src/store/outlines.js';
import { tempDir } from '../helpers/temp.js';

const QUESTION = (title: string): string => `# ${title}\n\n### Possible Answers\n\n- A {Answer}\n- B\n`;

function setUp(): { dir: string; cache: string; quiz: string } {
  const dir = tempDir('outlines');
  const cache = join(dir, 'cache');
  const quiz = join(dir, 'quiz.md');
  writeFileSync(quiz, `---\ntitle: First\n---\n\n${QUESTION('One')}`);
  return { dir, cache, quiz };
}

/** The one menu entry in the cache: its path, key and body. */
function menuEntry(cache: string): { path: string; key: string; body: Record<string, unknown> } {
  const names = readdirSync(join(cache, 'menu'));
  expect(names).toHaveLength(1);
  const key = names[0]!.replace(/\.json$/, '');
  const path = join(cache, 'menu', names[0]!);
  return { path, key, body: decodeBody(readFileSync(path, 'utf8'), key) as Record<string, unknown> };
}

describe('the cached glance', () => {
  test('read once, then taken from its entry while the file is unchanged', async () => {
    const { dir, cache, quiz } = setUp();
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toEqual({ title: 'First', questions: 1, errors: 0, dialect: 'markdown' });
    const entry = menuEntry(cache);
    expect(statSync(entry.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(cache, 'menu')).mode & 0o777).toBe(0o700);
    // An entry made well after its file last changed is taken as it is: its title shown, the text not read
    // (here it no longer matches the text's hash, which only a racily clean entry is checked against).
    const later = (entry.body.made as number) + 60_000;
    writeFileSync(entry.path, encodeEntry(entry.key, { ...entry.body, title: 'From the cache', questions: 41, parsed: '0'.repeat(64), made: later }));
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toMatchObject({ title: 'From the cache', questions: 41 });
    // The glance parses nothing: no parse cache entry.
    expect(existsSync(join(cache, 'quizzes'))).toBe(false);
  });

  test('racily clean: an entry made within 2 s of its file changing is used only while the text hashes the same', async () => {
    const { dir, cache, quiz } = setUp();
    await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache });
    const entry = menuEntry(cache);
    writeFileSync(entry.path, encodeEntry(entry.key, { ...entry.body, title: 'From the cache' }));
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toMatchObject({ title: 'From the cache', questions: 1 });
    // A second write in the same clock tick would keep the stat: the hash tells it apart.
    writeFileSync(entry.path, encodeEntry(entry.key, { ...entry.body, title: 'From the cache', parsed: '0'.repeat(64) }));
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toMatchObject({ title: 'First', questions: 1 });
  });

  test('made again when the file changes, even to the same size with its modification time put back', async () => {
    const { dir, cache, quiz } = setUp();
    await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache });
    writeFileSync(quiz, `---\ntitle: Second\n---\n\n${QUESTION('One')}\n${QUESTION('Two')}`);
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toMatchObject({ title: 'Second', questions: 2 });
    const before = statSync(quiz);
    writeFileSync(quiz, `---\ntitle: Thirds\n---\n\n${QUESTION('One')}\n${QUESTION('Two')}`);
    utimesSync(quiz, before.atime, before.mtime);
    expect(statSync(quiz).size).toBe(before.size);
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toMatchObject({ title: 'Thirds', questions: 2 });
  });

  test('a damaged or forged-shape entry is ignored and written again', async () => {
    const { dir, cache, quiz } = setUp();
    await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache });
    const entry = menuEntry(cache);
    writeFileSync(entry.path, encodeEntry(entry.key, { ...entry.body, questions: -3 }));
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toMatchObject({ title: 'First', questions: 1 });
    writeFileSync(entry.path, `${readFileSync(entry.path, 'utf8')}x`);
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: cache })).toMatchObject({ title: 'First', questions: 1 });
    expect(menuEntry(cache).body).toMatchObject({ title: 'First', questions: 1 });
  });

  test('without a cache folder (--no-cache) nothing is written', async () => {
    const { dir, cache, quiz } = setUp();
    expect(await outlineFile(quiz, 'quiz.md', dir, { cacheDir: null })).toMatchObject({ title: 'First', questions: 1 });
    expect(existsSync(cache)).toBe(false);
  });
});

describe('foreign dialects in the folder', () => {
  test('a small one is parsed in full (through the parse cache): its title, count and errors are exact', async () => {
    const dir = tempDir('outlines-foreign');
    const cache = join(dir, 'cache');
    const text = dialectBank('github', 5);
    expect(dialectOf(text, 'github.md').name).toBe('github');
    writeFileSync(join(dir, 'github.md'), text);
    const outline = await outlineFile(join(dir, 'github.md'), 'github.md', dir, { cacheDir: cache });
    expect(outline).toMatchObject({ questions: 5, errors: 0, dialect: 'github' });
    expect(readdirSync(join(cache, 'quizzes'))).toHaveLength(1);
  });

  test('a large one is listed by its file name, not counted and not parsed', async () => {
    const dir = tempDir('outlines-foreign-large');
    const cache = join(dir, 'cache');
    let count = 100;
    let text = dialectBank('github', count);
    while (text.length <= FOREIGN_PARSE_UP_TO) text = dialectBank('github', (count *= 2));
    writeFileSync(join(dir, 'big-bank.md'), text);
    expect(await outlineFile(join(dir, 'big-bank.md'), 'big-bank.md', dir, { cacheDir: cache })).toEqual({ title: 'big-bank', questions: null, errors: 0, dialect: 'github' });
    expect(existsSync(join(cache, 'quizzes'))).toBe(false);
  });
});
