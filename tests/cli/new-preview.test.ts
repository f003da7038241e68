/**
 * `mlops-quiz new FILE` and `mlops-quiz preview QUIZ [QUESTION] [--width N]` (docs/FORMAT.md, "Starting
 * and looking"): the starter quiz validates clean and has every kind; preview prints a question as the
 * learner sees it, with no terminal attached.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KIND_NAMES } from '../../src/core/kinds/index.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { starterQuiz } from '../../src/dialects/markdown/starter.js';
import { runBinary, runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { textWidth } from '../../src/tui/wrap.js';

describe('new', () => {
  test('writes a quiz that validates clean, with a question of every kind but self-assessed, which is in the opening comment', async () => {
    const dir = tempDir('new');
    const result = await runInProcess(['new', 'serving.md'], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('mlops-quiz new: wrote serving.md; check it with `mlops-quiz validate serving.md`, look at it with `mlops-quiz preview serving.md`\n');
    const text = readFileSync(join(dir, 'serving.md'), 'utf8');

    const check = await runInProcess(['validate', 'serving.md'], { cwd: dir });
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe('mlops-quiz validate: no errors in 1 file, 0 warnings\n');

    const quiz = parseQuiz(text, { file: 'serving.md' }).quiz!;
    expect(quiz.title).toBe('serving');
    expect(quiz.id).toBe('serving');
    const kinds = quiz.questions.map((question) => question.kind);
    expect([...kinds, 'self'].sort()).toEqual([...KIND_NAMES].sort());

    // The commented self-assessed question is valid once moved out of the comment.
    const commented = /\n {2}(# Draw the pipeline[\s\S]*?)\n-->/.exec(text)![1]!.replace(/^ {2}/gm, '');
    const self = parseQuiz(`${commented}\n`, { file: 'self.md' });
    expect(self.errors).toEqual([]);
    expect(self.quiz!.questions.map((question) => question.kind)).toEqual(['self']);
  });

  test('a file name with nothing to make an id of: no id line, and the quiz still validates', () => {
    const quiz = parseQuiz(starterQuiz('???', undefined), { file: '???.md' });
    expect(quiz.errors).toEqual([]);
    expect(quiz.warnings).toEqual([]);
  });

  test('never overwrites, and wants a .md name', async () => {
    const dir = tempDir('new-refuse');
    writeFileSync(join(dir, 'mine.md'), 'my quiz\n');
    const existing = await runInProcess(['new', 'mine.md'], { cwd: dir });
    expect(existing.exitCode).toBe(2);
    expect(existing.stderr).toBe('mlops-quiz: mine.md: already exists, and new never overwrites a file; give another name, or remove it first\n');
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toBe('my quiz\n');
    const txt = await runInProcess(['new', 'quiz.txt'], { cwd: dir });
    expect(txt.exitCode).toBe(2);
    expect(txt.stderr).toBe('mlops-quiz: quiz.txt: a quiz is a Markdown file; give a name that ends in .md\n');
    expect(existsSync(join(dir, 'quiz.txt'))).toBe(false);
  });

  test('a folder that does not exist: one line, exit 2', async () => {
    const dir = tempDir('new-nofolder');
    const result = await runInProcess(['new', 'no/such/quiz.md'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('mlops-quiz: no/such/quiz.md: cannot write the quiz there (ENOENT); give a path in a folder that exists and is writable\n');
  });
});

describe('preview', () => {
  const quiz = [
    '# Offline or online? {#mode}',
    '',
    'Your users want **one** forecast a day.',
    '',
    '### Possible Answers',
    '',
    '- Stream processing',
    '- Batch prediction {Answer}',
    '',
    '### Hint',
    '',
    'How often?',
    '',
    '### Explanation',
    '',
    'A scheduled batch job computes it ahead of time.',
    '',
    '# Draw it',
    '',
    '![Answer](images/pipeline.png)',
    '',
  ].join('\n');

  const HEAD = '── Question 1 of 2 · single · id mode ';

  test('one question by id, as the learner sees it, then its answer: in a pipe, no colour, no prompt', async () => {
    const dir = tempDir('preview');
    writeFileSync(join(dir, 'q.md'), quiz);
    for (const result of [await runInProcess(['preview', 'q.md', 'mode'], { cwd: dir }), runBinary(['preview', 'q.md', 'mode'], { cwd: dir })]) {
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stdout).toBe(
        [
          `${HEAD}${'─'.repeat(72 - HEAD.length)}`,
          'Offline or online?',
          '',
          'Your users want one forecast a day.',
          '',
          'Pick one:',
          '  A. Stream processing',
          '  B. Batch prediction',
          '',
          'Hint (on h): How often?',
          '',
          'After answering:',
          'Right answer: Batch prediction',
          '',
          'A scheduled batch job computes it ahead of time.',
          '',
        ].join('\n'),
      );
      expect(result.stderr).toBe(`q.md:20:1: warning: the answer image "images/pipeline.png" of question 2 "Draw it" is not found next to the quiz: the learner is asked whether they knew an answer they cannot see; add the file, or fix the path (relative to the quiz file's folder)\n`);
    }
  });

  test('every question, by number too, wrapped to --width', async () => {
    const dir = tempDir('preview-all');
    writeFileSync(join(dir, 'q.md'), quiz);
    const all = await runInProcess(['preview', 'q.md', '--width', '24'], { cwd: dir });
    expect(all.exitCode).toBe(0);
    expect(all.stdout).toContain('── Question 2 of 2 · self · id draw-it');
    expect(all.stdout).toContain(`Answer: an image, images/pipeline.png\n  ${join(dir, 'images/pipeline.png')} (not found next to the quiz)`);
    // Every line but the header rule and the image's path (not wrapped, as in a session).
    const lines = all.stdout.split('\n').filter((line) => !line.startsWith('──') && !line.includes('images/pipeline.png'));
    expect(lines.every((line) => textWidth(line) <= 24), lines.join('\n')).toBe(true);
    expect(lines).toContain('Your users want one');
    const second = await runInProcess(['preview', 'q.md', '2'], { cwd: dir });
    expect(second.stdout.startsWith('── Question 2 of 2 · self · id draw-it')).toBe(true);
  });

  test('colour on a terminal, and none with NO_COLOR', async () => {
    const dir = tempDir('preview-colour');
    writeFileSync(join(dir, 'q.md'), quiz);
    const tty = await runInProcess(['preview', 'q.md', '1'], { cwd: dir, stdoutTTY: true, env: { TERM: 'xterm' } });
    expect(tty.stdout).toContain('\u001b[1mOffline\u001b[22m \u001b[1mor\u001b[22m');
    const plain = await runInProcess(['preview', 'q.md', '1'], { cwd: dir, stdoutTTY: true, env: { TERM: 'xterm', NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  test("every kind of the starter quiz: choices shuffled as a session shows them, and the right answer after", async () => {
    const dir = tempDir('preview-kinds');
    await runInProcess(['new', 'k.md'], { cwd: dir });
    const starter = await runInProcess(['preview', 'k.md'], { cwd: dir });
    expect(starter.exitCode).toBe(0);
    expect(starter.stdout).toContain('Pick all that apply:\n  A. Canary deployment\n  B. Big-bang release\n  C. Shadow deployment');
    expect(starter.stdout).toContain('Right answers:\n  • Canary deployment\n  • Shadow deployment');
    expect(starter.stdout).toContain('Put these in order (shown shuffled):');
    expect(starter.stdout).toContain('Right answer:\n  1. Development\n  2. Staging\n  3. Production');
    expect(starter.stdout).toContain('Match each Test to its Environment:\n  • Unit tests → ?');
    expect(starter.stdout).toContain('  • Smoke tests → Production');
    expect(starter.stdout).toContain('The learner types the answer.');
    expect(starter.stdout).toContain('Right answer: kubectl');
  });

  test.each([
    [['preview', 'q.md', 'nope'], 'mlops-quiz: q.md: no question "nope"; give a question\'s id (as `mlops-quiz template` lists them) or its number, 1 to 2\n'],
    [['preview', 'q.md', '3'], 'mlops-quiz: q.md: no question "3"; give a question\'s id (as `mlops-quiz template` lists them) or its number, 1 to 2\n'],
    [['preview', 'q.md', '--width', '5'], "mlops-quiz: option '--width <columns>' argument '5' is invalid. expected a width from 20 to 1000 columns\n"],
  ])('%j: exit 2, one line', async (args, stderr) => {
    const dir = tempDir('preview-bad');
    writeFileSync(join(dir, 'q.md'), quiz);
    const result = await runInProcess(args, { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n').filter((line) => !line.includes('warning:')).join('\n')).toBe(stderr);
  });

  test('a quiz with errors is refused with its errors, as run refuses it', async () => {
    const dir = tempDir('preview-broken');
    writeFileSync(join(dir, 'q.md'), '# Q\n\n### Posible Answers\n\n- a {Answer}\n');
    const result = await runInProcess(['preview', 'q.md'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('q.md:3:1: question 1 "Q" has no answer: "### Posible Answers" is not a known section; did you mean "### Possible Answers"?');
  });
});
