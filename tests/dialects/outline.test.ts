/**
 * The folder menu's glance at a quiz (src/dialects/markdown/outline.ts) must say what the full parse says:
 * the same title and the same number of questions. Checked on every native fixture and bundled quiz,
 * on the block structures where a line scan could part from remark, and on generated documents made
 * of them; the errors it claims to see must be errors of the full parse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { dialectOf } from '../../src/dialects/index.js';
import { outlineQuiz } from '../../src/dialects/markdown/outline.js';
import { parseQuiz, sourceOf } from '../../src/dialects/markdown/read.js';
import { parseMarkdown } from '../../src/dialects/markdown/remark.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

/** Level-1 headings at the top level of remark's tree: the questions the reader starts. */
function remarkCount(text: string): number {
  return parseMarkdown(sourceOf(text)).children.filter((node) => node.type === 'heading' && node.depth === 1).length;
}

/** The glance's count (after any front matter, as remark reads it). */
function scanCount(text: string): number {
  return outlineQuiz(text, 'quiz.md').questions;
}

const fixtures = [...markdownFiles(join(root, 'tests', 'fixtures')), ...markdownFiles(join(root, 'quizzes'))]
  .map((path) => ({ name: relative(root, path), text: readFileSync(path, 'utf8') }))
  .filter(({ name, text }) => dialectOf(text, name).name === 'markdown');

describe('the glance equals the full parse', () => {
  test('there are native fixtures to compare', () => {
    expect(fixtures.length).toBeGreaterThan(40);
  });

  test('a generated bank (fenced code with `#` comments, indented option blocks): the same count and title', () => {
    const text = `---\ntitle: Bank\n---\n\n${quizBank(300, 5)}`;
    const full = parseQuiz(text, { file: 'bank.md' });
    expect(outlineQuiz(text, 'bank.md')).toEqual({ title: 'Bank', questions: full.quiz!.questions.length, errors: 0 });
    expect(full.quiz!.questions).toHaveLength(300);
  });

  test.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s: the same title and question count', (_name, { name, text }) => {
    const outline = outlineQuiz(text, name);
    const full = parseQuiz(text, { file: name });
    if (full.errors.some((error) => error.code === 'too-deep' || error.code === 'too-long')) {
      // Refused before remark: the glance sees that too, and never parses the text.
      expect(outline.errors).toBeGreaterThan(0);
      return;
    }
    expect(outline.questions).toBe(remarkCount(text));
    if (full.quiz !== null) {
      expect(outline.title).toBe(full.quiz.title);
      expect(outline.questions).toBe(full.quiz.questions.length);
      expect(outline.errors).toBe(0);
    }
    // What the glance calls an error is one.
    if (outline.errors > 0) expect(full.quiz).toBeNull();
  });
});

/** Blocks where a line scan could see a heading remark does not, or miss one it does. */
const TRICKY: readonly string[] = [
  'a\n===\n',
  'a\nb\n=\n',
  '  a\n  ===\n',
  'a\n    ===\n',
  'a\n\n===\n',
  '- a\n===\n',
  '> a\n===\n',
  '> a\n# b\n',
  '- a\n# b\n',
  '1. a\n# b\n',
  '- a\n  # b\n',
  '- a\n\n  # b\n',
  '- a\n\n# b\n',
  '- a\nb\n# c\n',
  '   # three spaces\n',
  '    # code\n',
  '#\n',
  '#\tTab\n',
  '#NoSpace\n',
  '## Two\n# One\n',
  '```\n# in code\n```\n# out\n',
  '~~~~\n# in\n~~~\n# still in\n~~~~\n# out\n',
  '``` a`b\n# a heading: not a fence\n',
  '   ```\n# in\n   ```\n',
  '- a\n  ```\n# b\n  ```\n',
  '<div>\n# in html\n</div>\n\n# out\n',
  '<!--\n# in a comment\n-->\n# out\n',
  '<!-- one line -->\n# out\n',
  '<script>\n# in\n\n# still in\n</script>\n# out\n',
  '<custom-tag>\n# in\n\n# out\n',
  'text\n<custom-tag>\n# heading\n',
  '| a | b |\n| - | - |\n===\n',
  '| a | b |\n| - | - |\n# b\n',
  '[a]: /b\n===\n',
  '***\n===\n',
  'a\n---\n===\n',
  '- a\n\n  b\n===\n',
  '> a\n\n===\n',
  '> a\nlazy\n===\n',
  'Title\nover two lines\n===\n# Next\n',
  '---\ntitle: x\n---\n# Q\n',
  '---\ntitle: x\n# Q\n',
  '\t# tab indented\n',
  '  \t# two spaces and a tab\n',
  '* a\n\n      code\n# b\n',
  '2. a\n# b\n',
  'para\n2. not a list\n===\n',
  'para\n-\n# b\n',
  'a | b\n| a | b |\n| - | - |\n| c | d |\nTitle\n===\n',
  'a\nb | c\n- | -\nd\n===\n',
  '| a |\n| - | - |\n===\n',
  'a|b\n-|-\n===\n',
  '| a |\n| - |\n    code\n===\n',
  '| a |\n| - |\n> q\n===\n',
  '---\n# Question\n---\n# Q\n',
  '\\| a \\| b |\n| - |\n===\n',
  '[ref]: /url\n    # indented\n===\n',
  '[a]: b\n===\n===\n',
  '---\n> quote\nTitle\n===\n',
  '---\n# Q\n1. a\n2. b\n===\n',
  '---\n\n- item\n===\n',
];

describe('the line scan finds what remark finds', () => {
  test.each(TRICKY.map((text) => [JSON.stringify(text), text] as const))('%s', (_shown, text) => {
    expect(scanCount(text)).toBe(remarkCount(text));
  });

  test('any document of quiz blocks: the same count (generated)', () => {
    const block = fc.constantFrom(
      '# Question',
      'Title\n===',
      'Para\nmore',
      '- item\n- item {Answer}',
      '1. one\n2. two',
      '> quote',
      '```\n# code\n```',
      '~~~\ncode',
      '<div>\n# html',
      '<!--\n# comment\n-->',
      '| a | b |\n| - | - |\n| c | d |',
      '***',
      '### Possible Answers',
      '    # indented',
      '[ref]: /url',
      '===',
      '---',
      'a | b',
    );
    const gap = fc.constantFrom('\n', '\n\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(block, gap), { maxLength: 12 }), (parts) => {
        const text = parts.map(([text, after]) => text + after).join('');
        expect(scanCount(text)).toBe(remarkCount(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the title and the errors it sees', () => {
  test('front matter title, else the file name; a refused front matter is an error', () => {
    expect(outlineQuiz('---\ntitle: "Serving: basics"\n---\n# Q\n', 'a/b.md')).toEqual({ title: 'Serving: basics', questions: 1, errors: 0 });
    expect(outlineQuiz('# Q\n', 'a/bank.md')).toEqual({ title: 'bank', questions: 1, errors: 0 });
    expect(outlineQuiz('\ufeff---\r\ntitle: CRLF\r\n---\r\n# Q\r\n', 'c.md')).toEqual({ title: 'CRLF', questions: 1, errors: 0 });
    expect(outlineQuiz('---\ntitle: [unclosed\n---\n# Q\n', 'd.md').errors).toBe(1);
    expect(outlineQuiz('---\ntitel: Typo\n---\n# Q\n', 'e.md').errors).toBe(1);
  });

  test('no question at all is an error the reader reports too', () => {
    expect(outlineQuiz('Just notes.\n', 'README.md')).toEqual({ title: 'README', questions: 0, errors: 1 });
    expect(parseQuiz('Just notes.\n', { file: 'README.md' }).errors.map((error) => error.code)).toEqual(['no-questions']);
  });

  test('a text the guards refuse is an error, seen without parsing', () => {
    const deep = `# Q\n\n${'>'.repeat(150)} deep\n`;
    expect(outlineQuiz(deep, 'deep.md').errors).toBe(1);
    expect(parseQuiz(deep, { file: 'deep.md' }).errors.map((error) => error.code)).toEqual(['too-deep']);
  });
});
