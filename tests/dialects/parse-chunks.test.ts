/**
 * Per-question parsing must give exactly what a whole-file parse gives: the same top-level nodes with
 * the same positions, and so the same model and the same diagnostics (docs/DESIGN.md section 10).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { mustParseWhole, parseChunks, splitLines } from '../../src/dialects/markdown/chunks.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { parseRemark } from '../../src/dialects/markdown/remark.js';
import { parseQuiz, parseQuizWhole } from '../../src/dialects/markdown/read.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
const markdownFixtures = walk(FIXTURES).filter((file) => file.endsWith('.md'));

function chunkedChildren(source: string): unknown[] {
  return [...parseChunks(source)].flat();
}

function expectSameParse(text: string, file = 'quiz.md'): void {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  expect(chunkedChildren(source)).toEqual(parseRemark(source).children);
  expect(parseQuiz(text, { file, splitFrom: 0 })).toEqual(parseQuizWhole(text, { file }));
}

describe('per-question parsing equals a whole-file parse', () => {
  test('there are fixtures to check', () => expect(markdownFixtures.length).toBeGreaterThan(5));

  test.each(markdownFixtures.map((file) => [file.slice(FIXTURES.length), file]))('fixture %s', (_name, file) => {
    expectSameParse(readFileSync(file, 'utf8'), file);
  });

  test('a generated bank of 300 questions in the seed format: same model, positions included', () => {
    const text = quizBank(300, 7);
    expect(splitLines(text)).toHaveLength(299);
    const chunked = parseQuiz(text, { file: 'bank.md', splitFrom: 0 });
    expect(chunked.errors.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(chunked.quiz?.questions).toHaveLength(300);
    expect(chunked.quiz?.questions.map((q) => q.kind)).toEqual(expect.arrayContaining(['single', 'order', 'self']));
    expect(chunked).toEqual(parseQuizWhole(text, { file: 'bank.md' }));
  });

  test('errors keep their true file:line:column in a later chunk', () => {
    const text = '# One\n\n### Possible Answers\n\n- a {Answer}\n- b\n\n# Two\n\nno answer here\n\n# Three\n\n### Correct Order\n\n1. only\n';
    const result = parseQuiz(text, { file: 'q.md', splitFrom: 0 });
    expect(result.errors.map((d) => formatDiagnostic(d))).toEqual([
      'q.md:8:1: question 2 "Two" has no answer: add "### Possible Answers", "### Correct Order", "### Matches", "### Accepted Answers", "### Numeric Answer" or "### Blanks", or an answer image ![Answer](path)',
      'q.md:16:1: question 3 "Three": "### Correct Order" needs an ordered list of at least two items in their correct order (found 1)',
    ]);
    expect(result).toEqual(parseQuizWhole(text, { file: 'q.md' }));
  });

  test('the scan proposes no split inside front matter or fenced code', () => {
    const text = '---\ntitle: T\n# a YAML comment\n---\n# Q1\n\n```sh\n# not a heading\n```\n\n~~~~\n# nor this\n~~~\n~~~~\n# Q2\n';
    expect(splitLines(text).map((split) => split.line + 1)).toEqual([5, 15]);
    expectSameParse(text);
  });

  test('splits that the scan cannot rule out are proven, and refused when wrong', () => {
    // An HTML comment and a list-item fence that the scan takes for top-level: `# x` is still a heading
    // or still inside, and the per-question parse agrees with the whole-file parse either way.
    for (const text of [
      '# Q1\n\n<!--\n# inside a comment\n-->\n# Q2\n',
      '# Q1\n\n- item\n\n  ```\n# ends the list and the fence\n  ```\n# Q2 inside a fence\n',
      '# Q1\n\n<div>\n# inside an HTML block\n\n# Q2\n',
      'Title\n=====\n\n# Q2\n\nSetext\n===\n# Q3\n',
    ]) {
      expectSameParse(text);
    }
  });

  test('an opening `---` that never closes is parsed whole (fixture bugs/unclosed-front-matter.md, found by fast-check)', () => {
    // micromark's front-matter construct reads the list below as a paragraph in a whole-file parse,
    // and as a list when the heading starts a chunk of its own.
    const text = readFileSync(new URL('../fixtures/bugs/unclosed-front-matter.md', import.meta.url), 'utf8');
    expect(mustParseWhole(text)).toBe(true);
    expect(mustParseWhole(text.replace('---\n', '---\ntitle: x\n---\n'))).toBe(false);
    expectSameParse(text);
  });

  test('definitions are document-wide, so a file with `]:` is parsed whole', () => {
    const text = '# [Q1]\n\n### Accepted Answers\n\n- [yes]\n\n# Q2\n\n[yes]: https://example.com\n[q1]: /q1\n';
    expect(mustParseWhole(text)).toBe(true);
    expectSameParse(text);
  });
});

const fragment = fc.oneof(
  fc.constantFrom(
    '# Question',
    '# Question {#q}',
    '# Same title',
    '#',
    '#\tTabbed',
    '  # Indented heading',
    '#not a heading',
    'Setext\n===',
    'Setext two\n---',
    '### Possible Answers',
    '### Correct Order',
    '### Matches',
    '### Accepted Answers',
    '### Explanation',
    '### Hint',
    '### Unknown',
    '    Option one {Answer}\n    \n    \n    Option two',
    '    indented code',
    '- a {Answer}\n- b',
    '- [x] yes\n- [ ] no',
    '1. first\n2. second\n3. third',
    '| A | B |\n| --- | --- |\n| a | b |',
    '| A | B |',
    '```',
    '```sh\n# comment\n```',
    '~~~\n# tilde\n~~~',
    '  ```\n# fence in a list?\n  ```',
    '> quoted\n# after quote',
    '> ```\n# in a quoted fence',
    '<!-- comment',
    '-->',
    '<div>',
    '</div>',
    '<pre>\n# pre\n</pre>',
    '---',
    '***',
    '![Answer](images/a.png)',
    '[ref]: /url',
    '[ref] and [^1]',
    '[^1]: note',
    'plain *text* with `code`',
    '- list\n# right after',
    '- ```\n  # in list fence\n  ```',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

const document = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fragment, fc.constantFrom('\n', '\n\n', '\r\n', '\n\n\n')), { maxLength: 30 }),
  )
  .map(([front, parts]) => (front ? '---\ntitle: T\n# yaml comment\n---\n' : '') + parts.map(([text, end]) => text + end).join(''));

describe('property: per-question and whole-file parses agree on any input', () => {
  test('Markdown-ish documents from headings, fences, lists, tables and seed-style options', () => {
    fc.assert(
      fc.property(document, (text) => {
        expectSameParse(text);
      }),
      { numRuns: 300 },
    );
  });
});
