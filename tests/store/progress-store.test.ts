/**
 * The progress store on a temporary state folder (docs/DESIGN.md section 9): one file per attempt, atomic
 * writes, two runs at once losing nothing, corrupt files moved aside with a one-line warning.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { describe, expect, onTestFinished, test } from 'vitest';
import { finishAttempt, newAttempt, recordAnswer, type Attempt } from '../../src/core/progress/attempt.js';
import { AttemptRecorder } from '../../src/tui/recorder.js';
import { planRun } from '../../src/core/progress/run-plan.js';
import { ProgressStore, quizFolder, stateDir } from '../../src/store/attempts.js';
import { ROOT } from '../helpers/cli.js';
import { FIVE, FIVE_EDITED, handAttempt, loadFixture, respond } from '../helpers/progress.js';
import { tempDir } from '../helpers/temp.js';

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
    // Its file-system calls are paced: before each node:fs call of the code under src/, it names the
    // call on stdout and waits for one byte on stdin. The test lets one writer at a time make one call,
    // so the two run at the same time in an order the test fixes, not the timing of the machine.
    const writer = join(work, 'writer.mjs');
    const src = join(ROOT, 'src');
    const pacedFs = [
      "import * as fs from 'node:fs';",
      "export * from 'node:fs';",
      'const go = Buffer.alloc(1);',
      'const paced = (name) => (...args) => {',
      "  fs.writeSync(1, `${name}\\n`);",
      '  if (fs.readSync(0, go, 0, 1, null) !== 1) process.exit(4); // the test is gone',
      '  return fs[name](...args);',
      '};',
      ...Object.keys(fs)
        .filter((name) => name.endsWith('Sync'))
        .map((name) => `export const ${name} = paced(${JSON.stringify(name)});`),
    ].join('\n');
    await build({
      stdin: {
        contents: `
          import { readFileSync } from 'node:fs';
          import { ProgressStore } from './src/store/attempts.ts';
          import { finishAttempt, newAttempt, recordAnswer } from './src/core/progress/attempt.ts';
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
      plugins: [
        {
          name: 'paced-fs',
          setup(builder) {
            builder.onResolve({ filter: /^(node:)?fs$/ }, (args) => (args.importer.startsWith(`${src}${sep}`) ? { path: 'paced-fs', namespace: 'paced' } : undefined));
            builder.onLoad({ filter: /.*/, namespace: 'paced' }, () => ({ contents: pacedFs, loader: 'js' }));
          },
        },
      ],
    });
    const quizFile = join(work, 'five.json');
    writeFileSync(quizFile, JSON.stringify(five));

    /** A writer, stopped before its first file-system call (or ended). */
    const start = (tag: string) => {
      const child = spawn(process.execPath, [writer, quizFile, dir, tag], { stdio: ['pipe', 'pipe', 'pipe'] });
      onTestFinished(() => void child.kill('SIGKILL'));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const ended = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
      const calls = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      return {
        tag,
        /** The call it is stopped before; null once it has ended. */
        next: calls.next().then((line) => (line.done ? null : (line.value as string))),
        /** Lets it make that call and run on to its next one. */
        step(): void {
          child.stdin.write('g');
          this.next = calls.next().then((line) => (line.done ? null : (line.value as string)));
        },
        ended,
      };
    };
    const writers = [start('left'), start('right')];
    // Turns by a seeded pseudo-random sequence (xorshift32), the same on every run: the two drift in
    // and out of step, so each one's calls fall at every point of the other's saves.
    let random = 15;
    const coin = (): number => {
      random ^= random << 13;
      random ^= random >>> 17;
      random ^= random << 5;
      return (random >>> 0) % 2;
    };
    const taken: string[] = [];
    // What the state folder holds between two calls: a saved attempt is never lost, not for a moment.
    const folder = join(dir, 'five');
    let seen: string[] = [];
    const listing = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : []);
    // Both are stopped before their first call; then one makes its next call while the other waits.
    const turns = await Promise.all(writers.map((one) => one.next));
    while (turns.some((call) => call !== null)) {
      const ready = [0, 1].filter((index) => turns[index] !== null);
      const index = ready.length === 1 ? ready[0]! : coin();
      const one = writers[index]!;
      taken.push(`${one.tag} ${turns[index]}`);
      one.step();
      turns[index] = await one.next;
      const now = listing();
      expect(seen.filter((name) => !now.includes(name)), `gone after "${taken.at(-1)}"`).toEqual([]);
      seen = now;
    }
    const results = await Promise.all(writers.map((one) => one.ended));
    expect(results).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    // Both were paced (as many calls each, one at least per save), and the turns passed from one to the
    // other more often than there are saves.
    const sides = taken.map((call) => call.split(' ')[0]);
    expect(sides.filter((side) => side === 'left').length).toBeGreaterThanOrEqual(120);
    expect(sides.filter((side) => side === 'right').length).toBe(sides.filter((side) => side === 'left').length);
    expect(sides.filter((side, index) => index > 0 && side !== sides[index - 1]).length).toBeGreaterThan(240);

    const { store, warnings } = storeIn(dir);
    const loaded = store.load('five');
    expect(warnings).toEqual([]);
    expect(loaded).toHaveLength(40);
    expect(seen).toHaveLength(40);
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
    writeFileSync(later, JSON.stringify({ version: 3, whatever: true }));
    const { store, warnings } = storeIn(dir);
    expect(store.load('five')).toHaveLength(1);
    expect(warnings).toEqual([`${later}: saved by a later mlops-quiz (state version 3, this one reads 2); left as it is and not used`]);
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

  test('skip-then-resume cannot earn a point: a skipped question (its answer shown) is saved as answered, 0 points, and not asked again', () => {
    const dir = tempState();
    const first = storeIn(dir);
    const now = clock('2026-11-24T18:00:00.000Z');
    const recorder = new AttemptRecorder(first.store, { quiz: five, questions: five.questions, mode: 'full', resumed: null, now });
    recorder.answer('alpha', respond(five.questions[0]!, 'right'), { seconds: 4 });
    recorder.answer('bravo', null, { seconds: 2 }); // `s`: the right answer is shown
    // q here.
    const saved = first.store.load('five')[0]!;
    expect(saved.answers['bravo']).toMatchObject({ response: null, revealed: true, points: 0, status: 'incorrect', seconds: 2 });
    const plan = planRun(five, first.store.load('five'), { resume: true, review: false, planned: five.questions, shown: 'five.md', now: now() });
    if (plan.kind !== 'ask') throw new Error('expected questions');
    expect([...plan.responses.entries()]).toEqual([['alpha', respond(five.questions[0]!, 'right')], ['bravo', null]]);
    expect(plan.questions.findIndex((question) => !plan.responses.has(question.id))).toBe(2);
    expect(plan.notes.at(-1)).toBe('Resuming your attempt from 2 minutes ago: 2 answers kept; continuing at question 3.');
  });

  test('an attempt saved by version 1 of the format is read, resumed, and saved back in the current version', () => {
    const dir = tempState();
    const name = '20261020T090000000Z-v1old.json';
    fs.mkdirSync(join(dir, 'five'));
    fs.copyFileSync(new URL(`../fixtures/progress/${name}`, import.meta.url), join(dir, 'five', name));
    const { store, warnings } = storeIn(dir);
    const [old] = store.load('five');
    expect(warnings).toEqual([]);
    expect(old).toMatchObject({ version: 2, id: '20261020T090000000Z-v1old', finishedAt: null });
    expect(old?.answers['bravo']).toMatchObject({ status: 'incorrect', revealed: false, hinted: false, seconds: null });
    const plan = planRun(five, [old!], { resume: true, review: false, planned: five.questions, shown: 'five.md', now: new Date('2026-10-21T09:00:00.000Z') });
    if (plan.kind !== 'ask') throw new Error('expected questions');
    expect([...plan.responses.keys()]).toEqual(['alpha', 'bravo', 'charlie']);
    const recorder = new AttemptRecorder(store, { quiz: five, questions: plan.questions, mode: plan.mode, resumed: plan.resumed });
    recorder.answer('delta', respond(five.questions[3]!, 'right'));
    expect(JSON.parse(readFileSync(join(dir, 'five', name), 'utf8'))).toMatchObject({ version: 2, answers: { alpha: { revealed: false }, delta: { points: 1 } } });
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
