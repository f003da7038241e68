/**
 * The foreign dialects (docs/DESIGN.md section 12) on real public files (tests/fixtures/dialects/*,
 * SOURCES.md; expectations from NOTES.md) and on files written here from each grammar (own-*):
 * detection, counts, kinds, right answers, left-out warnings, titles, and the round trip through
 * native Markdown (`convert`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { kindOf, type Question } from '../../src/core/kinds/index.js';
import type { Quiz, ReadResult } from '../../src/core/quiz.js';
import { DIALECTS, dialectNamed, dialectOf, readUndetected } from '../../src/dialects/index.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { writeMarkdown } from '../../src/dialects/markdown/write.js';
import { cut, indexAfter, titleFrom } from '../../src/dialects/shared/foreign.js';

const ROOT = new URL('../fixtures/dialects/', import.meta.url);
const FOREIGN = ['datacamp', 'gift', 'github', 'mkdocs-quiz', 'quizdown'];
const FILES = FOREIGN.flatMap((dialect) => readdirSync(new URL(`${dialect}/`, ROOT)).map((name) => ({ dialect, name, path: `${dialect}/${name}` })));

const text = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

async function read(path: string): Promise<ReadResult> {
  const file = join('dialects', path);
  const entry = dialectOf(text(path), file);
  return (await entry.load()).read(text(path), { file });
}

async function quizOf(path: string): Promise<Quiz> {
  const result = await read(path);
  expect(result.errors.map((d) => formatDiagnostic(d))).toEqual([]);
  return result.quiz!;
}

const expected = (question: Question) => kindOf(question).expected(question);
const summary = (quiz: Quiz) => quiz.questions.map((q) => [q.kind, expected(q)]);
const leftOut = (result: ReadResult) => result.warnings.filter((d) => d.code === 'left-out' || d.code === 'ignored').map((d) => `${d.line}: ${d.message.replace(/^question left out: /, '')}`);

test('every fixture is detected as the dialect of its folder; native quizzes stay native', () => {
  for (const file of FILES) expect([file.path, dialectOf(text(file.path), file.name).name]).toEqual([file.path, file.dialect]);
  for (const native of ['../format/all-kinds.md', '../format/new-kinds.md', '../seed/seed.md']) expect(dialectOf(text(native), 'quiz.md').name).toBe('markdown');
  expect(DIALECTS.at(-1)!.name).toBe('markdown');
});

describe('gift', () => {
  test('real: a Moodle export with multi-line feedback (NOTES.md)', async () => {
    const quiz = await quizOf('gift/gift-pegjs-multiline-feedback-html-export.gift');
    expect(quiz.questions.map((q) => q.kind)).toEqual(['single', 'single']);
    const [first, second] = quiz.questions as [Extract<Question, { kind: 'single' }>, Extract<Question, { kind: 'single' }>];
    expect(expected(first)).toBe('right answer');
    expect(first.options.find((o) => o.correct)!.feedback).toBe('Very good!');
    expect(first.options[1]!.feedback).toBe('feedback comment on this wrong answer\non multiple lines');
    expect(first.explanation).toBe('Global feedback split\non multiple lines');
    expect(second.title).toBe("06- création d'instance");
    expect(second.options).toHaveLength(6);
    expect(second.options.findIndex((o) => o.correct)).toBe(4);
    expect(second.options[4]!.text).toContain('ContrôleurAbonnement');
  });
  test('real: a Spanish exam question with [moodle] answers', async () => {
    const quiz = await quizOf('gift/gift-pegjs-moodle-export-spanish-html.gift');
    expect(quiz.questions[0]).toMatchObject({ kind: 'single', title: 'EE_mod_05_T39_P079' });
    expect(expected(quiz.questions[0]!)).toBe('Nunca.');
  });
  test('own: every construct, and every reason to leave a question out', async () => {
    const result = await read('gift/own-every-construct.gift');
    const quiz = result.quiz!;
    expect(summary(quiz)).toEqual([
      ['single', 'Online prediction'],
      ['single', 'a small share of'],
      ['single', 'False'],
      ['match', { Development: 'writing code', Staging: 'checking a release', Production: 'serving users' }],
      ['numeric', '6'],
      ['numeric', '3.14 ± 0.01'],
      ['numeric', '1 to 5'],
      ['numeric', '2021'],
      ['text', 'kubectl apply'],
      ['blank', ['four']],
      ['multiple', ['Blue-green', 'Canary']],
      ['single', '= 2 + 3'],
    ]);
    const [serving, canary, rollback] = quiz.questions as Extract<Question, { kind: 'single' }>[];
    expect(serving).toMatchObject({ title: 'Serving mode', prompt: 'Which serving mode answers **one request** at a time?', explanation: 'Online serving keeps a model warm behind an API.' });
    expect(serving!.options.map((o) => o.feedback)).toEqual(['Right: one request, one answer.', 'Batch scores many rows at once.', undefined]);
    expect(canary).toMatchObject({ title: 'A canary release sends _____ traffic to the new version.', prompt: 'A canary release sends _____ traffic to the new version.' });
    expect(canary!.options.map((o) => o.text)).toEqual(['all', 'a small share of', 'no']);
    expect(rollback!.options).toEqual([
      { text: 'True', correct: false, feedback: 'Right, it can need one.' },
      { text: 'False', correct: true, feedback: 'It often does not, but sometimes it does.' },
    ]);
    expect(quiz.questions[11]).toMatchObject({ prompt: 'Which expression is right: 2 + 3 = 5 or {x}?' });
    expect(quiz.questions[11]!.kind === 'single' && quiz.questions[11]!.options.map((o) => o.text)).toEqual(['= 2 + 3', '~ 2 + 4', '# 2 + 5']);
    expect(quiz.questions[7]).toMatchObject({ answers: [{ value: 2021, tolerance: 0 }] });
    expect(leftOut(result)).toEqual([
      '50: an essay question (`{}`) has no answer to grade',
      '52: it has no answer block `{...}` (a description, not a question)',
      '54: its answer block is not closed: `{` and `}` do not pair (escape a literal one as `\\{` or `\\}`)',
      '56: no answer is given full marks (`=answer`)',
      '58: no answer is marked right (`=answer`, or `~%50%answer` weights)',
      '60: a numeric answer block holds no number with full marks (`{#3.14:0.01}`, `{#1..5}`)',
    ]);
  });
  test("Moodle's readings: `~=` is a right answer, CRLF and tabs are nothing special, a stray `\";` makes a gap", async () => {
    const { gift } = await import('../../src/dialects/gift/index.js');
    const result = gift.read('::Q::Pick.\r\n{\r\n\t~wrong\r\n\t~=right\r\n}\r\n\r\n::Q5:: What is a number from 1 to 5? {#3:2~#Completely wrong}";\r\n', { file: 'q.gift' });
    expect(summary(result.quiz!)).toEqual([['single', 'right'], ['numeric', '3 ± 2']]);
    expect(result.quiz!.questions[1]!.prompt).toBe('What is a number from 1 to 5? _____";');
  });
});

describe('mkdocs-quiz', () => {
  test('real: the demo quiz (NOTES.md)', async () => {
    const quiz = await quizOf('mkdocs-quiz/mkdocs-quiz-demo-quiz.md');
    expect(quiz.title).toBe('Demo Quiz');
    expect(summary(quiz)).toEqual([['single', 'Paris'], ['blank', ['Hello world']], ['multiple', ['Python', 'JavaScript']]]);
    expect(quiz.questions[0]).toMatchObject({ title: 'What is the capital of France?', explanation: 'Did you know: The Eiffel Tower grows by about 6 inches in the summer heat.' });
    expect(quiz.questions[1]).toMatchObject({ title: 'The above code prints _____ to the terminal.', explanation: null });
  });
  test('real: fill in the blanks, quizzes in content tabs and in code fences', async () => {
    const quiz = await quizOf('mkdocs-quiz/mkdocs-quiz-docs-fill-in-blank.md');
    expect(summary(quiz)).toEqual([
      ['blank', ['Paris']],
      ['blank', ['Guido van Rossum', '1991']],
      ['blank', ['4']],
      ['blank', ['print', 'printing press']],
      ['blank', ['Jupiter']],
    ]);
    expect(quiz.questions[2]!.explanation).toBe("That's correct! Basic arithmetic is fundamental to programming.");
  });
  test('real: multiple choice with feedback (NOTES.md)', async () => {
    const quiz = await quizOf('mkdocs-quiz/mkdocs-quiz-docs-multiple-choice.md');
    expect(quiz.questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'single', 'single', 'single', 'single', 'multiple']);
    expect(expected(quiz.questions[0]!)).toBe('4 _(not `four`)_');
    expect(expected(quiz.questions[1]!)).toEqual(['2', '4']);
    expect(expected(quiz.questions[2]!)).toBe('Yes');
    const q6 = quiz.questions[5] as Extract<Question, { kind: 'single' }>;
    expect(expected(q6)).toBe('4');
    expect(q6.options.map((o) => o.feedback).filter(Boolean)).toEqual(['Nope, but close!', 'Amazing!', 'No. Stop it.']);
    expect(q6.explanation).toBe('Anything else in this section should be prepended.');
    const q7 = quiz.questions[6] as Extract<Question, { kind: 'multiple' }>;
    expect(expected(q7)).toEqual(['Banana', 'Pineapple']);
    expect(q7.options.find((o) => o.text === 'Orange')!.feedback).toBe('Oranges are _Orange_.');
    expect(q7.options.find((o) => o.text === 'Blueberry')!.feedback!.split('\n')).toHaveLength(3);
  });
  test('own: every construct, and every reason to leave a quiz out', async () => {
    const result = await read('mkdocs-quiz/own-every-construct.md');
    expect(result.quiz!.title).toBe('MLOps with mkdocs-quiz');
    expect(summary(result.quiz!)).toEqual([
      ['single', 'Online prediction'],
      ['multiple', ['Blue-green', 'Canary']],
      ['blank', ['rollout status', 'undo']],
    ]);
    const first = result.quiz!.questions[0] as Extract<Question, { kind: 'single' }>;
    expect(first.options[1]!.feedback).toBe('Batch scores many rows at once.\nIt runs on a schedule.');
    expect(result.quiz!.questions[2]!.explanation).toBe('Both are `kubectl rollout` subcommands.');
    expect(leftOut(result)).toEqual([
      '45: no answer is marked [x]',
      '51: the quiz has no answers (`- [x] right`, `- [ ] wrong`) and no `[[gap]]`',
      '55: the answer "- [y] a" is marked [y]; write [x] for a right answer and [ ] for a wrong one',
      '61: a `>` feedback line is separated from its answer by a blank line; put it right under the answer',
      '69: the `<quiz>` block has no closing `</quiz>`',
    ]);
  });
});

describe('quizdown', () => {
  test('real: the sphinxcontrib-quizdown demo (NOTES.md)', async () => {
    const quiz = await quizOf('quizdown/sphinxcontrib-quizdown-demo.md');
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.questions[0]).toMatchObject({ kind: 'multiple', title: 'Who is the person in the picture?' });
    expect(expected(quiz.questions[0]!)).toEqual(['Tim Berners-Lee']);
    expect(quiz.questions[0]!.hint).toContain('In 1990, he published the [worlds first website]');
    expect(expected(quiz.questions[4]!)).toHaveLength(2);
    expect(quiz.questions[4]!.prompt).toContain('```html');
    const q8 = quiz.questions[7] as Extract<Question, { kind: 'multiple' }>;
    expect(q8.title).toBe('What is the IP address of google.com?');
    expect(q8.options.filter((o) => o.correct).map((o) => [o.text, o.feedback])).toEqual([
      ['142.250.186.110', 'This is the ipv4 address'],
      ['2a00:1450:4001:829::200e', 'This is the ipv6 address'],
    ]);
    expect(expected(quiz.questions[9]!)).toEqual(['`W3C`', '`WHATWG`']);
  });
  test('real: a MyST block in a page', async () => {
    const quiz = await quizOf('quizdown/mkdocs-quizdown-plugin-myst-block.md');
    expect(summary(quiz)).toEqual([['single', 'Paris'], ['order', ['Monday', 'Tuesday', 'Wednesday', 'Friday', 'Saturday']]]);
    expect(quiz.questions[0]!.hint).toBe('Paris is the capital and largest city of France.');
    expect(quiz.questions[1]).toMatchObject({ title: 'Put the days in order!', prompt: 'Quizdown also renders formulas:' });
  });
  test('real: a ```quizdown fence in a Quarto page; the fork-only pairs question is left out', async () => {
    const result = await read('quizdown/quarto-quizdown-mds-fenced-block.qmd');
    expect(summary(result.quiz!)).toEqual([['multiple', ['4']], ['multiple', ['wuff']], ['order', ['Monday', 'Tuesday', 'Wednesday', 'Friday', 'Saturday']]]);
    expect(result.quiz!.questions[0]).toMatchObject({ title: 'Python Lists', hint: 'Python lists are mutable!' });
    expect(leftOut(result)).toEqual(['66: no option is marked [x]']);
  });
  test('real: quizdown in <div class="quizdown"> of an HTML page', async () => {
    const quiz = await quizOf('quizdown/quizdown-js-video-demo-page.html');
    expect(summary(quiz)).toEqual([['multiple', ['Shapeshifting']], ['single', 'Berlin']]);
    expect(quiz.questions[1]!.hint).toContain('The _largest_ city in Germany');
  });
  test('own: every construct, and every reason to leave a question out', async () => {
    const result = await read('quizdown/own-every-construct.md');
    expect(result.quiz!.shuffle).toBe(true);
    expect(summary(result.quiz!)).toEqual([
      ['multiple', ['Online prediction']],
      ['single', 'Canary'],
      ['order', ['Development', 'Staging', 'Production']],
      ['multiple', ['Canary', 'Blue-green']],
    ]);
    const first = result.quiz!.questions[0] as Extract<Question, { kind: 'multiple' }>;
    expect(first).toMatchObject({ hint: 'Think of an API.', explanation: 'Online serving keeps a model warm behind an API.' });
    expect(first.options.map((o) => o.feedback)).toEqual(['Right: one request, one answer.', 'Batch scores many rows at once.', undefined]);
    expect(result.quiz!.questions[3]!.prompt).toBe('```yaml\nstrategy: canary\n```');
    expect(leftOut(result)).toEqual([
      '47: it has no list of answers (`- [x]`, `1. [x]`, or an ordered list to put in order)',
      '51: no option is marked [x]',
      '56: an ordering needs at least two items',
    ]);
  });
});

describe('github', () => {
  test('own: numbered headings, code and images in the prompt, explanations and references, unanswered questions collapsed', async () => {
    const result = await read('github/own-every-construct.md');
    const quiz = result.quiz!;
    expect(quiz.title).toBe('MLOps basics');
    expect(summary(quiz)).toEqual([
      ['single', 'Online prediction'],
      ['single', 'A deployment with three pods'],
      ['multiple', ['Blue-green', 'Canary']],
      ['single', '`kubectl apply`'],
    ]);
    expect(quiz.questions.map((q) => q.title)).toEqual(['Which serving mode answers one request at a time?', 'What does this manifest create?', 'Which are deployment strategies?', 'Which tool applies a manifest?']);
    expect(quiz.questions[0]!.explanation).toBe('Online serving keeps a model warm behind an API.');
    expect(quiz.questions[1]!.prompt).toContain('replicas: 3');
    expect(quiz.questions[1]!.prompt).toContain('![manifest](images/Q2.png?raw=png)');
    expect(quiz.questions[1]!.explanation).toBe('[Reference](https://kubernetes.io/docs/concepts/workloads/controllers/deployment/)');
    expect(quiz.questions[2]!.explanation).toContain('- canary starts small');
    expect(result.warnings.map((d) => formatDiagnostic(d))).toEqual([
      'dialects/github/own-every-construct.md:44:1: warning: 4 questions left out: no option is marked [x] (lines 44, 53, 58, 63)',
      'dialects/github/own-every-construct.md:49:1: warning: question left out: it has no options (`- [x] right`, `- [ ] wrong`)',
    ]);
  });
});

describe('datacamp', () => {
  test('real: the current format (NOTES.md): 3 questions, 1 left out, 4 skipped', async () => {
    const result = await read('datacamp/ncsu-intro-ml-chapter1-current-format.md');
    const quiz = result.quiz!;
    expect(quiz.title).toBe('Machine Learning: Opening up the Black Box');
    expect(summary(quiz)).toEqual([
      ['single', 'pre-processing involves data cleaning and post-processing involves presentation'],
      ['single', 'The quality of the dataset and type of machine learning algorithm used'],
      ['single', 'A model that minimizes `ei` the most.'],
    ]);
    expect(quiz.questions.map((q) => q.title)).toEqual(['Machine Learning Process', 'The Model: the Secret Weapon in Machine Learning', 'Linear Regression']);
    expect(quiz.questions[0]!.hint).toBe('Trust your instinct on this one!');
    expect(quiz.questions[1]!.hint).toBe('Clean historical data + good machine learning algorithm = Great Model!');
    expect(leftOut(result)).toEqual(['9: no option is [bracketed] and the check code (`@sct`) names no right one (`test_mc(2, ...)`)']);
    expect(result.warnings.filter((d) => d.code === 'skipped').map((d) => d.message)).toEqual(['4 exercises are not multiple choice and are skipped (NormalExercise)']);
  });
  test('real: the old format (NOTES.md): 4 questions, 4 skipped', async () => {
    const result = await read('datacamp/ncsu-intro-ml-chapter1-2017-old-format.md');
    expect(result.quiz!.title).toBe('Machine Learning: Opening up the Black Box');
    expect(summary(result.quiz!)).toEqual([
      ['single', 'A program that prints the next 20 leap years'],
      ['single', 'No'],
      ['single', 'The quality of the dataset and type of machine learning algorithm used'],
      ['single', 'A model that minimizes `ei` the most.'],
    ]);
    expect(result.quiz!.questions[2]!.title).toBe('The Model: the Secret Weapon in Machine Learning');
    expect(result.warnings.map((d) => d.message)).toEqual(['4 exercises are not multiple choice and are skipped (NormalExercise)']);
  });
  test('own: brackets, check code over several lines, feedback lists, a yaml block before its title, both formats', async () => {
    const result = await read('datacamp/own-every-construct.md');
    expect(summary(result.quiz!)).toEqual([['single', 'Online prediction'], ['single', 'Canary'], ['single', 'Goes back to the previous version']]);
    const first = result.quiz!.questions[0] as Extract<Question, { kind: 'single' }>;
    expect(first.options.map((o) => o.feedback)).toEqual(['Right: one request, one answer.', 'Batch scores many rows at once.', 'Streaming is for events.']);
    expect(first).toMatchObject({ title: 'Serving modes', hint: 'Think of an API.', prompt: 'Which serving mode answers one request at a time?' });
    expect(leftOut(result)).toEqual(['89: no option is [bracketed] and the check code (`@sct`) names no right one (`test_mc(2, ...)`)']);
    expect(result.warnings.find((d) => d.code === 'skipped')!.message).toBe('2 exercises are not multiple choice and are skipped (NormalExercise, VideoExercise)');
    const old = await read('datacamp/own-old-format.md');
    expect(summary(old.quiz!)).toEqual([['single', 'Online prediction'], ['single', 'Canary']]);
    expect(old.quiz!.title).toBe('MLOps: the old format');
  });
});

describe('shared rules', () => {
  test('titles from text: the first line of prose, cut at a word boundary to at most 80 characters', () => {
    expect(titleFrom('```python\nprint(1)\n```\nThe **above** code prints [[x]].')).toBe('The above code prints [[x]].');
    const long = 'word '.repeat(30).trim();
    expect(cut(long).length).toBeLessThanOrEqual(80);
    expect(cut(long)).toBe('word '.repeat(16).trim());
  });
  test('a file no dialect reads names the dialects tried and the nearest miss', async () => {
    const source = '#### Question 1\n\n- [ ] a\n- [ ] b\n';
    const entry = dialectOf(source, 'q.txt');
    expect(entry.name).toBe('github');
    const read = (await entry.load()).read(source, { file: 'q.txt' });
    expect(read.errors.map((d) => d.message)).toEqual(['no usable questions, read as github: 1 left out, the first (line 1) because no option is marked [x]']);
    expect(dialectNamed('gift')!.name).toBe('gift');
    // A `<quiz>` that never closes is not detected as mkdocs-quiz, but its reader comes nearest.
    const plain = 'Some page.\n\n<quiz>\nWhat?\n- [x] a\n- [ ] b\n';
    const native = parseQuiz(plain, { file: 'q.md' });
    const { dialect, result } = await readUndetected(plain, { file: 'q.md' }, native);
    expect(dialect).toBe('markdown');
    expect(result.errors[0]!.message).toMatch(/no dialect could read this file \(tried datacamp, mkdocs-quiz, gift, github, quizdown, markdown\); nearest miss: mkdocs-quiz, 1 left out, the first \(line 3\) because/);
    expect(result.errors[0]!.message).toContain('the `<quiz>` block has no closing `</quiz>`');
  });
});

describe('convert: native Markdown that reads back to the same questions', () => {
  test.each(FILES.map((file) => [file.path]))('%s', async (path) => {
    const quiz = await quizOf(path);
    const markdown = writeMarkdown(quiz);
    const back = parseQuiz(markdown, { file: `${path}.md` });
    expect(back.errors.map((d) => formatDiagnostic(d))).toEqual([]);
    const strip = (q: Question) => ({ ...q, position: null });
    expect(back.quiz!.questions.map(strip)).toEqual(quiz.questions.map(strip));
    expect({ ...back.quiz!, questions: [], source: '' }).toEqual({ ...quiz, questions: [], source: '' });
  });
});

describe('convert of native quizzes reads back to the same questions too', () => {
  const NATIVE = ['format/all-kinds.md', 'format/new-kinds.md', 'format/multi-lf.md', 'seed/seed.md', 'class/quiz.md'];
  test.each(NATIVE)('%s', (path) => {
    const source = readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
    const quiz = parseQuiz(source, { file: path }).quiz!;
    const back = parseQuiz(writeMarkdown(quiz), { file: path });
    expect(back.errors.map((d) => formatDiagnostic(d))).toEqual([]);
    const strip = (q: Question) => ({ ...q, position: null });
    expect(back.quiz!.questions.map(strip)).toEqual(quiz.questions.map(strip));
  });
});

describe('more of what real files do (written here after NOTES.md)', () => {
  const readAs = async (name: string, source: string, file = 'q.md') => (await dialectNamed(name)!.load()).read(source, { file });

  test('gift: answers over several lines, `}` on the last one, spaces round `->`, `=%100%x#`, weights on short answers, feedback running on, `\\n`, comments before a title', async () => {
    const source = [
      '// question: 44  name: Greeting',
      '::Colours::[html]<p>Which is the colour\\nof the sun?</p>{',
      '\t=yellow#right; good!',
      '\t~red#wrong, it\'s',
      'yellow',
      '\t~[plain]blue}',
      '',
      'Match the capitals. {=Canada -> Ottawa =Italy  -> Rome =Japan->Tokyo}',
      '',
      '::Moodle user::Who is a Moodle user? {=%100%Moodler#}',
      '',
      'Jesus was born in {=Nazareth =%75%Nazereth =%25%Bethlehem =%0%*}.',
      '',
      '::Numbers::When? {#',
      '  =1822:0',
      '  =%50%1822:2',
      '}',
    ].join('\n');
    const result = await readAs('gift', source, 'q.gift');
    const quiz = result.quiz!;
    expect(summary(quiz)).toEqual([
      ['single', 'yellow'],
      ['match', { Canada: 'Ottawa', Italy: 'Rome', Japan: 'Tokyo' }],
      ['text', 'Moodler'],
      ['blank', ['Nazareth']],
      ['numeric', '1822'],
    ]);
    const colours = quiz.questions[0] as Extract<Question, { kind: 'single' }>;
    expect(colours).toMatchObject({ title: 'Colours', prompt: '<p>Which is the colour\nof the sun?</p>', position: { line: 2, column: 1 } });
    expect(colours.options).toEqual([
      { text: 'yellow', correct: true, feedback: 'right; good!' },
      { text: 'red', correct: false, feedback: "wrong, it's\nyellow" },
      { text: 'blue', correct: false },
    ]);
    expect(quiz.questions[3]).toMatchObject({ prompt: 'Jesus was born in _____.', title: 'Jesus was born in _____.' });
    expect(result.warnings).toEqual([]);
  });

  test('github: a plain bullet list after the options (a blank line between) belongs to the explanation', async () => {
    const source = '## T\n\n#### Q1. Pick\n\n- [ ] a\n- [x] b\n\n- not an option\n- nor this\n';
    const quiz = (await readAs('github', source)).quiz!;
    expect(summary(quiz)).toEqual([['single', 'b']]);
    expect(quiz.questions[0]!.explanation).toBe('- not an option\n- nor this');
  });

  test('datacamp: numbered options under `@instructions`, the right one from `test_mc(correct = 2`', async () => {
    const source = '---\ntitle: T\n---\n\n## Pick\n\n```yaml\ntype: MultipleChoiceExercise\n```\n\nWhich?\n\n`@instructions`\n1. first\n2. second\n\n`@sct`\n```{r}\ntest_mc(correct = 2, feedback_msgs = c(a, b))\n```\n';
    expect(summary((await readAs('datacamp', source)).quiz!)).toEqual([['single', 'second']]);
  });

  test('quizdown: a Hugo `{{< quizdown >}}` block in a page', async () => {
    const source = 'Intro\n\n{{< quizdown >}}\n\n# Capital?\n\n1. [x] Paris\n2. [ ] Rome\n\n{{< /quizdown >}}\n\n# Not a question\n';
    expect(dialectOf(source, 'page.md').name).toBe('quizdown');
    expect(summary((await readAs('quizdown', source)).quiz!)).toEqual([['single', 'Paris']]);
  });
});

test("a format's own title is kept whole; only titles taken from the text are cut to 80 characters", async () => {
  const long = 'A very long title '.repeat(8).trim();
  const gift = (await dialectNamed('gift')!.load()).read(`::${long}::Which? {=a ~b}\n\n${long} {=a ~b}\n`, { file: 'q.gift' });
  expect(gift.quiz!.questions.map((q) => q.title)).toEqual([long, cut(long)]);
  expect(cut(long).length).toBeLessThanOrEqual(80);
});

describe('indexAfter, the shared search for a block’s closing line', () => {
  test('finds the first match after the given index, looking at each later line once (datacamp read its fences quadratically: 10,000 exercises took 1.8 s, now 0.75 s)', () => {
    const lines = ['---', 'a', '```yaml', 'type: x', '```', 'b', '```'];
    let looked = 0;
    const closes = (line: string): boolean => {
      looked += 1;
      return line === '```';
    };
    expect(indexAfter(lines, 2, closes)).toBe(4);
    expect(looked).toBe(2);
    expect(indexAfter(lines, 4, closes)).toBe(6);
    expect(indexAfter(lines, 6, closes)).toBe(-1);
    expect(indexAfter(lines, -1, (line) => line === '---')).toBe(0);
  });
});
