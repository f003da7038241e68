/**
 * The progress store on a temporary state folder (DESIGN.md section 9): one file per attempt, atomic
 * writes, two runs at once losing nothing, corrupt files moved aside with a one-line warning.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { finishAttempt, newAttempt, recordAnswer, type Attempt } from '../src/progress/state.js';
import { AttemptRecorder } from '../src/progress/recorder.js';
import { planRun } from '../src/progress/run-plan.js';
import { ProgressStore, quizFolder, stateDir } from '../src/progress/store.js';
import { ROOT } from './helpers/cli.js';
import { FIVE, FIVE_EDITED, handAttempt, loadFixture, respond } from './helpers/progress.js';
import { tempDir } from './helpers/temp.js';

const five = loadFixture(FIVE);
const tempState = () => tempDir('state');
function storeIn(dir: string): { store: ProgressStore; warnings: string[] } {
  const warnings: string[] = [];
  return { store: new ProgressStore(dir, (line) => warnings.push(line), () => new Date('2026-11-24T18:00:00.000Z')), warnings };
}

describe('where progress is kept', () => {
  test('XDG_STATE_HOME when absolute, else ~/.local/state, else nowhere', () => {
    expect(stateDir({ XDG_STATE_HOME: '/x/state', HOME: '/home/a' })).toBe('/x/state/mlops-quiz');
    expect(stateDir({ XDG_STATE_HOME: 'relative/state', HOME: '/home/a' })).toBe('/home/a/.local/state/mlops-quiz');
    expect(stateDir({ XDG_STATE_HOME: '', HOME: '/home/a' })).toBe('/home/a/.local/state/mlops-quiz');
    expect(stateDir({})).toBeNull();
  });

  test('one folder per quiz id; an id that is not a plain name becomes a safe one', () => {
    expect(quizFolder('mlops-deployment')).toBe('mlops-deployment');
    expect(quizFolder('../../etc/passwd')).toMatch(/^etc-passwd-[0-9a-f]{10}$/);
    expect(quizFolder('a/b')).not.toBe(quizFolder('a:b'));
  });

  test('an attempt is saved as its own file and read back; no temporary file is left', () => {
    const dir = tempState();
    const { store, warnings } = storeIn(dir);
    const attempt = handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right', bravo: 'wrong' } });
    expect(store.save(attempt)).toBe(true);
    expect(readdirSync(join(dir, 'five'))).toEqual([`${attempt.id}.json`]);
    expect(store.load('five')).toEqual([attempt]);
    expect(store.quizIds()).toEqual(['five']);
    expect(warnings).toEqual([]);
  });
});

describe('two runs at once lose neither attempt', () => {
  test('interleaved saves of two attempts, after every answer', () => {
    const dir = tempState();
    const { store } = storeIn(dir);
    const now = new Date('2026-11-24T18:00:00.000Z');
    let one = newAttempt({ quiz: five, questions: five.questions, mode: 'full', now, random: 'one' });
    let two = newAttempt({ quiz: five, questions: five.questions, mode: 'full', now, random: 'two' });
    for (const question of five.questions) {
      one = recordAnswer(one, question, respond(question, 'right'), now);
      store.save(one);
      two = recordAnswer(two, question, respond(question, 'wrong'), now);
      store.save(two);
    }
    const loaded = store.load('five');
    expect(loaded.map((attempt) => [attempt.id, Object.keys(attempt.answers).length]).sort()).toEqual([
      [one.id, 5],
      [two.id, 5],
    ]);
  });

  test('two processes saving at the same time: every attempt of both lands whole', async () => {
    const dir = tempState();
    const work = tempDir('writer');
    // A small writer, bundled from the real store: 20 attempts, saved after each of the five answers.
    const writer = join(work, 'writer.mjs');
    buildSync({
      stdin: {
        contents: `
          import { readFileSync } from 'node:fs';
          import { ProgressStore } from './src/progress/store.ts';
          import { finishAttempt, newAttempt, recordAnswer } from './src/progress/state.ts';
          const [quizFile, dir, tag] = process.argv.slice(2);
          const quiz = JSON.parse(readFileSync(quizFile, 'utf8'));
          const store = new ProgressStore(dir, (line) => { console.error(line); process.exitCode = 3; });
          const answer = { single: { kind: 'single', choice: 0 }, multiple: { kind: 'multiple', choices: [0] }, self: { kind: 'self', knew: true } };
          for (let round = 0; round < 20; round += 1) {
            let attempt = newAttempt({ quiz, questions: quiz.questions, mode: 'full', now: new Date(), random: tag + round });
            for (const question of quiz.questions) {
              attempt = recordAnswer(attempt, question, answer[question.kind], new Date());
              store.save(attempt);
            }
            store.save(finishAttempt(attempt, new Date()));
          }`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: writer,
      logLevel: 'silent',
    });
    const quizFile = join(work, 'five.json');
    writeFileSync(quizFile, JSON.stringify(five));
    const run = (tag: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [writer, quizFile, dir, tag], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run('left'), run('right')]);
    expect(results).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    const { store, warnings } = storeIn(dir);
    const loaded = store.load('five');
    expect(warnings).toEqual([]);
    expect(loaded).toHaveLength(40);
    expect(loaded.every((attempt) => attempt.finishedAt !== null && Object.keys(attempt.answers).length === 5)).toBe(true);
    expect(readdirSync(join(dir, 'five')).filter((name) => !name.endsWith('.json'))).toEqual([]);
    // The two really ran at the same time: each one's saves span past the other's first.
    const span = (tag: string) => {
      const times = loaded.filter((attempt) => attempt.id.includes(tag)).flatMap((attempt) => [Date.parse(attempt.startedAt), Date.parse(attempt.updatedAt)]);
      return [Math.min(...times), Math.max(...times)] as const;
    };
    const [left, right] = [span('left'), span('right')];
    expect(left[0] <= right[1] && right[0] <= left[1]).toBe(true);
  });
});

describe('a corrupt or unreadable state file is moved aside and the run goes on', () => {
  const fill = (dir: string): Attempt => {
    const { store } = storeIn(dir);
    const good = finishAttempt(handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right' } }), new Date('2026-11-01T09:05:00.000Z'));
    store.save(good);
    return good;
  };

  test('not JSON, and JSON that is not an attempt: moved aside, one warning line each', () => {
    const dir = tempState();
    const good = fill(dir);
    const folder = join(dir, 'five');
    writeFileSync(join(folder, '20261102T090000000Z-trunc.json'), '{"version":1,"id":"20261102T');
    writeFileSync(join(folder, '20261103T090000000Z-shape.json'), JSON.stringify({ ...good, answers: { alpha: { ...good.answers.alpha, points: 7 } } }));
    const { store, warnings } = storeIn(dir);
    expect(store.load('five')).toEqual([good]);
    expect(warnings).toEqual([
      `${folder}/20261102T090000000Z-trunc.json: saved progress is unreadable (not JSON); moved aside to 20261102T090000000Z-trunc.json.corrupt-20261124T180000000Z`,
      `${folder}/20261103T090000000Z-shape.json: saved progress is unreadable (not a saved attempt: answers.alpha.points: Too big: expected number to be <=1); moved aside to 20261103T090000000Z-shape.json.corrupt-20261124T180000000Z`,
    ]);
    expect(readdirSync(folder).sort()).toEqual([
      `${good.id}.json`,
      '20261102T090000000Z-trunc.json.corrupt-20261124T180000000Z',
      '20261103T090000000Z-shape.json.corrupt-20261124T180000000Z',
    ]);
    // The next run reads cleanly: nothing more to warn about.
    const again = storeIn(dir);
    expect(again.store.load('five')).toEqual([good]);
    expect(again.warnings).toEqual([]);
  });

  test('a file from a later version of the format is left as it is, with a warning', () => {
    const dir = tempState();
    fill(dir);
    const later = join(dir, 'five', '20261104T090000000Z-later.json');
    writeFileSync(later, JSON.stringify({ version: 2, whatever: true }));
    const { store, warnings } = storeIn(dir);
    expect(store.load('five')).toHaveLength(1);
    expect(warnings).toEqual([`${later}: saved by a later mlops-quiz (state version 2, this one reads 1); left as it is and not used`]);
    expect(existsSync(later)).toBe(true);
  });

  test('progress that cannot be saved warns once, and does not stop anything', () => {
    const dir = tempState();
    writeFileSync(join(dir, 'five'), 'a file where the quiz folder should be');
    const { store, warnings } = storeIn(dir);
    const attempt = handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right' } });
    expect(store.save(attempt)).toBe(false);
    expect(store.save(attempt)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/five\/20261101T090000000Z-a1b2c3\.json: progress cannot be saved \((ENOTDIR|EEXIST)\); the quiz goes on without saving it$/);
    expect(store.load('five')).toEqual([]);
  });

  test('a saved file keeps its own name as its id, so a renamed copy is saved back to itself', () => {
    const dir = tempState();
    const good = fill(dir);
    const copy = join(dir, 'five', '20261109T090000000Z-copy.json');
    writeFileSync(copy, readFileSync(join(dir, 'five', `${good.id}.json`)));
    const { store } = storeIn(dir);
    expect(store.load('five').map((attempt) => attempt.id).sort()).toEqual([good.id, '20261109T090000000Z-copy']);
  });
});

describe('saving as a session goes, and resuming from the files', () => {
  const clock = (start: string) => {
    let time = Date.parse(start);
    return () => new Date((time += 60_000));
  };

  test('an attempt interrupted after three answers resumes at the fourth with the three kept, then finishes', () => {
    const dir = tempState();
    const first = storeIn(dir);
    const now = clock('2026-11-24T18:00:00.000Z');
    const recorder = new AttemptRecorder(first.store, { quiz: five, questions: five.questions, mode: 'full', resumed: null, now });
    recorder.answer('alpha', respond(five.questions[0]!, 'right'));
    recorder.answer('bravo', null); // skipped: not an answer
    recorder.answer('bravo', respond(five.questions[1]!, 'wrong'));
    recorder.answer('charlie', respond(five.questions[2]!, 'partial'));
    // Ctrl+C here: nothing more happens; what was answered is on disk.
    const saved = first.store.load('five');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ finishedAt: null });
    expect(Object.keys(saved[0]!.answers)).toEqual(['alpha', 'bravo', 'charlie']);

    const second = storeIn(dir);
    const plan = planRun(five, second.store.load('five'), { resume: true, review: false, planned: five.questions, shown: 'five.md', now: now() });
    if (plan.kind !== 'ask') throw new Error('expected questions');
    expect(plan.questions.findIndex((question) => !plan.responses.has(question.id))).toBe(3);
    expect([...plan.responses.keys()]).toEqual(['alpha', 'bravo', 'charlie']);
    const resumed = new AttemptRecorder(second.store, { quiz: five, questions: plan.questions, mode: plan.mode, resumed: plan.resumed, now });
    resumed.answer('delta', respond(five.questions[3]!, 'right'));
    resumed.answer('echo', respond(five.questions[4]!, 'right'));
    resumed.finish();
    const after = second.store.load('five');
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(saved[0]?.id);
    expect(after[0]?.finishedAt).not.toBeNull();
    expect(Object.values(after[0]!.answers).reduce((sum, answer) => sum + answer.points, 0)).toBe(3.5);
    expect(planRun(five, after, { resume: true, review: false, planned: five.questions, shown: 'five.md', now: now() }).notes).toEqual([
      'Last time: 3.5/5 (70%), 1 minute ago', // the test clock moves a minute per reading
      'Nothing to resume: no unfinished attempt of this quiz, so a new attempt starts.',
    ]);
  });

  test('resuming after the quiz changed drops the changed answer from the file at once', () => {
    const dir = tempState();
    const { store } = storeIn(dir);
    store.save(handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right', bravo: 'right' }, finished: false }));
    const edited = loadFixture(FIVE_EDITED);
    const plan = planRun(edited, store.load('five'), { resume: true, review: false, planned: edited.questions, shown: 'five-edited.md', now: new Date('2026-11-02T09:00:00.000Z') });
    if (plan.kind !== 'ask') throw new Error('expected questions');
    new AttemptRecorder(store, { quiz: edited, questions: plan.questions, mode: plan.mode, resumed: plan.resumed });
    expect(Object.keys(store.load('five')[0]!.answers)).toEqual(['alpha']);
  });

  test('--no-history: a recorder without a store saves nothing', () => {
    const dir = tempState();
    const recorder = new AttemptRecorder(null, { quiz: five, questions: five.questions, mode: 'full', resumed: null });
    recorder.answer('alpha', respond(five.questions[0]!, 'right'));
    recorder.finish();
    expect(recorder.current?.finishedAt).not.toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });
});
