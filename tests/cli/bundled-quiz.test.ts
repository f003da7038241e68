/**
 * The bundled MLOps deployment quiz (issue 6) and the author's tools around it: `list`, `run NAME`,
 * `template` and `schema` (docs/DESIGN.md sections 3, 5 and 8).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { SCHEMA_PATH } from '../../src/cli/commands/schema.js';
import type { AnswerValue } from '../../src/core/answers.js';
import { isGradable } from '../../src/core/kinds/index.js';
import { type Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { rightAnswer } from '../helpers/answers.js';
import { ROOT, runBinary, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const BUNDLED = 'quizzes/mlops-deployment.md';
const SEED = 'tests/fixtures/seed/seed.md';
const temp = tempDir('bundled');

function parseFile(path: string): { quiz: Quiz; warnings: string[] } {
  const result = parseQuiz(readFileSync(join(ROOT, path), 'utf8'), { file: path });
  expect(result.errors).toEqual([]);
  return { quiz: result.quiz!, warnings: result.warnings.map((w) => w.message) };
}

const bundled = parseFile(BUNDLED);
const seed = parseFile(SEED).quiz;
const quiz = bundled.quiz;

describe('the seed, kept unmodified as a fixture', () => {
  // The shared seed beside the project (../shared from the main tree, ../../shared from a work tree).
  const original = ['/work/shared', join(ROOT, '../shared'), join(ROOT, '../../shared')]
    .map((dir) => join(dir, 'seeds/000_126288660e8618e4.txt'))
    .find((path) => existsSync(path));
  test.skipIf(original === undefined)('is byte for byte the shared seed', () => {
    expect(readFileSync(join(ROOT, SEED)).equals(readFileSync(original!))).toBe(true);
  });

  test('parses as it is: 10 questions, 7 single choice and 3 self-assessed; validate warns only that its pictures are not beside it', async () => {
    expect(seed.questions.map((q) => q.kind).filter((kind) => kind === 'single')).toHaveLength(7);
    expect(seed.questions.map((q) => q.kind).filter((kind) => kind === 'self')).toHaveLength(3);
    expect(seed.questions).toHaveLength(10);
    const result = await runInProcess(['validate', SEED]);
    // The seed came without its images/ folder: each answer picture is a warning at its place (issue 19).
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => line.split(' warning: ')[0] + ' ' + line.split('"')[1])).toEqual([
      `${SEED}:104:1: images/ch_03-01.png`,
      `${SEED}:112:1: images/ch_03-02.png`,
      `${SEED}:137:1: images/ch_03-03.png`,
    ]);
    expect(result.stdout).not.toMatch(/error:/);
  });
});

describe('the bundled quiz', () => {
  test('has the id mlops-deployment, a title naming MLOps, no warnings', () => {
    expect(quiz.id).toBe('mlops-deployment');
    expect(quiz.title).toMatch(/MLOps/);
    expect(bundled.warnings).toEqual([]);
  });

  test("keeps the seed's 10 questions in order, with their titles and ids", () => {
    expect(quiz.questions.map((q) => q.title)).toEqual(seed.questions.map((q) => q.title));
    expect(quiz.questions.map((q) => q.id)).toEqual(seed.questions.map((q) => q.id));
    expect(quiz.questions.map((q) => q.id)).toContain('offline-or-online');
    expect(quiz.questions.map((q) => q.id)).toContain('order-of-risk');
  });

  test('every question is gradable, an explanation each, ordering and matching among them', () => {
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.questions.filter(isGradable)).toHaveLength(10);
    expect(quiz.questions.map((q) => q.kind)).toEqual(['single', 'single', 'single', 'single', 'single', 'order', 'match', 'single', 'order', 'single']);
    for (const question of quiz.questions) expect(question.explanation?.length, question.id).toBeGreaterThan(200);
  });

  test("the seed's choice questions keep its prompt, options and correct answer", () => {
    const choices = seed.questions.filter((q) => q.kind === 'single');
    expect(choices).toHaveLength(7);
    for (const original of choices) {
      const ours = quiz.questions[original.number - 1]!;
      expect(ours.kind).toBe('single');
      expect(ours.prompt).toBe(original.prompt);
      expect('options' in ours && ours.options).toEqual(original.options);
    }
  });

  test("the three picture answers are written as questions in the format's own terms", () => {
    for (const original of seed.questions.filter((q) => q.kind === 'self')) {
      expect(quiz.questions[original.number - 1]!.prompt.startsWith(original.prompt), original.id).toBe(true);
    }
    expect(quiz.questions[5]).toMatchObject({ id: 'progression-through-environments', kind: 'order', items: ['Development', 'Staging', 'Production'] });
    expect(quiz.questions[6]).toMatchObject({
      id: 'tests-per-environment',
      kind: 'match',
      pairs: [
        { left: 'Unit tests', right: 'Development' },
        { left: 'Integration tests', right: 'Staging' },
        { left: 'Smoke tests', right: 'Production' },
      ],
    });
    expect(quiz.questions[8]).toMatchObject({ id: 'order-of-risk', kind: 'order', items: ['Blue/green deployment', 'Canary deployment', 'Shadow deployment'] });
  });

  test('the new answers agree with the questions they echo', () => {
    // "Which test is it?": integration tests in staging, as in the matching.
    expect(rightAnswer(quiz.questions[4]!)).toBe('Integration tests in the staging environment');
    expect(rightAnswer(quiz.questions[6]!)).toMatchObject({ 'Integration tests': 'Staging' });
    // "Shadow of the shadow" says shadow has the lowest exposure: last in the order of risk, whose
    // items are the three strategies of "A fitting deployment strategy".
    expect(quiz.questions[9]!.prompt).toMatch(/shadow deployment carries the lowest risk/);
    const risk = rightAnswer(quiz.questions[8]!) as string[];
    expect(risk.at(-1)).toBe('Shadow deployment');
    const strategies = quiz.questions[7]!;
    expect('options' in strategies && strategies.options.map((o) => o.text).sort()).toEqual([...risk].sort());
  });
});

describe('list, and run by name', () => {
  test('list shows each bundled quiz: the name run takes, id, question count and title', async () => {
    const result = await runInProcess(['list']);
    expect(result.exitCode).toBe(0);
    const rows = result.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^NAME\s+ID\s+QUESTIONS\s+TITLE$/);
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^mlops-deployment\\s+mlops-deployment\\s+10\\s+${quiz.title.replace(/[^\w ]/g, '.')}$`)));
  });

  const sheet = (answers: Record<string, AnswerValue>): string => {
    const path = join(temp, `answers-${Object.keys(answers).length}.json`);
    writeFileSync(path, JSON.stringify({ answers }));
    return path;
  };

  test('run NAME grades the bundled quiz by its name, and run without a quiz grades the same one', async () => {
    const file = sheet({ 'offline-or-online': 'B', 'order-of-risk': ['Blue/green deployment', 'Shadow deployment', 'Canary deployment'] });
    for (const args of [['run', 'mlops-deployment'], ['run']]) {
      const result = await runInProcess([...args, '--answers', file, '--format', 'json'], { cwd: temp });
      expect(result.exitCode, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.quiz).toEqual({ id: 'mlops-deployment', title: quiz.title, source: 'mlops-deployment' });
      expect(report).toMatchObject({ maxScore: 10, passed: false });
      expect(report.score).toBeCloseTo(1 + 1 / 3, 10);
    }
  });

  test('run FOLDER --answers is a usage error: exit 2', async () => {
    const result = await runInProcess(['run', 'quizzes', '--answers', sheet({})]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("mlops-quiz: quizzes: is a folder; --answers grades one quiz, so give the quiz's Markdown file\n");
  });
});

describe('template and schema', () => {
  const template = async (...args: string[]): Promise<{ $schema: string; quiz: string; answers: Record<string, AnswerValue> }> => {
    const result = await runInProcess(['template', ...args]);
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };

  test('template lists every gradable question id with null, the quiz id, and the shipped schema', async () => {
    const blank = await template();
    expect(blank.quiz).toBe('mlops-deployment');
    expect(blank.answers).toEqual(Object.fromEntries(quiz.questions.map((q) => [q.id, null])));
    expect(blank.$schema).toMatch(new RegExp(`^https://unpkg\\.com/mlops-quiz@\\d+\\.\\d+\\.\\d+/${SCHEMA_PATH}$`));
    expect(await template('mlops-deployment')).toEqual(blank);
  });

  test('template leaves out self-assessed questions (the seed: 7 of 10)', async () => {
    const blank = await template(SEED);
    expect(blank.quiz).toBe('seed');
    expect(Object.keys(blank.answers)).toEqual(seed.questions.filter(isGradable).map((q) => q.id));
    expect(Object.keys(blank.answers)).toHaveLength(7);
  });

  test('template of a folder or a broken quiz: exit 2', async () => {
    expect((await runInProcess(['template', 'quizzes'])).exitCode).toBe(2);
    const broken = await runInProcess(['template', 'tests/fixtures/validate/no-correct.md']);
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toMatch(/no-correct\.md: 1 error makes this quiz unusable/);
  });

  test.each(['text', 'letter'] as const)('the template filled with the right answers (%s style) grades the bundled quiz at 10/10', async (style) => {
    const blank = await template();
    for (const question of quiz.questions) {
      expect(blank.answers[question.id]).toBeNull();
      blank.answers[question.id] = rightAnswer(question, style);
    }
    const file = join(temp, `filled-${style}.json`);
    writeFileSync(file, JSON.stringify(blank, null, 2));
    const result = await runInProcess(['run', '--answers', file, '--format', 'json']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ score: 10, maxScore: 10, percent: 100, passed: true });
    expect(report.questions.map((q: { status: string }) => q.status)).toEqual(Array(10).fill('correct'));
    expect(report.questions.every((q: { explanation: string | null }) => typeof q.explanation === 'string')).toBe(true);
  });

  const schemaText = async (): Promise<string> => {
    const result = await runInProcess(['schema']);
    expect(result.exitCode).toBe(0);
    return result.stdout;
  };

  test('schema is a valid JSON Schema that accepts the template and rejects wrong shapes', async () => {
    const schema = JSON.parse(await schemaText());
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    const validate = ajv.compile(schema);
    const accepts = (value: unknown): boolean => validate(value) as boolean;
    expect(accepts(await template())).toBe(true);
    expect(accepts(await template(SEED))).toBe(true);
    expect(accepts({ answers: { '1': 'B', '2': 2, '3': ['A', 3], '4': { 'Unit tests': 'Development', 'Smoke tests': null }, '5': true, '6': null } })).toBe(true);
    expect(accepts({ answers: { x: 1 }, student: 'unknown keys are warned about, not refused' })).toBe(true);
    for (const wrong of [{}, { answers: ['A'] }, { answers: { '1': { a: 1 } } }, { answers: { '1': [true] } }, { quiz: 3, answers: {} }, { $schema: 1, answers: {} }, []]) {
      expect(accepts(wrong), JSON.stringify(wrong)).toBe(false);
    }
  });

  test('the schema file the build ships is the schema command output, and names itself by the template URL', async () => {
    const text = await schemaText();
    expect(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8')).toBe(text);
    expect(JSON.parse(text).$id).toBe((await template()).$schema);
    expect(runBinary(['schema']).stdout).toBe(text);
  });
});
