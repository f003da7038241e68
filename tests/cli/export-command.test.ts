/** `mlops-quiz export QUIZ --to gift|moodle-xml|qti [--output FILE]` on the command line (issue 17). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseGift } from 'gift-pegjs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, runBinary, runInProcess, TEST_CACHE } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const allKinds = join(root, 'tests/fixtures/format/all-kinds.md');

describe('export', () => {
  test('--to gift on stdout: the questions GIFT holds; a warning on stderr for each left out, naming it', async () => {
    const { exitCode, stdout, stderr } = await runInProcess(['export', allKinds, '--to', 'gift']);
    expect(exitCode).toBe(0);
    expect(parseGift(stdout).filter((question) => question.type !== 'Category' && question.type !== 'Description')).toHaveLength(5);
    expect(stderr.trimEnd().split('\n')).toEqual([
      'mlops-quiz: warning: question 3 "Environments in order" (environments-in-order) is left out of the gift export: GIFT has no ordering question (export --to moodle-xml holds it)',
      'mlops-quiz: warning: question 6 "Draw the pipeline" (draw-the-pipeline) is left out of the gift export: self-assessed (its answer is a picture the learner compares): no LMS question type grades it',
    ]);
  });

  test('--to moodle-xml --output into a new folder: written whole, with a line saying how many', async () => {
    const dir = tempDir('export');
    const { exitCode, stdout, stderr } = await runInProcess(['export', allKinds, '--to', 'moodle-xml', '--output', 'lms/quiz.xml'], { cwd: dir });
    expect(exitCode).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/left out of the moodle-xml export: self-assessed/);
    expect(stderr).toMatch(/^mlops-quiz: 6 of 7 questions written to lms\/quiz\.xml \(Moodle XML \(question bank import\)\)$/m);
    const xml = readFileSync(join(dir, 'lms/quiz.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<question type="(?!category)/g)).toHaveLength(6);
  });

  test('--to qti through the real binary: a zip file, the same one on stdout (a pipe) and in --output', () => {
    const dir = tempDir('qti');
    const toFile = runBinary(['export', 'mlops-deployment', '--to', 'qti', '--output', 'canvas/quiz.zip'], { cwd: dir });
    expect(toFile.exitCode, toFile.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'canvas/quiz.zip'));
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(bytes.includes(Buffer.from('imsmanifest.xml'))).toBe(true);
    const piped = spawnSync(process.execPath, [BIN, 'export', 'mlops-deployment', '--to', 'qti'], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: TEST_CACHE }, timeout: 30_000 });
    expect(piped.status).toBe(0);
    expect(Buffer.compare(piped.stdout, bytes)).toBe(0);
  });

  test('--to qti to a terminal is refused: a zip is not for the screen', async () => {
    const { exitCode, stdout, stderr } = await runInProcess(['export', allKinds, '--to', 'qti'], { stdoutTTY: true });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('mlops-quiz: --to qti writes a .zip package: give --output FILE.zip, or send stdout to a file\n');
  });

  test.each([
    ['no --to', ['export', allKinds], /required option '-t, --to <format>' not specified/],
    ['an unknown format', ['export', allKinds, '--to', 'docx'], /argument 'docx' is invalid. Allowed choices are gift, moodle-xml, qti/],
    ['a folder', ['export', 'tests/fixtures/format', '--to', 'gift'], /tests\/fixtures\/format: is a folder; export writes one quiz/],
    ['a missing quiz', ['export', 'nowhere.md', '--to', 'gift'], /nowhere\.md/],
  ])('%s: exit 2, one line', async (_name, argv, message) => {
    const { exitCode, stdout, stderr } = await runInProcess(argv, { cwd: root });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  test('a quiz with nothing the target can hold: exit 2, nothing written', async () => {
    const dir = tempDir('nothing');
    const quiz = join(dir, 'quiz.md');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(quiz, '# Put them in order\n\n### Correct Order\n\n1. One\n2. Two\n');
    const { exitCode, stdout, stderr } = await runInProcess(['export', 'quiz.md', '--to', 'gift', '--output', 'out.gift'], { cwd: dir });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('mlops-quiz: quiz.md: no question of this quiz can be exported to gift; nothing was written');
    expect(() => readFileSync(join(dir, 'out.gift'))).toThrow();
  });
});

test('the exporters (micromark, fflate) load only with export: not with the entry or the light commands (run among them)', () => {
  const meta = JSON.parse(readFileSync(join(root, 'dist/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string }[]; entryPoint?: string }> };
  const statically = (out: string, seen = new Set<string>()): string[] => {
    if (seen.has(out) || !meta.outputs[out]) return [];
    seen.add(out);
    const output = meta.outputs[out]!;
    return [...Object.keys(output.inputs), ...output.imports.filter((one) => one.kind === 'import-statement').flatMap((one) => statically(one.path, seen))];
  };
  const chunkOf = (source: string): string => Object.entries(meta.outputs).find(([, output]) => output.entryPoint === source)![0];
  const heavy = /node_modules\/(fflate|micromark)\/|src\/exporters\/(?!formats)/;
  expect(statically('dist/cli.js').filter((input) => heavy.test(input))).toEqual([]);
  expect(statically(chunkOf('src/cli/commands/index.ts')).filter((input) => heavy.test(input))).toEqual([]);
  expect(statically(chunkOf('src/cli/commands/export.ts')).filter((input) => /node_modules\/fflate\//.test(input)).length).toBeGreaterThan(0);
});
