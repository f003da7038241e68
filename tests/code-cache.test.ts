/**
 * The scripts as the bundle runs them (docs/SPEED.md): dist/fast/*.cjs (`run` without commander, the
 * parser, its YAML reader, the session), loaded with V8's code cache that the build saved beside them
 * (src/code-cache.ts). The cache must be taken by V8, must never change a
 * result, and a cache of another build, or one V8 refuses, must only cost speed.
 * Needs `npm run build` first, as `npm test` does.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildId, buildMark, encodeCache, loadModule, readCache } from '../src/code-cache.js';
import * as source from '../src/quiz/parse-quiz.js';
import * as yamlReader from '../src/quiz/yaml-reader.js';
import { ROOT, tempFiles } from './helpers/cli.js';

type Core = typeof import('../src/quiz/parse-core.js');
const FAST = join(ROOT, 'dist', 'fast');
const CORE = join(FAST, 'parse-core.cjs');

const fixtures = ['seed/seed.md', 'format/all-kinds.md', 'format/multi-bom-crlf.md', ...readdirSync(join(ROOT, 'tests/fixtures/errors')).map((name) => `errors/${name}`)];

/** A copy of the built core in a folder of its own, with `cache` (bytes) as its cache file, or none. */
function coreCopy(name: string, cache?: Buffer): string {
  const file = tempFiles(`code-cache-${name}`)('parse-core.cjs', readFileSync(CORE));
  if (cache) writeFileSync(`${file}.v8cache`, cache);
  return file;
}

describe('the built scripts with their code cache', () => {
  test('V8 takes every cache the build saved', () => {
    for (const name of ['run', 'parse-core', 'yaml-reader', 'session']) expect(loadModule(join(FAST, `${name}.cjs`)).cache, name).toBe('accepted');
  });

  test('it parses every fixture as the source does: quiz, errors and warnings, positions included', () => {
    const core = loadModule<Core>(CORE).exports;
    core.provideYaml(loadModule<typeof yamlReader>(join(FAST, 'yaml-reader.cjs')).exports);
    for (const fixture of fixtures) {
      const text = readFileSync(join(ROOT, 'tests/fixtures', fixture), 'utf8');
      const options = { file: fixture, source: fixture };
      expect(core.parseQuiz(text, options), fixture).toEqual(source.parseQuiz(text, options));
    }
  });

  test('without the YAML reader, the core says so on front matter (the loader then gives it)', () => {
    const core = loadModule<Core>(CORE).exports;
    expect(() => core.parseQuiz('---\ntitle: T\n---\n# Q\n\n### Accepted Answers\n\n- a\n', { file: 'f.md' })).toThrow(core.NeedsYamlError);
  });
});

describe('a cache that does not fit only costs speed', () => {
  const seed = readFileSync(join(ROOT, 'tests/fixtures/seed/seed.md'), 'utf8');
  const expected = source.parseQuiz(seed, { file: 'seed.md' });
  const id = buildId(readFileSync(CORE, 'utf8'))!;
  const v8data = readCache(`${CORE}.v8cache`, id)!;

  test.each([
    ['no cache file', undefined, 'absent'],
    ["another build's cache", encodeCache('0123456789abcdef', v8data), 'absent'],
    ['a header alone', encodeCache(id, Buffer.alloc(0)), 'absent'],
    ['data V8 refuses', encodeCache(id, Buffer.from('not V8 data at all, just some bytes'.repeat(8))), 'rejected'],
    ['cut short', encodeCache(id, v8data.subarray(0, v8data.length >> 1)), 'rejected'],
  ] as const)('%s: %s', (name, cache, use) => {
    const loaded = loadModule<Core>(coreCopy(name.replace(/\W+/g, '-'), cache));
    expect(loaded.cache).toBe(use);
    expect(loaded.exports.parseQuiz(seed, { file: 'seed.md' })).toEqual(expected);
  });

  test('a module without a build id never takes a cache', () => {
    const file = tempFiles('code-cache-no-id')('plain.cjs', 'module.exports = { answer: 42 };\n');
    copyFileSync(`${CORE}.v8cache`, `${file}.v8cache`);
    expect(loadModule<{ answer: number }>(file)).toMatchObject({ exports: { answer: 42 }, cache: 'absent' });
  });
});

describe('build ids and cache files', () => {
  test('the id is read from the last line the build adds, and nothing else', () => {
    expect(buildId(`module.exports = 1;\n${buildMark('0f54237b89d0a9bf')}`)).toBe('0f54237b89d0a9bf');
    expect(buildId('module.exports = 1;\n')).toBeUndefined();
    expect(buildId(`x\n${buildMark('not-hex!')}`)).toBeUndefined();
    expect(buildId(`x\n${buildMark('abc')}`)).toBeUndefined(); // too short to be one
  });

  test('a cache file is its header and then V8 data, given back only for its own build', () => {
    const file = tempFiles('code-cache-file')('m.cjs.v8cache', encodeCache('aaaaaaaa', Buffer.from([1, 2, 3])));
    expect(readCache(file, 'aaaaaaaa')).toEqual(Buffer.from([1, 2, 3]));
    expect(readCache(file, 'bbbbbbbb')).toBeUndefined();
    expect(readCache(file, undefined)).toBeUndefined();
    expect(readCache(`${file}.missing`, 'aaaaaaaa')).toBeUndefined();
  });
});
