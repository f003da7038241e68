/**
 * Progress on the command line: `mlops-quiz stats [quiz] [--format text|json|csv]` on a temporary state
 * folder with a history built by hand, and the run flags that only an interactive run takes.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ProgressStore } from '../../src/store/attempts.js';
import { runBinary, runInProcess } from '../helpers/cli.js';
import { FIVE, handAttempt, loadFixture } from '../helpers/progress.js';
import { tempDir } from '../helpers/temp.js';

const five = loadFixture(FIVE);

// Two attempts in early November 2026: by the time the tests run, every question is due.
function stateWithHistory(): string {
  const state = tempDir('stats');
  const store = new ProgressStore(join(state, 'mlops-quiz'), (line) => {
    throw new Error(line);
  });
  store.save(handAttempt(five, { at: '2026-11-01T09:00:00.000Z', random: 'aaaa', answers: { alpha: 'right', bravo: 'wrong', charlie: 'partial', delta: 'right', echo: 'right' } }));
  store.save(handAttempt(five, { at: '2026-11-02T09:00:00.000Z', random: 'bbbb', answers: { alpha: 'right', bravo: 'right', charlie: 'right', delta: 'right', echo: 'right' } }));
  return state;
}

describe('stats', () => {
  test('text: attempts, best and last score, sparkline, most missed, next due dates', async () => {
    const state = stateWithHistory();
    const result = await runInProcess(['stats', FIVE], { env: { XDG_STATE_HOME: state } });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('Five questions (five)\nAttempts: 2 (2 finished)\nBest: 5/5 (100%)   Last: 5/5 (100%), ');
    expect(result.stdout).toContain('Scores: ▆█  (finished attempts, oldest first)');
    expect(result.stdout).toContain('Most missed:\n  2. Bravo    missed 1 of 2\n  3. Charlie  missed 1 of 2\n');
    expect(result.stdout).toContain('Next review (spaced by days, FSRS):\n  1. Alpha    due since 2026-11-09 (');
    expect(result.stdout).toContain('  2. Bravo    due since 2026-11-05 (');
    expect(result.stdout).toContain(`Due for review now: 5 questions (mlops-quiz run ${FIVE} --review)`);
  });

  test('json and csv', async () => {
    const state = stateWithHistory();
    const json = await runInProcess(['stats', FIVE, '--format', 'json'], { env: { XDG_STATE_HOME: state } });
    const stats = JSON.parse(json.stdout);
    expect(stats).toMatchObject({ quiz: { id: 'five', title: 'Five questions' }, attempts: 2, finished: 2, reviews: 0, best: { percent: 100 }, due: 5, unanswered: 0 });
    expect(stats.scores.map((score: { percent: number }) => score.percent)).toEqual([70, 100]);
    // Per question: number, id and the next due date (ISO 8601) from FSRS; bravo, wrong first, is due first.
    const dues = stats.questions.map((row: { number: number; id: string; due: string }) => [row.number, row.id, row.due]);
    expect(dues).toEqual([
      [1, 'alpha', '2026-11-09T09:01:00.000Z'],
      [2, 'bravo', '2026-11-05T09:02:00.000Z'],
      [3, 'charlie', '2026-11-07T09:03:00.000Z'],
      [4, 'delta', '2026-11-09T09:04:00.000Z'],
      [5, 'echo', '2026-11-09T09:05:00.000Z'],
    ]);
    const csv = await runInProcess(['stats', FIVE, '--format', 'csv'], { env: { XDG_STATE_HOME: state } });
    expect(csv.stdout.split('\r\n')).toEqual([
      'quiz,number,id,title,answered,right,missed,due,dueNow',
      ...dues.map(([number, id, due]: [number, string, string], index: number) => `five,${number},${id},${id[0]!.toUpperCase()}${id.slice(1)},2,${[2, 1, 1, 2, 2][index]},${[0, 1, 1, 0, 0][index]},${due},true`),
      '',
    ]);
  });

  test('json: a right answer falls due later than a wrong one', async () => {
    const state = tempDir('stats');
    const store = new ProgressStore(join(state, 'mlops-quiz'), (line) => {
      throw new Error(line);
    });
    store.save(handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right', bravo: 'wrong', charlie: 'partial' } }));
    const json = await runInProcess(['stats', FIVE, '--format', 'json'], { env: { XDG_STATE_HOME: state } });
    const due = Object.fromEntries(JSON.parse(json.stdout).questions.map((row: { id: string; due: string }) => [row.id, Date.parse(row.due)]));
    expect(due['alpha']).toBeGreaterThan(due['charlie']);
    expect(due['charlie']).toBeGreaterThan(due['bravo']);
    for (const row of JSON.parse(json.stdout).questions) expect(row.due).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('by the id of a quiz with saved progress, without its file', async () => {
    const state = stateWithHistory();
    const result = await runInProcess(['stats', 'five'], { env: { XDG_STATE_HOME: state } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Five questions \(five\)\nAttempts: 2 \(2 finished\)/);
    const unknown = await runInProcess(['stats', 'nothing-here'], { env: { XDG_STATE_HOME: state } });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/^mlops-quiz: nothing-here: no such quiz file.*nor is it the id of a quiz with saved progress \(saved progress: five\)\n$/);
  });

  test('no history yet for the quiz named: says how to start, and which quizzes have progress', async () => {
    const state = stateWithHistory();
    const result = await runInProcess(['stats', 'mlops-deployment'], { env: { XDG_STATE_HOME: state } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^MLOps deployment: .+ \(mlops-deployment\)\nNo saved attempts yet: take the quiz with `mlops-quiz run`, and your progress is kept\.\nSaved progress exists for: five \(`mlops-quiz stats ID`\)\n$/);
    const none = await runInProcess(['stats'], { env: { XDG_STATE_HOME: tempDir('empty-state') } });
    expect(none.stdout).toMatch(/^MLOps deployment: .+ \(mlops-deployment\)\nNo saved attempts yet/);
  });

  test('plain stats covers every quiz with saved progress; json gives an array of them', async () => {
    const state = stateWithHistory();
    const store = new ProgressStore(join(state, 'mlops-quiz'), (line) => {
      throw new Error(line);
    });
    const other = { ...handAttempt(five, { at: '2026-11-03T09:00:00.000Z', random: 'other', answers: { alpha: 'wrong' } }), quiz: { id: 'another', title: 'Another quiz', source: 'gone/another.md' } };
    store.save(other);
    const text = await runInProcess(['stats'], { env: { XDG_STATE_HOME: state } });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^Another quiz \(another\)\nAttempts: 1 \(1 finished\)/);
    expect(text.stdout).toContain('\n\nFive questions (five)\nAttempts: 2 (2 finished)');
    // Its file is gone: its questions as saved, and the review command names it as it was run.
    expect(text.stdout).toContain('(mlops-quiz run gone/another.md --review)');
    const json = JSON.parse((await runInProcess(['stats', '--format', 'json'], { env: { XDG_STATE_HOME: state } })).stdout);
    expect(json.map((stats: { quiz: { id: string } }) => stats.quiz.id)).toEqual(['another', 'five']);
  });

  test('a corrupt state file: one warning line, moved aside, and the stats still come', async () => {
    const state = stateWithHistory();
    const folder = join(state, 'mlops-quiz', 'five');
    writeFileSync(join(folder, '20261103T090000000Z-zzzz.json'), '\u0000\u0001garbage');
    const result = await runInProcess(['stats', FIVE], { env: { XDG_STATE_HOME: state } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^mlops-quiz: warning: \S+\/five\/20261103T090000000Z-zzzz\.json: saved progress is unreadable \(not JSON\); moved aside to 20261103T090000000Z-zzzz\.json\.corrupt-\d{8}T\d{9}Z\n$/);
    expect(result.stdout).toContain('Attempts: 2 (2 finished)');
    expect(readdirSync(folder).filter((name) => name.includes('corrupt'))).toHaveLength(1);
  });

  test('without HOME nor XDG_STATE_HOME: a usage error that says what to set', async () => {
    const result = await runInProcess(['stats'], { env: { HOME: undefined, XDG_STATE_HOME: undefined } });
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toBe('mlops-quiz: stats needs a folder for saved progress: set HOME or XDG_STATE_HOME to an absolute path\n');
  });

  test('through the binary', () => {
    const state = stateWithHistory();
    const result = runBinary(['stats', FIVE, '--format', 'json'], { env: { XDG_STATE_HOME: state } });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ attempts: 2 });
  });
});

describe('run --resume / --review / --no-history', () => {
  test('--resume and --review are for interactive runs: with --answers, a usage error', async () => {
    const result = await runInProcess(['run', FIVE, '--answers', 'tests/fixtures/answers/seed-all-correct.json', '--resume', '--review']);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toBe('mlops-quiz: --resume, --review: only for interactive runs; an answers file is graded over every question, in file order\n');
    const exam = await runInProcess(['run', FIVE, '--answers', 'tests/fixtures/answers/seed-all-correct.json', '--exam', '--plain']);
    expect(exam).toMatchObject({ exitCode: 2, stdout: '' });
    expect(exam.stderr).toMatch(/^mlops-quiz: --plain, --exam: only for interactive runs/);
  });

  test('answers-file grading saves nothing, even with history on', async () => {
    const state = tempDir('nosave');
    const result = await runInProcess(['run', 'tests/fixtures/seed/seed.md', '--answers', 'tests/fixtures/answers/seed-all-correct.json'], { env: { XDG_STATE_HOME: state } });
    expect(result.exitCode).toBe(0);
    expect(readdirSync(state)).toEqual([]);
  });

  test('--help lists the progress flags and the stats command', async () => {
    const run = await runInProcess(['run', '--help']);
    expect(run.stdout).toMatch(/--resume +interactive: continue the last unfinished attempt/);
    expect(run.stdout).toMatch(/--review +interactive: ask what is due for review today/);
    expect(run.stdout).toMatch(/--exam +interactive: no feedback until the end/);
    expect(run.stdout).toMatch(/--plain +interactive: line by line/);
    expect(run.stdout).toMatch(/--no-history +interactive: save nothing of this attempt/);
    expect((await runInProcess(['--help'])).stdout).toMatch(/^ +stats \[options\] \[quiz\] +your saved progress/m);
  });
});
