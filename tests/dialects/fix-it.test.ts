/**
 * The mistakes that reach learners, each found at its exact place with the fix (issue 19; docs/FORMAT.md
 * "Every problem validate reports"): section headings at the wrong level, misspelt sections and
 * front matter keys, near-miss answer marks, `#Title` without its space, Matches cells, YAML quotes,
 * and the images a quiz shows. Every message is checked whole, with its line and column.
 */
import { describe, expect, test } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics.js';
import { nearest } from '../../src/core/nearest.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

const read = (text: string) => parseQuiz(text, { file: 'q.md' });
const all = (text: string): Diagnostic[] => {
  const result = read(text);
  return [...result.errors, ...result.warnings];
};
const lines = (text: string): string[] => all(text).map((d) => formatDiagnostic(d, true));
const md = (...rows: string[]): string => `${rows.join('\n')}\n`;

describe('nearest known name', () => {
  test.each([
    ['Posible Answers', 'Possible Answers'],
    ['possible answer', 'Possible Answers'],
    ['Possible Answers:', 'Possible Answers'],
    ['Explaination', 'Explanation'],
    ['Hints', 'Hint'],
    ['passmark', 'passMark'],
    ['pass_mark', 'passMark'],
    ['shufle', 'shuffle'],
    ['ID', 'id'],
  ])('%s -> %s', (name, expected) => {
    expect(nearest(name, ['Possible Answers', 'Correct Order', 'Matches', 'Accepted Answers', 'Explanation', 'Hint', 'title', 'id', 'passMark', 'shuffle'])).toBe(expected);
  });

  test.each([['Notes for the teacher'], ['author'], ['Background'], ['by']])('%s is near nothing', (name) => {
    expect(nearest(name, ['Possible Answers', 'Correct Order', 'Matches', 'Accepted Answers', 'Explanation', 'Hint', 'title', 'id', 'passMark', 'shuffle'])).toBeUndefined();
  });
});

describe('section headings that make no section', () => {
  test('## Explanation in the prompt: the learner would read it before answering', () => {
    const text = md('# Offline', '', 'Which one?', '', '## Explanation', '', 'Batch.', '', '### Possible Answers', '', '- Batch {Answer}', '- Online');
    expect(lines(text)).toEqual([
      'q.md:5:1: warning: "## Explanation" in question 1 "Offline" is a level-2 heading, so learners see it in the prompt, before they answer; sections are level-3 headings: write "### Explanation"',
    ]);
    expect(all(text)[0]!.suggestion).toBe('### Explanation');
    // The quiz still runs, and the heading is in the prompt, as the warning says.
    expect(read(text).quiz!.questions[0]!.prompt).toContain('## Explanation');
  });

  test('#### Hint after a section is read as part of it', () => {
    const text = md('# Offline', '', '### Accepted Answers', '', '- batch', '', '### Explanation', '', 'Batch.', '', '#### Hint', '', 'Daily.');
    expect(lines(text)).toEqual([
      'q.md:11:1: warning: "#### Hint" in question 1 "Offline" is a level-4 heading, so it is read as part of "### Explanation"; sections are level-3 headings: write "### Hint"',
    ]);
  });

  test('## Hint under an unknown section is ignored with it', () => {
    expect(lines(md('# Offline', '', '### Accepted Answers', '', '- batch', '', '### Notes', '', '## Hint', '', 'Daily.'))[1]).toBe(
      'q.md:9:1: warning: "## Hint" in question 1 "Offline" is a level-2 heading, so it is ignored with "### Notes"; sections are level-3 headings: write "### Hint"',
    );
  });

  test('a level-2 heading that names no section is prompt text, with no warning', () => {
    expect(lines(md('# Offline', '', '## Background', '', 'Some text.', '', '### Accepted Answers', '', '- batch'))).toEqual([]);
  });

  test.each([
    ['### Posible Answers', 'q.md:3:1: error: question 1 "Two" has no answer: "### Posible Answers" is not a known section; did you mean "### Possible Answers"?'],
    ['### Options', 'q.md:3:1: error: question 1 "Two" has no answer: "### Options" is not a known section; did you mean "### Possible Answers"?'],
    ['## Possible Answers', 'q.md:3:1: error: question 1 "Two" has no answer: "## Possible Answers" is a level-2 heading, and sections are level-3 headings: write "### Possible Answers"'],
    ['#### Possible Answers', 'q.md:3:1: error: question 1 "Two" has no answer: "#### Possible Answers" is a level-4 heading, and sections are level-3 headings: write "### Possible Answers"'],
    ['### Correct Ordr', 'q.md:3:1: error: question 1 "Two" has no answer: "### Correct Ordr" is not a known section; did you mean "### Correct Order"?'],
  ])('%s, the only answer section: one error at that heading, and no separate warning', (heading, expected) => {
    const text = md('# Two', '', heading, '', '- a {Answer}', '- b');
    expect(lines(text)).toEqual([expected]);
    expect(all(text)[0]!.suggestion).toBe(expected.match(/"(### [^"]+)"\??$/)![1]);
  });

  test('an unknown section near a known one, in a question that has its answer, is a warning with "did you mean"', () => {
    const text = md('# Two', '', '### Accepted Answers', '', '- a', '', '### Explanaton', '', 'Because.');
    expect(lines(text)).toEqual(['q.md:7:1: warning: unknown section "### Explanaton" in question 1 "Two" is ignored; did you mean "### Explanation"?']);
    expect(all(text)[0]!.suggestion).toBe('### Explanation');
  });

  test('an unknown section near nothing says which are known and how to fix it, with no suggestion', () => {
    const text = md('# Two', '', '### Accepted Answers', '', '- a', '', '### Notes', '', 'Mine.');
    const [only] = all(text);
    expect(formatDiagnostic(only!, true)).toBe(
      'q.md:7:1: warning: unknown section "### Notes" in question 1 "Two" is ignored (known: Possible Answers, All That Apply, Correct Order, Matches, Accepted Answers, Numeric Answer, Blanks, Explanation, Hint); rename it to one of those, or remove it',
    );
    expect(only!.suggestion).toBeUndefined();
  });
});

describe('near-miss answer marks', () => {
  test('in a list: each at the mark itself, and the option is not marked correct', () => {
    const text = md('# Marks', '', '### Possible Answers', '', '- first {Answer}', '- second {Anwser}', '- third (Answer)', '- [ ] fourth { Answer }', '- fifth [Answer]', '- sixth {answers}');
    const says = (mark: string): string => `in question 1 "Marks", "${mark}" ends an option but is not the answer mark: learners see it as part of the option, which is not marked correct; did you mean "{Answer}"?`;
    expect(lines(text)).toEqual([
      `q.md:6:10: warning: ${says('{Anwser}')}`,
      `q.md:7:9: warning: ${says('(Answer)')}`,
      `q.md:8:14: warning: ${says('{ Answer }')}`,
      `q.md:9:9: warning: ${says('[Answer]')}`,
      `q.md:10:9: warning: ${says('{answers}')}`,
    ]);
    expect(all(text).every((d) => d.code === 'answer-mark' && d.suggestion === '{Answer}')).toBe(true);
    const question = read(text).quiz!.questions[0]!;
    expect(question.kind === 'single' && question.options.map((option) => option.correct)).toEqual([true, false, false, false, false, false]);
  });

  test("in the seed's indented block: at the mark's line and column", () => {
    const text = md('# Marks', '', '### Possible Answers', '', '', '    Output validation {Anwser}', '', '', '    Input validation {Answer}');
    expect(lines(text)).toEqual([
      'q.md:6:23: warning: in question 1 "Marks", "{Anwser}" ends an option but is not the answer mark: learners see it as part of the option, which is not marked correct; did you mean "{Answer}"?',
    ]);
  });

  test('words that only look like marks are left alone', () => {
    expect(lines(md('# Marks', '', '### Possible Answers', '', '- a function f(x) {Answer}', '- a list [1, 2]', '- the (default)', '- {Ans}'))).toEqual([]);
  });
});

describe('a heading without its space', () => {
  test('#Title between questions: a warning at it, and the run-on error names it', () => {
    const text = md('# One', '', '### Accepted Answers', '', '- a', '', '#Two', '', '### Possible Answers', '', '- b {Answer}', '- c');
    expect(lines(text)).toEqual([
      'q.md:9:1: error: question 1 "One" has "### Accepted Answers" and "### Possible Answers": a question takes one answer section; "#Two" at line 7 is not a heading (no space after "#"), so what follows it belongs to this question: write "# Two"',
      'q.md:7:1: warning: "#Two" is text, not a heading (no question starts here): a heading needs a space after its "#"; write "# Two"',
    ]);
    expect(all(text)[1]!.suggestion).toBe('# Two');
  });

  test('#Title as the first line: the warning replaces "text before the first question"', () => {
    expect(lines(md('#Only', '', '### Accepted Answers', '', '- a'))).toEqual([
      'q.md:1:1: error: no questions: each question starts with a level-1 heading (`# Title`, a space after the `#`); write one above each question',
      'q.md:1:1: warning: "#Only" is text, not a heading (no question starts here): a heading needs a space after its "#"; write "# Only"',
      'q.md:3:1: warning: text before the first question (a level-1 heading) is ignored; start a question with `# Title` above it, or remove it',
      'q.md:5:1: warning: text before the first question (a level-1 heading) is ignored; start a question with `# Title` above it, or remove it',
    ]);
  });

  test('###Hint inside a question', () => {
    expect(lines(md('# One', '', '### Accepted Answers', '', '- a', '', '###Hint', 'Think.'))).toEqual([
      'q.md:7:1: warning: "###Hint" is text, not a heading (no section starts here): a heading needs a space after its "#"; write "### Hint"',
    ]);
  });

  test('#1 and escaped \\#hash are not headings anyone meant', () => {
    expect(lines(md('# One', '', '#1 priority is uptime.', '', '\\#hashtag', '', '### Accepted Answers', '', '- a'))).toEqual([]);
  });
});

describe('Matches cells', () => {
  test('an extra cell at the cell, a missing one where it should be, an empty one at the cell; every row reported', () => {
    const text = md('# Tests', '', '### Matches', '', '| Test | Env |', '| --- | --- |', '| Unit | Dev | Often |', '| Smoke |', '|  | Prod |', '| Load | Staging |');
    expect(lines(text)).toEqual([
      'q.md:7:14: error: question 1 "Tests": this row of the matches table has 3 cells, and the table 2 columns, so "Often" would be dropped; keep two cells: the left item and its match',
      'q.md:8:10: error: question 1 "Tests": this row of the matches table has no second cell; add the match of "Smoke" (`| Smoke | match |`)',
      'q.md:9:1: error: question 1 "Tests": a cell of the matches table is empty; every row needs a left item',
    ]);
    expect(read(text).quiz).toBeNull();
  });
});

describe('front matter', () => {
  test.each([
    ['passmark: 60', 'q.md:2:1: error: unknown front matter key `passmark`: as written, the pass mark stays 70; did you mean `passMark`?', 'passMark'],
    ['pass-mark: 60', 'q.md:2:1: error: unknown front matter key `pass-mark`: as written, the pass mark stays 70; did you mean `passMark`?', 'passMark'],
    ['Title: Serving', 'q.md:2:1: error: unknown front matter key `Title`: as written, the quiz keeps the file name as its title; did you mean `title`?', 'title'],
    ['ID: serving', "q.md:2:1: error: unknown front matter key `ID`: as written, the quiz's id stays the slug of the file name; did you mean `id`?", 'id'],
    ['shufle: true', 'q.md:2:1: error: unknown front matter key `shufle`: as written, the questions keep the file order unless --shuffle is given; did you mean `shuffle`?', 'shuffle'],
  ])('%s is an error at the key, with the key to write', (line, expected, suggestion) => {
    const text = md('---', line, '---', '# Q', '', '### Accepted Answers', '', '- a');
    expect(lines(text)).toEqual([expected]);
    expect(all(text)[0]!.suggestion).toBe(suggestion);
    expect(read(text).quiz).toBeNull();
  });

  test('a key near nothing is a warning at the key', () => {
    expect(lines(md('---', 'title: T', 'author: Jane', '---', '# Q', '', '### Accepted Answers', '', '- a'))).toEqual([
      'q.md:3:1: warning: unknown front matter key `author` is ignored (known: title, id, passMark, shuffle); remove it, or keep it if another tool reads it',
    ]);
  });

  test.each([
    ['a double quote never closed, on line 2: at the quote', ['---', 'title: "Serving', 'passMark: 60', '---'], 'q.md:2:8: error: front matter is not valid YAML: the " opened here is never closed; end the text with "'],
    ["a single quote never closed, on line 3: at the quote", ['---', 'id: x', "title: 'Serving", '---'], "q.md:3:8: error: front matter is not valid YAML: the ' opened here is never closed; end the text with '"],
    ['a value holding ": "', ['---', 'title: Serving: the basics', '---'], 'q.md:2:8: error: front matter is not valid YAML: a value holds ": "; put the value in quotes (title: "Serving: the basics")'],
    ['not a mapping', ['---', '- a', '- b', '---'], 'q.md:1:1: error: front matter must be a mapping of keys: write one `key: value` per line (title, id, passMark, shuffle)'],
    ['an unclosed flow sequence: at its `[`, the YAML message, and how to fix it', ['---', 'title: [a', '---'], 'q.md:2:8: error: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML (quote values that hold ": " or start with a special character)'],
    ['an unclosed flow mapping: at its `{`', ['---', 'title: T', 'tags: {a: 1', '---'], 'q.md:3:7: error: front matter is not valid YAML: Flow map in block collection must be sufficiently indented and end with a }; fix the YAML (quote values that hold ": " or start with a special character)'],
    ['an empty title: at the value', ['---', 'title: ""', '---'], 'q.md:2:8: error: front matter `title` must be a non-empty string; write the title, or remove the key to use the file name'],
    ['an id with a space: at the value', ['---', 'passMark: 60', 'id: my quiz', '---'], "q.md:3:5: error: front matter `id` must be letters, digits, '-', '_', '.' or ':', starting with a letter or digit; change it, or remove the key to use the file name's slug"],
  ])('%s', (_name, front, expected) => {
    expect(lines(md(...front, '# Q', '', '### Accepted Answers', '', '- a'))).toEqual([expected]);
  });
});

describe('the images a quiz shows, with their places', () => {
  test('prompt, option, hint, explanation and answer images; an ignored answer image is not among them', () => {
    const text = md(
      '# Draw',
      '',
      'Look at ![the chart](img/chart.png "Chart").',
      '',
      '![Answer](img/answer.png)',
      '',
      '# Pick',
      '',
      '![Answer](img/ignored.png)',
      '',
      '### Possible Answers',
      '',
      '- ![a](img/a.png) {Answer}',
      '- b',
      '',
      '### Hint',
      '',
      '![hint](https://example.com/h.png)',
      '',
      '### Explanation',
      '',
      '> ![why](img/why%20this.png)',
    );
    const result = read(text);
    expect(result.images).toEqual([
      { url: 'img/chart.png', line: 3, column: 9, question: 1, title: 'Draw', answer: false },
      { url: 'img/answer.png', line: 5, column: 1, question: 1, title: 'Draw', answer: true },
      { url: 'img/a.png', line: 13, column: 3, question: 2, title: 'Pick', answer: false },
      { url: 'https://example.com/h.png', line: 18, column: 1, question: 2, title: 'Pick', answer: false },
      { url: 'img/why%20this.png', line: 22, column: 3, question: 2, title: 'Pick', answer: false },
    ]);
    // Read question by question, the same images, numbered across the file.
    expect(parseQuiz(text, { file: 'q.md', splitFrom: 0 }).images).toEqual(result.images);
  });
});

test('a file with every new mistake reads the same whole and question by question', () => {
  const text = md(
    '---',
    'passmark: 60',
    '---',
    '# One',
    '',
    '## Explanation',
    '',
    '### Possible Answers',
    '',
    '- a {Anwser}',
    '- b {Answer}',
    '',
    '# Two',
    '',
    '### Posible Answers',
    '',
    '- a {Answer}',
    '',
    '# Three',
    '',
    '### Matches',
    '',
    '| A | B |',
    '| --- | --- |',
    '| x | y | z |',
    '',
    '#Four',
    '',
    '![Answer](x.png)',
  );
  const whole = parseQuiz(text, { file: 'q.md', splitFrom: Infinity });
  const split = parseQuiz(text, { file: 'q.md', splitFrom: 0 });
  expect(split).toEqual(whole);
  expect(whole.errors.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['2:1 unknown-key', '15:1 no-answer', '25:9 bad-matches']);
  expect(whole.warnings.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['6:1 section-level', '10:5 answer-mark', '27:1 heading-space']);
});
