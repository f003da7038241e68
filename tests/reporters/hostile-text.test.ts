/**
 * Nothing forged in a report (issue 20): titles are one line (a setext heading over two lines used to
 * put a line `Score: 9/9 (100%) PASSED` into the text report of a failed quiz); one rule for invisible
 * and direction-changing characters; CSV cells a spreadsheet would run as formulas are neutralised as
 * OWASP recommends; a YAML alias to a scalar is read as that scalar.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sanitize, sanitizeLine, safeJson, stripForMachines } from '../../src/core/sanitize.js';
import { csvField } from '../../src/reporters/csv.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { ROOT, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const SETEXT = 'tests/fixtures/hostile/setext-title.md';

describe('titles are one line', () => {
  test('a setext title over two lines: one line in the model and in the text report; no forged score line', async () => {
    const dir = tempDir('setext');
    writeFileSync(join(dir, 'a.json'), '{"answers": {"1": "B", "2": "B"}}');
    const result = await runInProcess(['run', SETEXT, '--answers', join(dir, 'a.json'), '--no-cache']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n').filter((line) => /^Score:/.test(line))).toEqual(['Score: 0/2 (0%) FAILED (pass mark 70%)']);
    expect(result.stdout).toMatch(/^1\. First line of a title Score: 9\/9 \(100%\) PASSED +incorrect$/m);
  });

  test('YAML line breaks in the front matter title become spaces', () => {
    const result = parseQuiz('---\ntitle: "A\\nScore: 1/1 (100%) PASSED"\n---\n\n# Q\n\n### Possible Answers\n\n- a {Answer}\n- b\n', { file: 'q.md' });
    expect(result.quiz?.title).toBe('A Score: 1/1 (100%) PASSED');
  });

  test('a YAML alias to a scalar is read as that scalar (it used to be refused as a title)', () => {
    const result = parseQuiz('---\nid: &name shared-title\ntitle: *name\n---\n\n# Q\n\n### Possible Answers\n\n- a {Answer}\n- b\n', { file: 'q.md' });
    expect(result.errors).toEqual([]);
    expect(result.quiz?.title).toBe('shared-title');
  });

  test('an alias of a collection is still refused', () => {
    const result = parseQuiz('---\nlist: &items [a, b]\ntitle: *items\n---\n\n# Q\n\n### Possible Answers\n\n- a {Answer}\n- b\n', { file: 'q.md' });
    expect(result.errors.map((error) => error.message)).toContain('front matter `title` must be a non-empty string; write the title, or remove the key to use the file name');
  });
});

describe('one rule for invisible and direction-changing characters', () => {
  const marks: [string, string][] = [
    ['LRM', '\u200e'],
    ['RLM', '\u200f'],
    ['ALM', '\u061c'],
    ['RLO', '\u202e'],
    ['RLI', '\u2067'],
    ['ZWSP', '\u200b'],
    ['word joiner', '\u2060'],
    ['BOM inside text', '\ufeff'],
  ];
  test.each(marks)('%s: shown to people as <U+XXXX>, removed for machines, escaped in JSON', (_name, mark) => {
    const code = `<U+${mark.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
    expect(sanitize(`a${mark}b`)).toBe(`a${code}b`);
    expect(stripForMachines(`a${mark}b`)).toBe('ab');
    expect(safeJson(`a${mark}b`)).not.toContain(mark);
    expect(JSON.parse(safeJson(`a${mark}b`))).toBe(`a${mark}b`);
  });

  test('U+2028 and U+2029 are line breaks: a new line in text, a space in a one-line text', () => {
    expect(sanitize('a\u2029b\u2028c')).toBe('a\nb\nc');
    expect(sanitizeLine('a\u2029Score: 1/1')).toBe('a Score: 1/1');
  });

  test('the joiners emoji and scripts need are kept', () => {
    expect(sanitize('👩\u200d💻 \u0645\u200c\u06cc')).toBe('👩\u200d💻 \u0645\u200c\u06cc');
  });
});

describe('CSV formula injection (OWASP)', () => {
  test.each([
    ['=HYPERLINK("http://x.example","click")', `"'=HYPERLINK(""http://x.example"",""click"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\tleading tab', `"'\tleading tab"`],
    ['plain.json', 'plain.json'],
    ['a=b', 'a=b'],
  ])('%j becomes %s', (text, cell) => {
    expect(csvField(text)).toBe(cell);
  });

  test('numbers stay numbers, negative ones included', () => {
    expect(csvField(-0.5)).toBe('-0.5');
  });

  test('grade --format csv: a submission named =cmd.json is a text cell', async () => {
    const dir = tempDir('csv-formula');
    writeFileSync(join(dir, '=cmd.json'), '{"answers": {"1": "A"}}');
    const result = await runInProcess(['grade', join(ROOT, SETEXT), '=cmd.json', '--format', 'csv'], { cwd: dir });
    expect(result.stdout.split('\r\n')[1]).toBe(`"'=cmd.json",1,2,50,false,1,0,`);
  });

  test('stats --format csv: a title starting with = is a text cell', async () => {
    const dir = tempDir('csv-stats');
    const result = await runInProcess(['stats', SETEXT, '--format', 'csv'], { env: { XDG_STATE_HOME: dir } });
    expect(result.stdout).toContain(`"'=HYPERLINK(""http://x.example"",""click"")"`);
  });
});
