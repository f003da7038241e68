/**
 * Learner progress, the pure part (docs/DESIGN.md section 9): the FSRS schedule and what is due, resume
 * planning, statistics and the "Last time" line, on histories built by hand from five.md:
 * alpha (single), bravo (single), charlie (multiple: partial is possible), delta (single), echo (self).
 */
import { describe, expect, test } from 'vitest';
import { dueForReview, endOfDay, formatDue, isDue, nextReview, ratingOf, schedule, type QuestionRecord } from '../../src/core/progress/schedule.js';
import { describeResume, planResume } from '../../src/core/progress/resume.js';
import { planRun } from '../../src/core/progress/run-plan.js';
import { Attempt, newAttempt, parseAttempt, recordAnswer, scoreOf, STATE_VERSION } from '../../src/core/progress/attempt.js';
import { formatAgo, lastTimeLine, quizStats, sparkline } from '../../src/core/progress/stats.js';
import { renderStatsCsv, renderStatsText } from '../../src/reporters/stats.js';
import { asked } from '../../src/core/progress/attempt.js';
import { FIVE, FIVE_EDITED, handAttempt, loadFixture, respond } from '../helpers/progress.js';

const five = loadFixture(FIVE);
const edited = loadFixture(FIVE_EDITED);
const ids = (questions: readonly { id: string }[]) => questions.map((question) => question.id);

/**
 * The history, by hand (answers a minute apart from each start):
 *   #0 Nov 1, whole quiz:  alpha right, bravo wrong, charlie partial, delta right, echo knew   3.5/5
 *   #1 Nov 2, --limit 4:   alpha right, bravo right, charlie wrong, echo did not know         2/4
 *   #2 Nov 3, interrupted after three answers: alpha right, bravo right, charlie partial     2.5/5
 */
const history: Attempt[] = [
  handAttempt(five, { at: '2026-11-01T09:00:00.000Z', random: 'aaaa', answers: { alpha: 'right', bravo: 'wrong', charlie: 'partial', delta: 'right', echo: 'right' } }),
  handAttempt(five, { at: '2026-11-02T09:00:00.000Z', random: 'bbbb', asked: ['alpha', 'bravo', 'charlie', 'echo'], answers: { alpha: 'right', bravo: 'right', charlie: 'wrong', echo: 'wrong' } }),
  handAttempt(five, { at: '2026-11-03T09:00:00.000Z', random: 'cccc', answers: { alpha: 'right', bravo: 'right', charlie: 'partial' }, finished: false }),
];
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const byId = (records: QuestionRecord[]) => new Map(records.map((record) => [record.id, record]));

describe('review by days (FSRS)', () => {
  const now = at('2026-11-05T10:00:00.000Z');

  test('the ratings of DESIGN.md section 9', () => {
    const answer = (status: 'correct' | 'partial' | 'incorrect', more: { revealed?: boolean; hinted?: boolean } = {}) => ({ status, revealed: false, hinted: false, ...more });
    expect(ratingOf(answer('correct'))).toBe('good');
    expect(ratingOf(answer('correct', { hinted: true }))).toBe('hard');
    expect(ratingOf(answer('partial'))).toBe('hard');
    expect(ratingOf(answer('incorrect'))).toBe('again');
    expect(ratingOf(answer('incorrect', { revealed: true }))).toBe('again');
  });

  test('short-term steps off: a first answer is due whole days later, a right one later than a hard one, a hard one later than a wrong one', () => {
    const first = handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right', charlie: 'partial', bravo: 'wrong' } });
    const records = byId(schedule(five.questions, [first], now));
    const after = (id: string) => (Date.parse(records.get(id)!.due) - Date.parse(records.get(id)!.lastAnswered!)) / DAY;
    for (const id of ['alpha', 'bravo', 'charlie']) expect(Number.isInteger(after(id))).toBe(true);
    expect(after('bravo')).toBeGreaterThanOrEqual(1);
    expect(after('charlie')).toBeGreaterThan(after('bravo'));
    expect(after('alpha')).toBeGreaterThan(after('charlie'));
    // Never answered: new, due now.
    expect(records.get('delta')).toMatchObject({ answered: 0, due: now.toISOString(), lastRating: null });
  });

  test('right after the hint counts as Hard, and a revealed question (a skip) as Again, with 0 points', () => {
    const start = at('2026-11-01T09:00:00.000Z');
    let attempt = newAttempt({ quiz: five, questions: five.questions, mode: 'full', now: start, random: 'hint' });
    attempt = recordAnswer(attempt, five.questions[0]!, respond(five.questions[0]!, 'right'), new Date(start.getTime() + 60_000), { hinted: true, seconds: 12.34 });
    attempt = recordAnswer(attempt, five.questions[1]!, null, new Date(start.getTime() + 120_000), { seconds: 3 });
    attempt = recordAnswer(attempt, five.questions[3]!, respond(five.questions[3]!, 'right'), new Date(start.getTime() + 180_000));
    expect(attempt.answers['alpha']).toMatchObject({ hinted: true, revealed: false, seconds: 12.3, points: 1, status: 'correct' });
    expect(attempt.answers['bravo']).toMatchObject({ response: null, revealed: true, points: 0, status: 'incorrect' });
    expect(scoreOf(attempt)).toMatchObject({ score: 2, answered: 3, seconds: 15.3 });
    const records = byId(schedule(five.questions, [attempt], now));
    expect([records.get('alpha')?.lastRating, records.get('bravo')?.lastRating, records.get('delta')?.lastRating]).toEqual(['hard', 'again', 'good']);
    expect(Date.parse(records.get('alpha')!.due)).toBeLessThan(Date.parse(records.get('delta')!.due));
    expect(Date.parse(records.get('bravo')!.due)).toBeLessThan(Date.parse(records.get('alpha')!.due));
  });

  test('the hand-built history: answered right three times is due latest; review asks the overdue first', () => {
    const records = byId(schedule(five.questions, history, now));
    expect(records.get('alpha')).toMatchObject({ answered: 3, right: 3, missed: 0 });
    expect(records.get('charlie')).toMatchObject({ answered: 3, right: 0, missed: 3, lastRating: 'hard' });
    const dues = five.questions.map((question) => Date.parse(records.get(question.id)!.due));
    expect(Math.max(...dues)).toBe(Date.parse(records.get('alpha')!.due));
    const { due, fresh } = dueForReview(five.questions, history, now);
    // Due by the end of Nov 5: echo (missed last, Nov 2), delta (right once, Nov 1), charlie; in due order.
    expect(ids(due)).toEqual(['echo', 'delta', 'charlie']);
    for (let index = 1; index < due.length; index += 1) expect(Date.parse(records.get(due[index]!.id)!.due)).toBeGreaterThanOrEqual(Date.parse(records.get(due[index - 1]!.id)!.due));
    expect(fresh).toEqual([]);
    expect(isDue(records.get('alpha')!, now)).toBe(false);
  });

  test('"due today" is due by the end of the day, not by this minute', () => {
    const first = handAttempt(five, { at: '2026-11-01T18:00:00.000Z', answers: { bravo: 'wrong' } });
    const record = byId(schedule(five.questions, [first], now)).get('bravo')!;
    expect(record.due.slice(0, 10)).toBe('2026-11-02');
    expect(isDue(record, at('2026-11-02T08:00:00.000Z'))).toBe(true);
    expect(isDue(record, at('2026-11-01T23:00:00.000Z'))).toBe(false);
    expect(endOfDay(at('2026-11-02T08:00:00.000Z')).toISOString()).toBe('2026-11-02T23:59:59.999Z');
  });

  test('questions never answered come after those due', () => {
    const some = [
      handAttempt(five, { at: '2026-10-30T09:00:00.000Z', random: 'early', answers: { alpha: 'wrong' } }),
      handAttempt(five, { at: '2026-11-01T09:00:00.000Z', random: 'later', answers: { bravo: 'right' } }),
    ];
    const { due, fresh } = dueForReview(five.questions, some, at('2026-11-01T12:00:00.000Z'));
    expect(ids(due)).toEqual(['alpha']);
    expect(ids(fresh)).toEqual(['charlie', 'delta', 'echo']);
    expect(dueForReview(five.questions, [], now)).toEqual({ due: [], fresh: five.questions });
  });

  test('a changed question starts again: answers to its earlier version do not count', () => {
    const records = byId(schedule(edited.questions, history, now));
    expect(records.get('bravo')).toMatchObject({ answered: 0 });
    expect(records.get('alpha')).toMatchObject({ answered: 3 });
    expect(ids(dueForReview(edited.questions, history, now).fresh)).toEqual(['bravo', 'foxtrot']);
  });

  test('all right: nothing is due today, and the next review is known', () => {
    const mastered = [handAttempt(five, { at: '2026-11-01T09:00:00.000Z', answers: { alpha: 'right', bravo: 'right', charlie: 'right', delta: 'right', echo: 'right' } })];
    const today = at('2026-11-01T12:00:00.000Z');
    expect(dueForReview(five.questions, mastered, today)).toEqual({ due: [], fresh: [] });
    const next = nextReview(five.questions, mastered, today);
    expect(next?.due.toISOString().slice(0, 10)).toBe('2026-11-04');
    expect(ids(next?.questions ?? [])).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
    expect(formatDue(next!.due, today)).toBe('in 3 days (2026-11-04)');
    expect(formatDue(at('2026-11-02T01:00:00.000Z'), today)).toBe('tomorrow (2026-11-02)');
    expect(formatDue(at('2026-10-30T01:00:00.000Z'), today)).toBe('since 2026-10-30 (2 days ago)');
  });

  test('attempts of another quiz and attempts with no answer do not count', () => {
    const other = { ...handAttempt(five, { at: '2026-11-04T09:00:00.000Z', random: 'oooo', answers: { alpha: 'wrong' } }), quiz: { id: 'other', title: 'Other', source: 'other.md' } };
    const empty = handAttempt(five, { at: '2026-11-05T09:00:00.000Z', random: 'eeee', answers: {}, finished: false });
    expect(schedule(five.questions, [...history, other, empty], now, 'five')).toEqual(schedule(five.questions, history, now, 'five'));
  });
});

describe('saved attempts of version 1', () => {
  test('are read and upgraded: nothing revealed or hinted, time unknown', () => {
    const current = history[0]!;
    const v1 = JSON.parse(JSON.stringify({ ...current, version: 1 }));
    for (const answer of Object.values(v1.answers) as Record<string, unknown>[]) {
      delete answer['revealed'];
      delete answer['hinted'];
      delete answer['seconds'];
    }
    const parsed = parseAttempt(v1);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.version).toBe(STATE_VERSION);
    expect(parsed.data.answers['alpha']).toMatchObject({ revealed: false, hinted: false, seconds: null, points: 1 });
    expect(Attempt.parse(parsed.data)).toEqual(parsed.data);
    // Version 1 had no revealed answers: a null response there is not a saved attempt.
    v1.answers.alpha.response = null;
    expect(parseAttempt(v1).success).toBe(false);
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
    expect(stats).toMatchObject({ attempts: 3, finished: 2, reviews: 0, due: 3, unanswered: 0, sparkline: sparkline([70, 50]) });
    expect(stats.best).toMatchObject({ score: 3.5, maxScore: 5, percent: 70 });
    expect(stats.last).toMatchObject({ score: 2.5, maxScore: 5, finished: false, ago: '2 days ago' });
    expect(stats.mostMissed.map((row) => [row.id, row.missed, row.answered])).toEqual([['charlie', 3, 3], ['bravo', 1, 3], ['echo', 1, 2]]);
    expect(renderStatsText(stats, 'mlops-quiz run five.md --review', now)).toBe(
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
        'Next review (spaced by days, FSRS):',
        `  1. Alpha    next ${formatDue(new Date(stats.questions[0]!.due), now)}`,
        '  2. Bravo    next in 2 days (2026-11-07)',
        '  3. Charlie  due today',
        '  4. Delta    due since yesterday (2026-11-04)',
        '  5. Echo     due since 2026-11-03 (2 days ago)',
        '',
        'Due for review now: 3 questions (mlops-quiz run five.md --review)',
        '',
      ].join('\n'),
    );
    expect(stats.questions.map((row) => [row.id, row.dueNow])).toEqual([['alpha', false], ['bravo', false], ['charlie', true], ['delta', true], ['echo', true]]);
    expect(renderStatsCsv(stats).split('\r\n').slice(0, 2)).toEqual(['quiz,number,id,title,answered,right,missed,due,dueNow', `five,1,alpha,Alpha,3,3,0,${stats.questions[0]!.due},false`]);
  });

  test('reviews feed the schedule, not the score history', () => {
    const review = handAttempt(five, { at: '2026-11-04T09:00:00.000Z', random: 'rrrr', mode: 'review', asked: ['echo'], answers: { echo: 'right' } });
    const stats = quizStats({ id: five.id, title: five.title }, five.questions.map(asked), [...history, review], now);
    expect(stats).toMatchObject({ attempts: 3, reviews: 1, last: { score: 2.5, maxScore: 5 } });
    expect(stats.scores).toHaveLength(3);
    expect(stats.questions.find((row) => row.id === 'echo')).toMatchObject({ answered: 3, lastRating: 'good', dueNow: false });
    expect(lastTimeLine([...history, review], 'five', now)).toMatch(/^Last time: 2\.5\/5 \(50%\)/);
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
    expect(plan.kind === 'ask' && [plan.mode, ids(plan.questions)]).toEqual(['review', ['echo', 'delta', 'charlie']]);
    expect(plan.notes[1]).toBe('Review: 3 due today.');
    const limited = planRun(five, history, { ...base, review: true, limit: 2 });
    expect(limited.kind === 'ask' && ids(limited.questions)).toEqual(['echo', 'delta']);
    expect(limited.notes[1]).toBe('Review: 3 due today; asking the first 2 (--limit).');
    const fresh = planRun(edited, history, { ...base, review: true });
    expect(fresh.kind === 'ask' && ids(fresh.questions).slice(-2)).toEqual(['bravo', 'foxtrot']);
    expect(fresh.notes[1]).toMatch(/^Review: \d due today, 2 never answered\.$/);
  });

  test('--review with everything mastered: says so, and when the next review falls due', () => {
    const mastered = [handAttempt(five, { at: '2026-11-04T09:00:00.000Z', answers: { alpha: 'right', bravo: 'right', charlie: 'right', delta: 'right', echo: 'right' } })];
    const plan = planRun(five, mastered, { ...base, review: true });
    expect(plan.kind).toBe('nothing-due');
    expect(plan.notes).toEqual([
      'Last time: 5/5 (100%), yesterday',
      'Nothing is due for review today. The next review falls due in 2 days (2026-11-07), with 1. Alpha, 2. Bravo, 3. Charlie and 2 more. A full run any time: `mlops-quiz run five.md`.',
    ]);
  });
});
