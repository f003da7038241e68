/** The core (parse, model, grade, score) is pure: no file system, no process, no terminal (DESIGN.md section 2). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const CORE = ['src/quiz', 'src/grade'];
const EDGE_FILES = new Set(['src/quiz/load.ts', 'src/quiz/cache.ts', 'src/quiz/parse-workers.ts', 'src/quiz/parse-worker.ts']);
const FORBIDDEN = /from '(node:)?(fs|fs\/promises|child_process|readline|tty|process|worker_threads)'|from 'chalk'|from '@inquirer\/[^']+'|\bprocess\.(env|exit|stdout|stderr|stdin|argv|cwd)\b/;

const files = CORE.flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => `${dir}/${name}`)).filter((file) => !EDGE_FILES.has(file));

describe('the core imports nothing of the terminal, the file system or the process', () => {
  test('there are core files to check', () => expect(files.length).toBeGreaterThan(5));
  test.each(files)('%s', (file) => {
    const offending = readFileSync(file, 'utf8').split('\n').filter((line) => FORBIDDEN.test(line));
    expect(offending).toEqual([]);
  });
});

test('only bin/ touches process', () => {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`]));
  const offending = walk('src').filter((file) => /\bprocess\.(env|exit|stdout|stderr|stdin|argv|cwd|on|once|exitCode)\b/.test(readFileSync(file, 'utf8')));
  expect(offending).toEqual([]);
});
