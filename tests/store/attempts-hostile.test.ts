/**
 * Saved attempts under hostile conditions (issue 20): what is not a regular file (a FIFO, a link to
 * /dev/zero) and what no session could have saved (more answers than questions, points that do not
 * match the status) is moved aside with one warning; nothing blocks, nothing crashes; files are 0600
 * in folders 0700.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ProgressStore } from '../../src/store/attempts.js';
import { runInProcess } from '../helpers/cli.js';
import { FIVE, handAttempt, loadFixture } from '../helpers/progress.js';
import { tempDir } from '../helpers/temp.js';

const quiz = loadFixture(FIVE);
const NOW = () => new Date('2026-11-20T10:00:00.000Z');
const HAS_MKFIFO = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

function store(): { store: ProgressStore; warnings: string[]; folder: string; dir: string } {
  const dir = tempDir('attempts-hostile');
  const warnings: string[] = [];
  const progress = new ProgressStore(join(dir, 'mlops-quiz'), (line) => warnings.push(line), NOW);
  const folder = progress.folderOf(quiz.id);
  mkdirSync(folder, { recursive: true });
  return { store: progress, warnings, folder, dir };
}

const good = handAttempt(quiz, { at: '2026-11-19T10:00:00.000Z', answers: { alpha: 'right', bravo: 'wrong' } });

describe('saved attempts that are not regular files', () => {
  test('a link to /dev/zero is moved aside (it used to abort: std::bad_alloc, exit 134)', () => {
    const { store: progress, warnings, folder } = store();
    symlinkSync('/dev/zero', join(folder, '20261119T100000000Z-zero.json'));
    expect(progress.load(quiz.id)).toEqual([]);
    expect(warnings).toEqual([`${join(folder, '20261119T100000000Z-zero.json')}: saved progress is unreadable (a character device, not a regular file); moved aside to 20261119T100000000Z-zero.json.corrupt-20261120T100000000Z`]);
  });

  test.runIf(HAS_MKFIFO)('a FIFO is moved aside at once (it used to block in open() forever)', () => {
    const { store: progress, warnings, folder } = store();
    expect(spawnSync('mkfifo', [join(folder, '20261119T100000000Z-fifo.json')]).status).toBe(0);
    expect(progress.load(quiz.id)).toEqual([]);
    expect(warnings).toEqual([`${join(folder, '20261119T100000000Z-fifo.json')}: saved progress is unreadable (a named pipe (FIFO), not a regular file); moved aside to 20261119T100000000Z-fifo.json.corrupt-20261120T100000000Z`]);
  });
});

describe('attempts no session could have saved', () => {
  test.each([
    [
      'an answer to a question the attempt did not ask (more answers than questions)',
      { ...good, questions: good.questions.slice(0, 1), answers: good.answers },
      'an answer to "bravo", a question the attempt did not ask',
    ],
    ['a question listed twice', { ...good, questions: [good.questions[0]!, good.questions[0]!] }, 'question "alpha" is listed twice'],
    ['full points marked incorrect', { ...good, answers: { ...good.answers, bravo: { ...good.answers.bravo!, points: 1 } } }, 'the answer to "bravo" has 1 points but status incorrect'],
  ])('%s: moved aside with one warning', (_name, attempt, reason) => {
    const { store: progress, warnings, folder } = store();
    writeFileSync(join(folder, `${good.id}.json`), JSON.stringify(attempt));
    expect(progress.load(quiz.id)).toEqual([]);
    expect(warnings).toEqual([`${join(folder, `${good.id}.json`)}: saved progress is unreadable (not a possible attempt: ${reason}); moved aside to ${good.id}.json.corrupt-20261120T100000000Z`]);
    expect(readdirSync(folder)).toEqual([`${good.id}.json.corrupt-20261120T100000000Z`]);
  });

  test('a good attempt still loads', () => {
    const { store: progress, warnings } = store();
    expect(progress.save(good)).toBe(true);
    expect(progress.load(quiz.id)).toEqual([good]);
    expect(warnings).toEqual([]);
  });

  test('stats of a forged attempt with 1,000 answers to one question shows no 100000%', async () => {
    const { store: progress, folder, dir } = store();
    const answers = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`q${index}`, good.answers.alpha!]));
    writeFileSync(join(folder, `${good.id}.json`), JSON.stringify({ ...good, questions: good.questions.slice(0, 1), answers }));
    const result = await runInProcess(['stats', FIVE], { env: { XDG_STATE_HOME: dir } });
    expect(result.stdout).not.toMatch(/1000\/1|100000%/);
    expect(result.stderr).toMatch(/not a possible attempt: an answer to "q0", a question the attempt did not ask/);
    expect(progress.load(quiz.id)).toEqual([]);
  });
});

test('a link planted where an attempt is saved is replaced, never written through', () => {
  const { store: progress, dir } = store();
  const outside = join(dir, 'outside.txt');
  writeFileSync(outside, 'not yours\n');
  symlinkSync(outside, progress.pathOf(good));
  expect(progress.save(good)).toBe(true);
  expect(readFileSync(outside, 'utf8')).toBe('not yours\n');
  expect(lstatSync(progress.pathOf(good)).isFile()).toBe(true);
  expect(progress.load(quiz.id)).toEqual([good]);
});

test('saved attempts are 0600 in folders 0700', () => {
  const { store: progress } = store();
  expect(progress.save(good)).toBe(true);
  expect(statSync(progress.pathOf(good)).mode & 0o777).toBe(0o600);
  expect(statSync(progress.folderOf(quiz.id)).mode & 0o777).toBe(0o700);
});
