/**
 * Learner progress, the pure part (docs/DESIGN.md section 9): Leitner boxes and what is due, resume
 * planning, statistics and the "Last time" line, on histories built by hand from five.md:
 * alpha (single), bravo (single), charlie (multiple: partial is possible), delta (single), echo (self).
 */
import { describe, expect, test } from 'vitest';
import { dueForReview, leitner, nextReview } from '../../src/core/progress/leitner.js';
import { describeResume, planResume } from '../../src/core/progress/resume.js';
import { planRun } from '../../src/core/progress/run-plan.js';
import { Attempt } from '../../src/core/progress/attempt.js';
import { formatAgo, lastTimeLine, quizStats, sparkline } from '../../src/core/progress/stats.js';
import { renderStatsCsv, renderStatsText } from '../../src/reporters/stats.js';
import { asked } from '../../src/core/progress/attempt.js';
import { FIVE, FIVE_EDITED, handAttempt, loadFixture } from '../helpers/progress.js';

const five = loadFixture(FIVE);
const edited = loadFixture(FIVE_EDITED);
const ids = (questions: readonly { id: string }[]) => questions.map((question) => question.id);

/**
 * The history, by hand (box after each attempt in brackets):
 *   #0 Nov 1, whole quiz:  alpha right [2], bravo wrong [1], charlie partial [1], delta right [2], echo knew [2]  3.5/5
 *   #1 Nov 2, --limit 4:   alpha right [3], bravo right [2], charlie wrong [1], echo did not know [1]      2/4
 *   #2 Nov 3, interrupted after three answers: alpha right [4], bravo right [3], charlie partial [1]   2.5/5
 * The next attempt is #3. Due when 3 - last asked >= 2^(box-1):
 *   alpha  box 4, asked in #2: 1 < 8, due in 7 more attempts
 *   bravo  box 3, asked in #2: 1 < 4, due in 3
 *   charlie box 1: due, never answered right
 *   delta  box 2, asked in #0: 3 >= 2, due, never missed
 *   echo   box 1, asked (and missed) in #1: due
 */
const history: Attempt[] = [
  handAttempt(five, { at: '2026-11-01T09:00:00.000Z', random: 'aaaa', answers: { alpha: 'right', bravo: 'wrong', charlie: 'partial', delta: 'right', echo: 'right' } }),
  handAttempt(five, { at: '2026-11-02T09:00:00.000Z', random: 'bbbb', asked: ['alpha', 'bravo', 'charlie', 'echo'], answers: { alpha: 'right', bravo: 'right', charlie: 'wrong', echo: 'wrong' } }),
  handAttempt(five, { at: '2026-11-03T09:00:00.000Z', random: 'cccc', answers: { alpha: 'right', bravo: 'right', charlie: 'partial' }, finished: false }),
];

describe('Leitner boxes', () => {
  test('the boxes and due counts of the history built by hand', () => {
    const { clock, records } = leitner(five.questions, history);
    expect(clock).toBe(3);
    expect(records.map(({ id, box, dueIn }) => [id, box, dueIn])).toEqual([
      ['alpha', 4, 7],
      ['bravo', 3, 3],
      ['charlie', 1, 0],
      ['delta', 2, 0],
      ['echo', 1, 0],
    ]);
  });

  test('review asks exactly the due questions: never answered right first, then the most recently missed', () => {
    expect(ids(dueForReview(five.questions, history))).toEqual(['charlie', 'echo', 'delta']);
  });

  test('a question never answered is due, and comes first with those never answered right', () => {
    expect(ids(dueForReview(five.questions, []))).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });

  test('box N comes back 2^(N-1) attempts after it was last asked', () => {
    // alpha answered right in every attempt climbs a box each time; the other questions keep the clock going.
    const dueAfter: number[] = [];
    for (let box = 2; box <= 4; box += 1) {
      const climbs = Array.from({ length: box - 1 }, (_, index) =>
        handAttempt(five, { at: `2026-10-0${index + 1}T09:00:00.000Z`, random: `c${index}`, answers: { alpha: 'right' } }),
      );
      // Count the attempts (without alpha) until alpha is due again.
      let waited = 0;
      const later: Attempt[] = [];
      while (!ids(dueForReview(five.questions, [...climbs, ...later])).includes('alpha')) {
        waited += 1;
        later.push(handAttempt(five, { at: `2026-10-${10 + waited}T09:00:00.000Z`, random: `w${waited}`, answers: { bravo: 'right' } }));
      }
      dueAfter.push(waited + 1);
    }
    expect(dueAfter).toEqual([2, 4, 8]);
  });

  test('partial credit is not right: back to box 1', () => {
    const up = [handAttempt(five, { at: '2026-10-01T09:00:00.000Z', answers: { charlie: 'right' } }), handAttempt(five, { at: '2026-10-02T09:00:00.000Z', random: 'x2', answers: { charlie: 'right' } })];
    expect(leitner(five.questions, up).records[2]).toMatchObject({ id: 'charlie', box: 3 });
    const partial = [...up, handAttempt(five, { at: '2026-10-03T09:00:00.000Z', random: 'x3', answers: { charlie: 'partial' } })];
    expect(leitner(five.questions, partial).records[2]).toMatchObject({ id: 'charlie', box: 1, missed: 1, dueIn: 0 });
  });

  test('a changed question starts again: answers to its earlier version do not count', () => {
    // bravo's right answer changed (box 3 before), delta is gone, foxtrot is new.
    expect(ids(dueForReview(edited.questions, history))).toEqual(['bravo', 'charlie', 'foxtrot', 'echo']);
    expect(leitner(edited.questions, history).records.find((record) => record.id === 'bravo')).toMatchObject({ box: 1, answered: 0 });
  });

  test('all mastered: nothing is due, and the next review is known', () => {
    const mastered = [handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right', bravo: 'right', charlie: 'right', delta: 'right', echo: 'right' } })];
    expect(dueForReview(five.questions, mastered)).toEqual([]);
    const next = nextReview(five.questions, mastered);
    expect(next?.after).toBe(1);
    expect(ids(next?.questions ?? [])).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });

  test('attempts of another quiz and attempts with no answer do not move the clock', () => {
    const other = { ...handAttempt(five, { at: '2026-11-04T09:00:00.000Z', random: 'oooo', answers: { alpha: 'wrong' } }), quiz: { id: 'other', title: 'Other', source: 'other.md' } };
    const empty = handAttempt(five, { at: '2026-11-05T09:00:00.000Z', random: 'eeee', answers: {}, finished: false });
    expect(leitner(five.questions, [...history, other, empty], 'five').clock).toBe(3);
  });
});

describe('resume planning', () => {
  test('an attempt interrupted after three answers resumes at the fourth, the three kept', () => {
    const plan = planResume(five, history);
    expect(plan).not.toBeNull();
    expect(plan?.attempt.id).toBe(history[2]?.id);
    expect(plan?.start).toBe(3);
    expect(plan?.questions[plan.start]?.id).toBe('delta');
    expect([...(plan?.responses.keys() ?? [])]).toEqual(['alpha', 'bravo', 'charlie']);
    expect(plan?.dropped).toEqual([]);
    expect(describeResume(plan!, '2 hours ago')).toBe('Resuming your attempt from 2 hours ago: 3 answers kept; continuing at question 4.');
  });

  test('the quiz changed: unchanged answers are kept, changed ones asked again, and the learner is told', () => {
    const plan = planResume(edited, history)!;
    expect(ids(plan.questions)).toEqual(['alpha', 'bravo', 'charlie', 'echo', 'foxtrot']);
    expect([...plan.responses.keys()]).toEqual(['alpha', 'charlie']);
    expect(plan.dropped).toEqual([{ id: 'bravo', number: 2, title: 'Bravo', reason: 'changed' }]);
    expect(plan.questions[plan.start]?.id).toBe('bravo');
    expect(Object.keys(plan.attempt.answers)).toEqual(['alpha', 'charlie']);
    expect(describeResume(plan, 'yesterday')).toBe(
      'Resuming your attempt from yesterday: 2 answers kept; the quiz changed: question 2 changed since, so it is asked again; continuing at question 2.',
    );
  });

  test('an answered question removed from the quiz is said to be gone', () => {
    const withDelta = handAttempt(five, { at: '2026-11-06T09:00:00.000Z', random: 'dddd', answers: { alpha: 'right', delta: 'wrong' }, finished: false });
    const plan = planResume(edited, [withDelta])!;
    expect(plan.dropped).toEqual([{ id: 'delta', number: 4, title: 'Delta', reason: 'removed' }]);
    expect(ids(plan.questions)).toEqual(['alpha', 'bravo', 'charlie', 'echo', 'foxtrot']);
  });

  test('nothing to resume when every attempt is finished', () => {
    expect(planResume(five, history.slice(0, 2))).toBeNull();
    expect(planResume(five, [])).toBeNull();
  });

  test('a review keeps its own questions: only the due ones, in its order', () => {
    const review = handAttempt(five, { at: '2026-11-07T09:00:00.000Z', random: 'rrrr', mode: 'review', asked: ['charlie', 'echo', 'delta'], answers: { charlie: 'right' }, finished: false });
    const plan = planResume(five, [...history, review])!;
    expect(ids(plan.questions)).toEqual(['charlie', 'echo', 'delta']);
    expect(plan.start).toBe(1);
  });
});

describe('stats and the "Last time" line', () => {
  const now = new Date('2026-11-05T10:00:00.000Z');

  test('formatAgo in words', () => {
    const ago = (ms: number) => formatAgo(new Date(now.getTime() - ms), now);
    expect([ago(10_000), ago(5 * 60_000), ago(3 * 3_600_000), ago(30 * 3_600_000), ago(2 * 86_400_000), ago(20 * 86_400_000), ago(90 * 86_400_000)]).toEqual([
      'just now', '5 minutes ago', '3 hours ago', 'yesterday', '2 days ago', '2 weeks ago', 'on 2026-08-07',
    ]);
  });

  test('"Last time" after a finished attempt', () => {
    expect(lastTimeLine(history.slice(0, 1), 'five', new Date('2026-11-03T09:30:00.000Z'))).toBe('Last time: 3.5/5 (70%), 2 days ago');
  });

  test('"Last time" after an interrupted attempt says it can be resumed', () => {
    expect(lastTimeLine(history, 'five', now)).toBe('Last time: 2.5/5 (50%), 2 days ago, unfinished (3 of 5 answered; --resume continues it)');
    expect(lastTimeLine([], 'five', now)).toBeNull();
  });

  test('stats of the hand-built history', () => {
    const stats = quizStats({ id: five.id, title: five.title }, five.questions.map(asked), history, now);
    expect(stats).toMatchObject({ attempts: 3, finished: 2, due: 3, sparkline: sparkline([70, 50]) });
    expect(stats.best).toMatchObject({ score: 3.5, maxScore: 5, percent: 70 });
    expect(stats.last).toMatchObject({ score: 2.5, maxScore: 5, finished: false, ago: '2 days ago' });
    expect(stats.mostMissed.map((row) => [row.id, row.missed, row.answered])).toEqual([['charlie', 3, 3], ['bravo', 1, 3], ['echo', 1, 2]]);
    expect(renderStatsText(stats, 'mlops-quiz run five.md --review')).toBe(
      [
        'Five questions (five)',
        'Attempts: 3 (2 finished)',
        'Best: 3.5/5 (70%)   Last: 2.5/5 (50%), 2 days ago, unfinished',
        'Scores: ▆▅  (finished attempts, oldest first)',
        '',
        'Most missed:',
        '  3. Charlie  missed 3 of 3',
        '  2. Bravo    missed 1 of 3',
        '  5. Echo     missed 1 of 2',
        '',
        'Leitner boxes (box N comes back every 2^(N-1) attempts: box 1 every time, box 5 every 16):',
        '  1. Alpha    box 4  due in 7 attempts',
        '  2. Bravo    box 3  due in 3 attempts',
        '  3. Charlie  box 1  due',
        '  4. Delta    box 2  due',
        '  5. Echo     box 1  due',
        '',
        'Due for review: 3 questions (mlops-quiz run five.md --review)',
        '',
      ].join('\n'),
    );
    expect(renderStatsCsv(stats).split('\r\n').slice(0, 3)).toEqual(['number,id,title,box,answered,right,missed,dueIn', '1,alpha,Alpha,4,3,3,0,7', '2,bravo,Bravo,3,3,2,1,3']);
  });

  test('the sparkline spans 0% to 100%', () => {
    expect(sparkline([0, 12.5, 25, 37.5, 50, 62.5, 75, 100])).toBe('▁▂▃▄▅▆▇█');
  });

  test('an attempt is valid against its own schema after a JSON round trip', () => {
    for (const attempt of history) expect(Attempt.parse(JSON.parse(JSON.stringify(attempt)))).toEqual(attempt);
  });
});

describe('planning a run: new, --resume, --review', () => {
  const now = new Date('2026-11-05T10:00:00.000Z');
  const base = { resume: false, review: false, planned: five.questions, shown: 'five.md', now };

  test('a plain run asks what was planned, after the "Last time" line', () => {
    const plan = planRun(five, history, base);
    expect(plan).toMatchObject({ kind: 'ask', mode: 'full', resumed: null, notes: ['Last time: 2.5/5 (50%), 2 days ago, unfinished (3 of 5 answered; --resume continues it)'] });
    expect(plan.kind === 'ask' && ids(plan.questions)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(planRun(five, [], base).notes).toEqual([]);
  });

  test('--resume continues the interrupted attempt, its answers kept', () => {
    const plan = planRun(five, history, { ...base, resume: true });
    if (plan.kind !== 'ask') throw new Error('expected questions');
    expect(plan.resumed?.id).toBe(history[2]?.id);
    expect([...plan.responses.keys()]).toEqual(['alpha', 'bravo', 'charlie']);
    // The attempt resumed is the last one: its "Last time" line would say the same again.
    expect(plan.notes).toEqual(['Resuming your attempt from 2 days ago: 3 answers kept; continuing at question 4.']);
  });

  test('--resume with nothing to resume: a one-line note, and a new attempt', () => {
    const plan = planRun(five, history.slice(0, 2), { ...base, resume: true });
    expect(plan).toMatchObject({ kind: 'ask', mode: 'full', resumed: null });
    expect(plan.notes).toEqual(['Last time: 2/4 (50%), 3 days ago', 'Nothing to resume: no unfinished attempt of this quiz, so a new attempt starts.']);
  });

  test('--review asks exactly the due questions, in review order, and --limit cuts the list', () => {
    const plan = planRun(five, history, { ...base, review: true });
    expect(plan.kind === 'ask' && [plan.mode, ids(plan.questions)]).toEqual(['review', ['charlie', 'echo', 'delta']]);
    expect(plan.notes[1]).toBe('Review: 3 of 5 questions are due.');
    const limited = planRun(five, history, { ...base, review: true, limit: 2 });
    expect(limited.kind === 'ask' && ids(limited.questions)).toEqual(['charlie', 'echo']);
    expect(limited.notes[1]).toBe('Review: 3 of 5 questions are due, asking the first 2 (--limit).');
  });

  test('--review with everything mastered: says so, and when the next review falls due', () => {
    const mastered = [handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right', bravo: 'right', charlie: 'right', delta: 'right', echo: 'right' } })];
    const plan = planRun(five, mastered, { ...base, review: true });
    expect(plan.kind).toBe('nothing-due');
    expect(plan.notes).toEqual([
      'Last time: 5/5 (100%), 4 days ago',
      'Nothing is due for review: you have mastered every question for now (right when last asked). The next review falls due after 1 more attempt (`mlops-quiz run five.md`), with 1. Alpha, 2. Bravo, 3. Charlie and 2 more.',
    ]);
  });
});
