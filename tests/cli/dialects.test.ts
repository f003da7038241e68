/**
 * Other people's formats on the command line (docs/DESIGN.md section 12): `validate` names the dialect
 * of each file and reads every quiz file a folder holds; `run --answers '{"answers":{}}' --format json`
 * lists every usable question with its kind and right answer; `--dialect` forces a reader; `convert`
 * writes native Markdown that reads back to the same questions; `template` and `grade` read them too.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBinary, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const DIR = 'tests/fixtures/dialects';
const FOREIGN = ['datacamp', 'gift', 'github', 'mkdocs-quiz', 'quizdown'];

describe('validate', () => {
  test.each(FOREIGN)('the %s folder: every file read, its dialect named, exit 0', async (dialect) => {
    const names = readdirSync(join(DIR, dialect)).sort();
    const result = await runInProcess(['validate', '--no-cache', join(DIR, dialect)]);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const said = result.stdout.split('\n').filter((line) => / read as /.test(line));
    expect(said.map((line) => line.replace(/, \d+ questions?$/, ''))).toEqual(names.map((name) => `${join(DIR, dialect, name)}: read as ${dialect}`));
    expect(result.stderr).toMatch(new RegExp(`^mlops-quiz validate: no errors in ${names.length} files?`));
  });

  test('--dialect forces a reader; a text it cannot read is one error naming the dialect', async () => {
    const result = await runInProcess(['validate', '--no-cache', '--dialect', 'mkdocs-quiz', 'tests/fixtures/format/all-kinds.md']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('tests/fixtures/format/all-kinds.md: read as mkdocs-quiz, 0 questions\ntests/fixtures/format/all-kinds.md:1:1: error: no usable questions, read as mkdocs-quiz\n');
  });

  test('an unknown dialect is a usage error listing the known ones', async () => {
    const result = await runInProcess(['validate', '--dialect', 'moodle-xml', 'tests/fixtures/format/all-kinds.md']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('datacamp, mkdocs-quiz, gift, github, quizdown, markdown');
  });

  test('a file no dialect can read names the dialects tried and the nearest miss', async () => {
    const dir = tempDir('dialects');
    writeFileSync(join(dir, 'page.md'), 'Some page.\n\n<quiz>\nWhat?\n- [x] a\n- [ ] b\n');
    const result = await runInProcess(['validate', '--no-cache', 'page.md'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('no dialect could read this file (tried datacamp, mkdocs-quiz, gift, github, quizdown, markdown); nearest miss: mkdocs-quiz');
  });
});

describe('run --answers: every usable question with its kind and expected', () => {
  const files = FOREIGN.flatMap((dialect) => readdirSync(join(DIR, dialect)).map((name) => join(DIR, dialect, name)));
  test.each(files)('%s', async (file) => {
    const result = await runInProcess(['run', file, '--no-cache', '--answers', '{"answers":{}}', '--format', 'json']);
    expect(result.exitCode, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { questions: { number: number; kind: string; status: string; expected: unknown; feedback: unknown }[] };
    expect(report.questions.length).toBeGreaterThan(0);
    report.questions.forEach((question, index) => {
      expect(question.number).toBe(index + 1);
      expect(question.status).toBe('unanswered');
      expect(question.feedback).toBeNull();
      expect(['single', 'multiple', 'order', 'match', 'text', 'numeric', 'blank']).toContain(question.kind);
      expect(question.expected === '' || (Array.isArray(question.expected) && question.expected.length === 0)).toBe(false);
    });
  });

  test('right answers from the report itself score full marks, and feedback comes back', async () => {
    const file = join(DIR, 'gift/own-every-construct.gift');
    const blank = JSON.parse((await runInProcess(['run', file, '--no-cache', '--answers', '{"answers":{}}', '--format', 'json'])).stdout) as { questions: { id: string; kind: string; expected: unknown }[] };
    const answers = Object.fromEntries(blank.questions.map((q) => [q.id, q.kind === 'numeric' ? (q.expected as string).split(/ ± | to /)[0] : q.expected]));
    const dir = tempDir('dialects');
    writeFileSync(join(dir, 'answers.json'), JSON.stringify({ answers }));
    const result = await runInProcess(['run', file, '--no-cache', '--answers', join(dir, 'answers.json'), '--format', 'json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { percent: number; questions: { id: string; feedback: string | null }[] };
    expect(report.percent).toBe(100);
    expect(report.questions.find((q) => q.id === 'serving-mode')!.feedback).toBe('Right: one request, one answer.');
  });
});

describe('convert', () => {
  test('writes native Markdown to --output; it validates clean as markdown and grades the same', async () => {
    const dir = tempDir('convert');
    const file = join(DIR, 'quizdown/sphinxcontrib-quizdown-demo.md');
    const converted = await runInProcess(['convert', file, '--output', join(dir, 'demo.md')]);
    expect(converted.exitCode, converted.stderr).toBe(0);
    expect(converted.stdout).toBe('');
    const markdown = readFileSync(join(dir, 'demo.md'), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "sphinxcontrib-quizdown-demo"\nid: "sphinxcontrib-quizdown-demo"\npassMark: 70\nshuffle: false\n---\n\n# Who is the person in the picture\? \{#who-is-the-person-in-the-picture\}/);
    const validated = await runInProcess(['validate', '--no-cache', join(dir, 'demo.md')]);
    expect(validated.exitCode, validated.stdout).toBe(0);
    expect(validated.stdout).toBe('');
    const before = await runInProcess(['run', file, '--no-cache', '--answers', '{"answers":{"1":"A","8":["A","B"]}}', '--format', 'json']);
    const after = await runInProcess(['run', join(dir, 'demo.md'), '--no-cache', '--answers', '{"answers":{"1":"A","8":["A","B"]}}', '--format', 'json']);
    const questions = (text: string) => (JSON.parse(text) as { questions: unknown[] }).questions;
    expect(questions(after.stdout)).toEqual(questions(before.stdout));
  });

  test('to stdout, with --dialect, and the left-out warnings on stderr (the built binary)', () => {
    const result = runBinary(['convert', join(DIR, 'quizdown/own-every-construct.md'), '--dialect', 'quizdown']);
    expect(result.exitCode, result.stderr).toBe(0);
    // quizdown's `- [x]` list is multiple choice even with one right option: native `### All That Apply`.
    expect(result.stdout).toContain('# Which serving mode answers one request at a time? {#which-serving-mode-answers-one-request-at-a-time}\n\nWritten for mlops-quiz');
    expect(result.stdout).toContain('### All That Apply\n\n- [x] Online prediction\n  > Right: one request, one answer.\n- [ ] Batch prediction');
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'tests/fixtures/dialects/quizdown/own-every-construct.md:47:1: warning: question left out: it has no list of answers (`- [x]`, `1. [x]`, or an ordered list to put in order)',
      'tests/fixtures/dialects/quizdown/own-every-construct.md:51:1: warning: question left out: no option is marked [x]',
      'tests/fixtures/dialects/quizdown/own-every-construct.md:56:1: warning: question left out: an ordering needs at least two items',
    ]);
  });
});

test('template and grade read other formats too', async () => {
  const template = await runInProcess(['template', join(DIR, 'mkdocs-quiz/mkdocs-quiz-demo-quiz.md')]);
  expect(template.exitCode, template.stderr).toBe(0);
  expect(Object.keys((JSON.parse(template.stdout) as { answers: object }).answers)).toHaveLength(3);
  const dir = tempDir('grade');
  writeFileSync(join(dir, 'a.json'), JSON.stringify({ answers: { 1: 'Paris', 2: 'hello world', 3: ['Python', 'JavaScript'] } }));
  const graded = await runInProcess(['grade', join(DIR, 'mkdocs-quiz/mkdocs-quiz-demo-quiz.md'), dir, '--format', 'json']);
  expect(graded.exitCode, graded.stderr).toBe(0);
  expect(graded.stdout).toContain('"percent": 100');
});
