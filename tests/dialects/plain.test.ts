/**
 * Plain lines read without remark (src/dialects/markdown/plain.ts) must give remark's tree exactly,
 * node for node and position for position, or decline (null) and leave the text to remark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { splitLines } from '../../src/dialects/markdown/chunks.js';
import { parsePlain } from '../../src/dialects/markdown/plain.js';
import { parseRemark } from '../../src/dialects/markdown/remark.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
const markdownFixtures = walk(FIXTURES).filter((file) => file.endsWith('.md'));

/** What the chunked reader hands the parser: each question, and each question with the next heading line. */
function chunksOf(text: string): string[] {
  const splits = splitLines(text);
  const starts = [0, ...splits.map((split) => split.offset)];
  return starts.flatMap((start, index) => {
    const next = splits[index];
    return next === undefined ? [text.slice(start)] : [text.slice(start, next.offset), text.slice(start, next.end)];
  });
}

/** Whether parsePlain read `text`; fails the test if its tree differs from remark's in any way. */
function readsAsRemark(text: string): boolean {
  const plain = parsePlain(text);
  if (plain === null) return false;
  expect(plain, JSON.stringify(text)).toStrictEqual(parseRemark(text));
  return true;
}

describe('plain lines read as remark reads them', () => {
  test('every chunk of every Markdown fixture: remark’s tree, or declined', () => {
    let read = 0;
    let chunks = 0;
    for (const file of markdownFixtures) {
      for (const chunk of chunksOf(readFileSync(file, 'utf8'))) {
        chunks += 1;
        if (readsAsRemark(chunk)) read += 1;
      }
    }
    // Not vacuous: a good share of real questions is plain.
    expect(read).toBeGreaterThan(chunks / 10);
  });

  test('the questions of a bank in the seed format (prose, indented options, ordered lists) read plain', () => {
    const chunks = chunksOf(quizBank(200, 3));
    expect(chunks.filter((chunk) => readsAsRemark(chunk)).length).toBe(chunks.length);
  });

  test('the shapes of a short question, each read plain and equal to remark', () => {
    for (const text of [
      '# Q1\n### Accepted Answers\n- a1\n\n# Q2\n',
      '# What is 2 + 2? {#sum}\n\n### Possible Answers\n\n- [x] 4\n- [ ] 5\n- [X] four\n',
      '# Order\n\n### Correct Order\n\n1. first\n2. second\n10. tenth\n\n### Explanation\n\nBecause.\nOn two lines.\n',
      '# Self\n\nA prompt: what does it say?\n\n    Option one {Answer}\n    \n    \n    Option two\n      \n\n# Next\n',
      '# Two lists\n\n- a\n\n1) b\n2) c\n\n- d\n',
      '# Use `kubectl` {#k}\n\nRun `kubectl apply -f <file>` and\n`kubectl get *`.\n\n### Possible Answers\n\n- [x] `rollout undo`\n- [ ] ` spaced `\n- `a|b` and `*x*`\n',
      '# The **best** way\n\nPick *one*: the _first_, or __the second__.\n**Bold** starts a line, and `code` ends it `x`\n\n- **yes** {Answer}\n- *no*\n',
      '# Links\n\nSee [the docs](https://example.org/a_b) and [notes](notes.md).\n[Start](x) a line.\n\n- [a link](y) in an item\n',
      '# Fenced\n\nText.\n\n```sh\n# deploy the model\nkubectl apply -f model.yaml\n\n  *literal*\n```\n\n~~~~\n```\n~~~~\n',
      '',
      '\n\n',
      '# Q',
    ]) {
      expect(readsAsRemark(text), JSON.stringify(text)).toBe(true);
    }
  });

  test('what it declines: markup, and text CommonMark could read another way', () => {
    for (const text of [
      '# Q\n\nsome *emphasis *\n',
      '# Q\n\nsnake_case\n',
      '# Q\n\nin*word*emphasis\n',
      '# Q\n\n***both***\n',
      '# Q\n\n*nested **strong***\n',
      '# Q\n\n``double ticks``\n',
      '# Q\n\nan odd ` tick\n',
      '# Q\n\n- a\nlazy continuation\n',
      '# Q\n\ntext\n- a list that interrupts it\n',
      '# Q\n\ntext\n===\n',
      '# Closed #\n',
      '# Q\n\n  indented by two\n',
      '# Q\n\nline with a hard break  \nnext\n',
      '# Q\n\n| a | b |\n| - | - |\n',
      '---\ntitle: T\n---\n# Q\n',
      '# Q\n\n    code\n\n2. after code\n',
      '# Q\n\ta tab\n',
      '# Q\r\n',
      '# Q\n\n- a\n1. b\n',
      '# Q\n\nA &amp; B\n',
      '# Q\n\n<b>html</b>\n',
      '# Q\n\n[a reference] and [another][ref]\n',
      '# Q\n\n[a](with space)\n',
      '# Q\n\n[label]: /a-definition\n',
    ]) {
      expect(parsePlain(text), JSON.stringify(text)).toBeNull();
    }
  });

  test('generated text from plain and near-plain lines: remark’s tree, or declined', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '# Q1',
        '## Sub {#id}',
        '#  Spaced',
        '###### six',
        '####### seven',
        '# Title #',
        '# C# notes',
        '### Accepted Answers',
        '- a1',
        '- [x] yes',
        '- [ ] no',
        '- [X] Up',
        '- 1. nested?',
        '- - a',
        '- ',
        '-',
        '* star',
        '+ plus',
        '1. one',
        '2) two',
        '10. ten',
        '1.',
        '2024 was a year',
        'Some text here.',
        '{Answer} x',
        'ünï 𝒳 text',
        'trailing  ',
        'a | b',
        '---',
        '===',
        '  indented',
        '   three',
        '    code *x* {Answer}',
        '      deeper',
        '    ',
        '  ',
        '        ',
        '\tTab',
        '> quote',
        '```',
        '```sh',
        '~~~',
        '````',
        ' ```',
        '``` sh',
        '```a`b',
        '# in code?',
        '![Answer](images/a.png)',
        '![](x)',
        '![a b](x y)',
        '![*a*](x.png)',
        '![Answer](a.png) x',
        '![A](<a.png>)',
        '![A](a(b).png)',
        'a `x` b',
        '`y` starts',
        'ends `z`',
        '- `k` item',
        '- [x] `done`',
        '1. `one` two',
        '# H `c`',
        'a ` x ` b',
        'a `  ` b',
        'a ``x`` b',
        'odd ` tick',
        '`*not em*` <x>',
        '**Bold** start',
        'a *it* b',
        'a _it_ b.',
        'x __s__, y',
        'snake_case',
        'a*b*c',
        '*x *',
        '***x***',
        '**a**b',
        '(*a*)',
        '- **yes** {Answer}',
        '# A *b*',
        'see [docs](https://x.org/a_b) now',
        '[a](b) starts',
        '![a](b) x',
        'a![b](c)',
        '[a] b',
        '[ a](b)',
        '[a](<b>)',
        '[*a*](b)',
        '[a](b)c](d)',
        '[a [b](c)](d)',
        '[a]: b',
        '- [a](b) c',
        '',
        '',
      ),
      fc.stringMatching(/^[a-z #\-[\]x.1)*_`<|]{0,12}$/),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.boolean(), (lines, newline) => {
        if (readsAsRemark(lines.join('\n') + (newline ? '\n' : ''))) read += 1;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(100);
  });
});
