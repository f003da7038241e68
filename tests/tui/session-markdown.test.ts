/**
 * Markdown rendered for the terminal: every element the session draws, at two widths, with colour
 * (the styles asserted) and without (no Markdown punctuation left); never wider than the width, never
 * broken inside a word; quiz text sanitised.
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { renderHanging, renderInlineMarkdown, renderMarkdown } from '../../src/tui/render-markdown.js';
import { makeStyle } from '../../src/reporters/style.js';
import { textWidth } from '../../src/tui/wrap.js';

const plain = makeStyle(0);
const colour = makeStyle(1);
const ESC = '\u001b';

const PARAGRAPH =
  'Serving **one** prediction per request is *online* prediction: run `kubectl apply -f model.yaml` and read the [serving guide](https://example.com/serving) before you deploy anything to production.';

const DOCUMENT = `${PARAGRAPH}

- a bullet with **bold** text
- a second bullet that is long enough to wrap around at the narrower of the two widths
  1. a nested ordered item
  2. another one

1. first step
2. second step

- [x] a done task
- [ ] an open task

> A block quote with *emphasis* that is long enough to wrap at the narrower width, at least.

\`\`\`sh
kubectl rollout status deployment/model --timeout=120s   # a code line that is never re-wrapped
\`\`\`

    indented code block

| Test | Environment |
| --- | --- |
| Unit tests | Development |

~~struck~~ and a line  
break`;

function words(text: string): string[] {
  return stripVTControlCharacters(text).split(/\s+/).filter(Boolean);
}

describe.each([40, 72])('at %i columns', (width) => {
  const lines = renderMarkdown(DOCUMENT, { style: plain, width });
  const text = lines.join('\n');

  test('no line is wider than the width, except a code line, which is kept whole', () => {
    const wide = lines.filter((line) => textWidth(line) > width);
    expect(wide).toEqual(['  kubectl rollout status deployment/model --timeout=120s   # a code line that is never re-wrapped']);
  });

  test('no word is broken: the paragraph has the same words as its source, rendered', () => {
    const paragraph = renderMarkdown(PARAGRAPH, { style: plain, width });
    expect(words(paragraph.join(' '))).toEqual(words('Serving one prediction per request is online prediction: run kubectl apply -f model.yaml and read the serving guide (https://example.com/serving) before you deploy anything to production.'));
    expect(paragraph.length).toBeGreaterThan(width === 40 ? 4 : 2);
    for (const line of paragraph) expect(textWidth(line)).toBeLessThanOrEqual(width);
  });

  test('no Markdown punctuation is left for what was rendered', () => {
    expect(text).not.toMatch(/\*\*|`|~~|\[x\]|\[ \]|^>|^#|^\|/m);
    expect(text).not.toContain('](');
  });

  test('lists get bullets and numbers, nested lists and wrapped items are indented', () => {
    expect(text).toContain('• a bullet with bold text');
    expect(text).toMatch(/• a second bullet that is long enough to\s/);
    expect(text).toMatch(/\n {2}1\. a nested ordered item\n {2}2\. another one/);
    expect(text).toContain('1. first step\n2. second step');
    expect(text).toContain('• ☒ a done task\n• ☐ an open task');
    const wrapped = lines.findIndex((line) => line.startsWith('• a second bullet'));
    expect(lines[wrapped + 1]).toMatch(/^ {2}\S/);
  });

  test('block quotes get a bar on every line; code blocks are indented', () => {
    const quote = lines.filter((line) => line.startsWith('│ '));
    expect(quote.length).toBeGreaterThanOrEqual(width === 40 ? 3 : 2);
    expect(quote.map((line) => line.slice(2)).join(' ')).toBe('A block quote with emphasis that is long enough to wrap at the narrower width, at least.');
    expect(text).toContain('\n  indented code block\n');
  });

  test('a table is drawn as aligned columns', () => {
    expect(text).toMatch(/Test {8}Environment\n─{10} {2}─{11}\nUnit tests {2}Development/);
  });

  test('a hard line break is kept; strike-through loses its tildes', () => {
    expect(text).toMatch(/struck and a line\nbreak$/);
  });
});

describe('styles (with colour)', () => {
  const text = renderMarkdown(DOCUMENT, { style: colour, width: 72 }).join('\n');

  test('bold, italics, inline code, links, strike-through and code blocks are styled', () => {
    expect(text).toContain(`${ESC}[1mone${ESC}[22m`);
    expect(text).toContain(`${ESC}[3monline${ESC}[23m`);
    expect(text).toContain(`${ESC}[36mkubectl${ESC}[39m`);
    expect(text).toContain(`${ESC}[4mserving${ESC}[24m`);
    expect(text).toContain(`${ESC}[2m(https://example.com/serving)${ESC}[22m`);
    expect(text).toContain(`${ESC}[9mstruck${ESC}[29m`);
    expect(text).toContain(`${ESC}[36mindented code block${ESC}[39m`);
  });

  test('styles do not count toward the width', () => {
    for (const line of renderMarkdown(PARAGRAPH, { style: colour, width: 40 })) {
      expect(textWidth(stripVTControlCharacters(line))).toBeLessThanOrEqual(40);
    }
  });
});

describe('edges', () => {
  test('a word longer than the width gets a line of its own, unbroken', () => {
    const url = 'https://example.com/a/very/long/path/that/cannot/fit/anywhere';
    expect(renderMarkdown(`see ${url} now`, { style: plain, width: 20 })).toEqual(['see', url, 'now']);
  });

  test('wide characters count double', () => {
    expect(renderMarkdown('機械学習 機械学習 機械学習', { style: plain, width: 18 })).toEqual(['機械学習 機械学習', '機械学習']);
  });

  test('a link whose text is its URL is shown once', () => {
    expect(renderInlineMarkdown('<https://example.com>', plain)).toBe('https://example.com');
  });

  test('control characters and escape sequences are removed, bidi overrides shown', () => {
    const out = renderMarkdown('a \u001b]0;title\u0007b **c\u009b31m** `d\u0007` \u202e e', { style: plain, width: 80 }).join('\n');
    expect(out).toBe('a b c d <U+202E> e');
  });

  test('a hanging label indents the lines after it', () => {
    expect(renderHanging('one two three four five six', 'Hint: ', { style: plain, width: 20 })).toEqual(['Hint: one two three', '      four five six']);
  });
});
