/**
 * Per-question parsing with link reference definitions (issue 20): a single `]:` used to turn it off
 * (a 10,000-question bank: 29 s and 1.35 GiB instead of 9 s and 187 MiB). Now each question is parsed
 * on its own with the definitions of other questions it may use written after it, and the result is
 * the whole-file parse's, which these tests check on every fixture with definitions and references
 * added in several places.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { parseChunks } from '../../src/dialects/markdown/chunks.js';
import { parseQuiz, parseQuizWhole, sourceOf } from '../../src/dialects/markdown/read.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const walk = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));

/** References in titles, prompts and options, definitions at the end, in the middle and in a block quote. */
function withDefinitions(text: string): string {
  const lines = text.split('\n');
  const headings = lines.flatMap((line, index) => (/^# /.test(line) ? [index] : []));
  for (const [nth, index] of headings.entries()) {
    if (nth % 3 === 0) lines[index] = `${lines[index]} [Docs]`;
    if (nth % 3 === 1) lines[index] = `${lines[index]} see [the guide][guide]`;
  }
  const middle = headings[Math.floor(headings.length / 2)];
  if (middle !== undefined && middle > 0) lines.splice(middle, 0, '', '> [guide]: https://example.com/guide?a=1&amp;b=2 "The *guide*"', '');
  lines.push('', '[docs]: <https://example.com/docs (1)> \'Docs\\\' title\'', '', '- [x] a task: [docs] again', '');
  return lines.join('\n');
}

const cases: [string, string][] = [
  ['a generated bank of 60 questions', quizBank(60, 3)],
  ...walk(FIXTURES)
    .filter((file) => file.endsWith('.md'))
    .map((file): [string, string] => [file.slice(FIXTURES.length + 1), readFileSync(file, 'utf8')]),
];

describe('per-question parsing with definitions gives the whole-file model', () => {
  test.each(cases)('%s, with definitions and references added', (file, text) => {
    const source = withDefinitions(text);
    expect(parseQuiz(source, { file, splitFrom: 0 })).toEqual(parseQuizWhole(source, { file }));
  });

  test('a file with `]:` is read question by question, not whole (one chunk per question)', () => {
    const source = sourceOf(withDefinitions(quizBank(30, 3)));
    expect([...parseChunks(source)]).toHaveLength(30);
  });

  test('a title that is a reference reads as the link text, as in a whole parse', () => {
    const source = '# Question [Docs]\n\n### Possible Answers\n\n- a {Answer}\n- b\n\n# Two\n\n### Possible Answers\n\n- a {Answer}\n- b\n\n[docs]: https://example.com\n';
    const chunked = parseQuiz(source, { file: 'q.md', splitFrom: 0 });
    expect(chunked).toEqual(parseQuizWhole(source, { file: 'q.md' }));
    expect(chunked.quiz?.questions[0]?.title).toBe('Question Docs');
  });

  test('a label defined in two questions: the first wins, as in a whole parse', () => {
    const source = '# One [x]\n\n### Possible Answers\n\n- a {Answer}\n- b\n\n[x]: /one\n\n# Two [x]\n\n### Possible Answers\n\n- a {Answer}\n- b\n\n[x]: /two\n';
    expect(parseQuiz(source, { file: 'q.md', splitFrom: 0 })).toEqual(parseQuizWhole(source, { file: 'q.md' }));
  });
});
