/**
 * The house (docs/ARCHITECTURE.md): src/core/ and src/dialects/ are pure (no file system, process,
 * terminal or prompt library), src/core/ imports nothing from outside itself, only bin/ touches
 * `process`, and no module imports itself through a circle (madge, as a maintainer would run it).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, test } from 'vitest';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every module specifier a file imports (static, dynamic and re-exports; type-only ones too). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]!);
}

const IMPURE = /^(node:)?(fs|fs\/promises|child_process|readline|tty|process|worker_threads|os|net)$|^chalk$|^@inquirer\//;
const pure = [...walk('src/core'), ...walk('src/dialects'), ...walk('src/exporters')].filter((file) => file.endsWith('.ts'));

describe('src/core/, src/dialects/ and src/exporters/ are pure', () => {
  test('there are modules to check', () => expect(pure.length).toBeGreaterThan(20));
  test.each(pure)('%s imports no file system, process, terminal or prompt library', (file) => {
    expect(imports(file).filter((name) => IMPURE.test(name))).toEqual([]);
    expect(readFileSync(file, 'utf8')).not.toMatch(/\bprocess\.\w/);
  });
  test.each(pure.filter((file) => file.startsWith('src/core')))('%s imports nothing from outside src/core/', (file) => {
    const outside = imports(file)
      .filter((name) => name.startsWith('.'))
      .map((name) => normalize(join(dirname(file), name)))
      .filter((path) => !path.startsWith('src/core/'));
    expect(outside).toEqual([]);
  });
});

test('only bin/ touches process', () => {
  const offending = walk('src').filter((file) => /\bprocess\.(env|exit|stdout|stderr|stdin|argv|cwd|on|once|exitCode)\b/.test(readFileSync(file, 'utf8')));
  expect(offending).toEqual([]);
});

test('madge finds no import circle in src/', () => {
  const out = execFileSync(process.execPath, ['node_modules/madge/bin/cli.js', '--circular', '--json', '--extensions', 'ts', '--ts-config', 'tsconfig.json', 'src/'], { encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual([]);
});
