import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import type { Question } from '../../src/core/kinds/index.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

function parsed(text: string, file = 'quiz.md'): Quiz {
  const result = parseQuiz(text, { file });
  expect(result.errors.map((d) => formatDiagnostic(d))).toEqual([]);
  expect(result.quiz).not.toBeNull();
  return result.quiz!;
}

function only<K extends Question['kind']>(question: Question | undefined, kind: K): Extract<Question, { kind: K }> {
  expect(question?.kind).toBe(kind);
  return question as Extract<Question, { kind: K }>;
}

describe('the seed file, byte for byte', () => {
  const quiz = parsed(fixture('seed/seed.md'), 'seed.md');

  test('has 10 questions: 7 single choice and 3 self-assessed, numbered in file order', () => {
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.questions.map((q) => q.kind)).toEqual([
      'single', 'single', 'single', 'single', 'single', 'self', 'self', 'single', 'self', 'single',
    ]);
    expect(quiz.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('ids are GitHub heading slugs of the titles', () => {
    expect(quiz.questions.map((q) => q.id)).toEqual([
      'offline-or-online',
      'when-time-matters---a-bit',
      'client-server',
      'api-functionalities',
      'which-test-is-it',
      'progression-through-environments',
      'tests-per-environment',
      'a-fitting-deployment-strategy',
      'order-of-risk',
      'shadow-of-the-shadow',
    ]);
  });

  test('the indented option block splits on blank lines and {Answer} is a mark, not text', () => {
    const first = only(quiz.questions[0], 'single');
    expect(first.options).toEqual([
      { text: 'Stream processing', correct: false },
      { text: '"Batch" a.k.a. "offline" a.k.a. "static" prediction', correct: true },
      { text: '"Online" a.k.a. "dynamic" prediction', correct: false },
    ]);
    const api = only(quiz.questions[3], 'single');
    expect(api.options.map((o) => o.text)).toEqual(['Output validation', 'Authentication', 'Input validation', 'Throttling']);
    expect(api.options.findIndex((o) => o.correct)).toBe(2);
    const last = only(quiz.questions[9], 'single');
    expect(last.options[2]).toEqual({
      text: 'Every request is processed by both the old and new model, which can increase the service latency.',
      correct: true,
    });
  });

  test('image answers make self-assessed questions with the image path', () => {
    expect(only(quiz.questions[5], 'self').image).toBe('images/ch_03-01.png');
    expect(only(quiz.questions[8], 'self').image).toBe('images/ch_03-03.png');
    expect(quiz.questions[5]!.prompt).toBe('What is the sequence of environments through which we deploy and test our models until we finally make our service available to the end user?');
  });

  test('the prompt is the Markdown between the heading and the first section', () => {
    const prompt = quiz.questions[0]!.prompt;
    expect(prompt.startsWith('In this lesson, you learned')).toBe(true);
    expect(prompt.endsWith('the most reasonable choice would be:')).toBe(true);
    expect(prompt).not.toContain('###');
  });

  test('without front matter: the file name is the title, its slug the id, pass mark 70', () => {
    expect(quiz.title).toBe('seed');
    expect(quiz.id).toBe('seed');
    expect(quiz.passMark).toBe(70);
    expect(quiz.shuffle).toBe(false);
  });

  test('a UTF-8 BOM, CRLF line endings and tab indentation read the same as the plain file', () => {
    const plain = fixture('seed/seed.md');
    const variants = [
      `\ufeff${plain}`,
      plain.replace(/\n/g, '\r\n'),
      `\ufeff${plain.replace(/\n/g, '\r\n')}`,
      plain.replace(/^ {4}/gm, '\t'),
    ];
    for (const variant of variants) expect(parsed(variant, 'seed.md')).toEqual(quiz);
  });
});

describe('every question kind (docs/DESIGN.md section 3)', () => {
  const quiz = parsed(fixture('format/all-kinds.md'), 'tests/fixtures/format/all-kinds.md');

  test('front matter sets title, id, pass mark and shuffle', () => {
    expect(quiz).toMatchObject({ title: 'Every kind of question', id: 'all-kinds', passMark: 60, shuffle: false });
  });

  test('a list with one {Answer} is single choice; explicit ids, explanation and hint are read', () => {
    const q = only(quiz.questions[0], 'single');
    expect(q.id).toBe('serving');
    expect(q.title).toBe('Serving mode');
    expect(q.options.map((o) => [o.text, o.correct])).toEqual([
      ['Batch prediction', false],
      ['Online prediction', true],
      ['Offline scoring', false],
    ]);
    expect(q.prompt).toBe('Which mode serves **one** prediction per request?');
    expect(q.explanation).toBe('Online prediction answers each request as it comes.');
    expect(q.hint).toBe('Think of a request from a user.');
  });

  test('GFM task items: [x] correct, [ ] wrong; two correct make multiple choice', () => {
    const q = only(quiz.questions[1], 'multiple');
    expect(q.options.map((o) => [o.text, o.correct])).toEqual([
      ['Canary deployment', true],
      ['Big-bang release', false],
      ['Shadow deployment', true],
      ['Deleting the old model', false],
    ]);
  });

  test('Correct Order, Matches, Accepted Answers, an answer image', () => {
    expect(only(quiz.questions[2], 'order').items).toEqual(['Development', 'Staging', 'Production']);
    const match = only(quiz.questions[3], 'match');
    expect(match.labels).toEqual(['Test', 'Environment']);
    expect(match.pairs).toEqual([
      { left: 'Unit tests', right: 'Development' },
      { left: 'Integration tests', right: 'Staging' },
      { left: 'Smoke tests', right: 'Production' },
      { left: 'Load tests', right: 'Staging' },
    ]);
    expect(only(quiz.questions[4], 'text').accepted).toEqual(['kubectl', 'kubectl apply']);
    expect(only(quiz.questions[5], 'self').image).toBe('images/pipeline.png');
  });

  test('two {Answer} marks in the seed style make multiple choice', () => {
    const q = only(quiz.questions[6], 'multiple');
    expect(q.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['Monitoring', 'Alerting']);
  });

  test('a BOM + CRLF file with two {Answer} marks reads as multiple choice, like its LF twin', () => {
    const lf = parsed(fixture('format/multi-lf.md'), 'multi.md');
    const crlf = parsed(fixture('format/multi-bom-crlf.md'), 'multi.md');
    expect(fixture('format/multi-bom-crlf.md')).toMatch(/^\ufeff[^]*\r\n/);
    expect(crlf).toEqual(lf);
    expect(lf.questions[0]!.kind).toBe('multiple');
    expect(lf.questions[1]!.kind).toBe('single');
  });
});

describe('ids and numbers (docs/DESIGN.md section 4)', () => {
  test('repeated titles get -1, -2; an explicit id reserves its slug', () => {
    const text = ['# Same', '# Same', '# Same {#x}', '# X', '# Same'].map((h) => `${h}\n\n### Accepted Answers\n\n- a\n`).join('\n');
    expect(parsed(text).questions.map((q) => q.id)).toEqual(['same', 'same-1', 'x', 'x-1', 'same-2']);
  });

  test('titles slug as GitHub makes heading anchors', () => {
    const titles = ['When time matters - a bit', 'Use `kubectl` *now*!', 'Ünïcödé & more', 'C++ / C#'];
    const text = titles.map((t) => `# ${t}\n\n### Accepted Answers\n\n- a\n`).join('\n');
    expect(parsed(text).questions.map((q) => q.id)).toEqual(['when-time-matters---a-bit', 'use-kubectl-now', 'ünïcödé--more', 'c--c']);
  });

  test('the quiz id is the slug of the base name without .md', () => {
    const text = '# Q\n\n### Accepted Answers\n\n- a\n';
    expect(parseQuiz(text, { file: 'some/dir/My Quiz.md' }).quiz).toMatchObject({ id: 'my-quiz', title: 'My Quiz', source: 'some/dir/My Quiz.md' });
    expect(parseQuiz(text, { file: 'x.md', source: 'bundled-name' }).quiz?.source).toBe('bundled-name');
  });
});

describe('errors and warnings with file:line:column (docs/DESIGN.md section 3)', () => {
  const problems = (name: string) => {
    const result = parseQuiz(fixture(name), { file: name });
    return { errors: result.errors.map((d) => formatDiagnostic(d)), warnings: result.warnings.map((d) => formatDiagnostic(d)), quiz: result.quiz };
  };

  test.each([
    ['errors/no-answer.md', ['errors/no-answer.md:8:1: question 2 "Nothing to answer" has no answer']],
    ['errors/no-correct.md', ['errors/no-correct.md:3:1: question 1 "No correct option": no option is marked correct']],
    ['errors/short-order.md', ['errors/short-order.md:5:1: question 1 "Order of one": "### Correct Order" needs an ordered list of at least two items']],
    [
      'errors/bad-matches.md',
      [
        'errors/bad-matches.md:5:1: question 1 "Three columns": the matches table has 3 columns',
        // At the empty cell itself.
        'errors/bad-matches.md:16:1: question 2 "Empty cell": a cell of the matches table is empty; every row needs a left item',
        'errors/bad-matches.md:20:1: question 3 "No table": "### Matches" needs a two-column table',
      ],
    ],
    ['errors/duplicate-ids.md', ['errors/duplicate-ids.md:7:1: duplicate id {#same}: already used by the question at errors/duplicate-ids.md:1:1']],
    ['errors/empty.md', ['errors/empty.md:1:1: no questions']],
  ])('%s', (name, expected) => {
    const { errors, quiz } = problems(name);
    expect(quiz).toBeNull();
    expect(errors).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(errors[index]).toContain(start));
  });

  test('an unknown level-3 section is a warning, and the quiz is usable', () => {
    const { errors, warnings, quiz } = problems('errors/unknown-section.md');
    expect(errors).toEqual([]);
    expect(quiz?.questions).toHaveLength(1);
    expect(warnings).toEqual([expect.stringContaining('errors/unknown-section.md:8:1: warning: unknown section "### Notes"')]);
  });

  test('two answer sections in one question are an error at the second', () => {
    const text = '# Both\n\n### Possible Answers\n\n- a {Answer}\n- b\n\n### Correct Order\n\n1. x\n2. y\n';
    expect(parseQuiz(text, { file: 'q.md' }).errors.map((d) => formatDiagnostic(d))).toEqual([
      expect.stringContaining('q.md:8:1: question 1 "Both" has "### Possible Answers" and "### Correct Order"'),
    ]);
  });

  test('front matter problems point at the offending line; a misspelt known key is an error', () => {
    const text = '---\ntitle: Fine\npassMark: 150\nshufle: true\nauthor: me\n---\n# Q\n\n### Accepted Answers\n\n- a\n';
    const result = parseQuiz(text, { file: 'f.md' });
    expect(result.errors.map((d) => formatDiagnostic(d))).toEqual([
      expect.stringContaining('f.md:3:11: front matter `passMark` must be a number from 0 to 100'),
      expect.stringContaining('f.md:4:1: unknown front matter key `shufle`: as written, the questions keep the file order unless --shuffle is given; did you mean `shuffle`?'),
    ]);
    expect(result.warnings.map((d) => formatDiagnostic(d))).toEqual([expect.stringContaining('f.md:5:1: warning: unknown front matter key `author` is ignored')]);
  });

  test('every error of every question is reported, none for the good ones', () => {
    const good = '# Good\n\n### Possible Answers\n\n- a {Answer}\n- b\n\n';
    const text = `${good}# Bad one\n\ntext\n\n${good.replace('Good', 'Good too')}# Bad two\n\n### Possible Answers\n\n- a\n- b\n`;
    const errors = parseQuiz(text, { file: 'm.md' }).errors.map((d) => formatDiagnostic(d));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('m.md:8:1: question 2 "Bad one" has no answer');
    expect(errors[1]).toContain('m.md:21:1: question 4 "Bad two": no option is marked correct');
  });
});
