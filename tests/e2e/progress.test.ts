/**
 * End to end, saved progress (docs/DESIGN.md section 9): the BUILT CLI in a real pseudo-terminal (tmux),
 * each test with its own state folder. Ctrl+C after two answers then `run --resume` to the end; SIGTERM
 * and a closed terminal keep what was answered; a corrupt file is moved aside; --no-history saves nothing;
 * `--review` asks only what is due, then says nothing is.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ProgressStore } from '../../src/store/attempts.js';
import { runBinary } from '../helpers/cli.js';
import { answerByKeys, childOf, CLI, HAS_TMUX, NEXT, SELECT, Terminal } from '../helpers/tmux.js';
import { FIVE, handAttempt, loadFixture } from '../helpers/progress.js';
import { formatDue, nextReview } from '../../src/core/progress/schedule.js';
import { tempDir } from '../helpers/temp.js';

const SEED = 'tests/fixtures/seed/seed.md';
// The seed's answers (file order): options 2, 2, 1, 3, 2, then 8: 2, 10: 3; self-assessed 6, 7, 9.

const terminals: Terminal[] = [];
function terminal(name: string): { term: Terminal; state: string } {
  const state = tempDir('e2e-progress');
  const term = new Terminal(name, state);
  terminals.push(term);
  return { term, state };
}
afterEach(async () => {
  for (const one of terminals.splice(0)) await one.kill();
});


/** The text with every run of white space (line breaks from wrapping too) as one space. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

function saved(state: string, quizId: string) {
  const warnings: string[] = [];
  const attempts = new ProgressStore(join(state, 'mlops-quiz'), (line) => warnings.push(line)).load(quizId);
  expect(warnings).toEqual([]);
  return attempts;
}

describe.skipIf(!HAS_TMUX)('saved progress in a pseudo-terminal (tmux)', () => {

  test('Ctrl+C after two answers, then run --resume finishes with the earlier answers counted', async () => {
    const { term, state } = terminal('resume');
    term.start(`${CLI} run ${SEED}`);
    await answerByKeys(term, [2, 1], 1, 10); // right, then wrong
    await term.prompt(SELECT, 'Question 3 of 10');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(flat(term.history())).toContain(`Your answers are saved: \`mlops-quiz run ${SEED} --resume\` continues where you stopped.`);
    expect(saved(state, 'seed').map((attempt) => [attempt.finishedAt, Object.keys(attempt.answers)])).toEqual([[null, ['offline-or-online', 'when-time-matters---a-bit']]]);
    await term.kill();

    const { term: again } = { term: new Terminal('resume-2', state) };
    terminals.push(again);
    again.start(`${CLI} run ${SEED} --resume`);
    const screen = await again.prompt(SELECT, 'Question 3 of 10');
    expect(screen).toContain('Resuming your attempt from just now: 2 answers kept; continuing at question 3.');
    await answerByKeys(again, [1, 3, 2, 'yes', 'no', 2, 'yes', 3], 3, 10);
    expect(await again.exitCode()).toBe(0);
    const history = again.history();
    // Question 2 was answered wrong before Ctrl+C, question 7 now: 8 of 10.
    expect(history).toMatch(/Score: 8\/10 \(80%\) PASSED \(pass mark 70%\)/);
    expect(history).toMatch(/^ 1\. Offline or online\? +✔ correct +\d+s$/m);
    // Answered before Ctrl+C: its time comes from the saved attempt.
    expect(history).toMatch(/^ 2\. When time matters - a bit +✘ wrong +\d+s$/m);
    expect(history).toMatch(/^ 7\. Tests per environment +✘ wrong +\d+s$/m);
    const attempts = saved(state, 'seed');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.finishedAt).not.toBeNull();
    expect(Object.keys(attempts[0]!.answers)).toHaveLength(10);

    const stats = runBinary(['stats', SEED], { env: { XDG_STATE_HOME: state } });
    expect(stats.stdout).toContain('Attempts: 1 (1 finished)\nBest: 8/10 (80%)   Last: 8/10 (80%), just now\nScores: ▇');
  }, 40_000);

  /** The seed started in a terminal of its own and its first question answered: the pane, and node in it. */
  async function onQuestionTwo(name: string): Promise<ReturnType<typeof terminal> & { node: number }> {
    const started = terminal(name);
    started.term.start(`${CLI} run ${SEED}`);
    await answerByKeys(started.term, [2], 1, 10);
    await started.term.prompt(SELECT, 'Question 2 of 10');
    const node = childOf(started.term.panePid());
    expect(node).toBeGreaterThan(0);
    return { ...started, node };
  }

  test('SIGTERM saves like Ctrl+C: exit 143, the answers on disk, and how to resume', async () => {
    const { term, state, node } = await onQuestionTwo('sigterm');
    process.kill(node, 'SIGTERM');
    expect(await term.exitCode()).toBe(143);
    expect(flat(term.history())).toContain(`Stopped (SIGTERM) after 1 of 10 questions; the summary counts those only. Your answers are saved: \`mlops-quiz run ${SEED} --resume\` continues where you stopped.`);
    expect(term.history()).toContain('Unfinished: 1 of 10 questions answered, 1/1 (100%) so far. An unfinished attempt is not judged.');
    expect(term.history()).not.toMatch(/PASSED|FAILED/);
    expect(saved(state, 'seed').map((attempt) => [attempt.finishedAt, Object.keys(attempt.answers)])).toEqual([[null, ['offline-or-online']]]);
  }, 40_000);

  test('a closed terminal keeps what was answered, and the next run says so', async () => {
    const { term, state, node } = await onQuestionTwo('hangup');
    await term.kill(); // the pane goes away: SIGHUP
    for (let wait = 0; wait < 100 && existsSync(`/proc/${node}`); wait += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saved(state, 'seed').map((attempt) => [attempt.finishedAt, Object.keys(attempt.answers)])).toEqual([[null, ['offline-or-online']]]);

    const next = new Terminal('hangup-2', state);
    terminals.push(next);
    next.start(`${CLI} run ${SEED}`);
    const screen = await next.prompt(SELECT, 'Question 1 of 10');
    expect(screen).toContain('Last time: 1/10 (10%), just now, unfinished (1 of 10 answered; --resume continues it)');
  }, 40_000);

  test('a corrupt state file: one warning line, moved aside, and the quiz goes on', async () => {
    const { term, state } = terminal('corrupt');
    const folder = join(state, 'mlops-quiz', 'seed');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '20261101T090000000Z-broken.json'), '{"version": 1, "id": ');
    term.start(`${CLI} run ${SEED}`);
    await term.prompt(SELECT, 'Question 1 of 10');
    expect(term.history()).toMatch(/^mlops-quiz: warning: \S+\/seed\/20261101T090000000Z-broken\.json: saved progress is unreadable \(not JSON\); moved aside to 20261101T090000000Z-broken\.json\.corrupt-\d{8}T\d{9}Z\n\S/m);
    term.keys('Down', 'Enter');
    await term.prompt(NEXT);
    expect(readdirSync(folder).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect(readdirSync(folder).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  }, 40_000);

  test('--no-history saves nothing, and does not offer to resume', async () => {
    const { term, state } = terminal('nohistory');
    term.start(`${CLI} run ${SEED} --no-history`);
    await answerByKeys(term, [2], 1, 10);
    await term.prompt(SELECT, 'Question 2 of 10');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.history()).toContain('Stopped (Ctrl+C) after 1 of 10 questions');
    expect(term.history()).not.toContain('--resume');
    expect(readdirSync(state)).toEqual([]);
  }, 40_000);

  test('--review asks only what is due today; then says nothing is, and when the next review falls due', async () => {
    const { term, state } = terminal('review');
    const five = loadFixture(FIVE);
    const store = new ProgressStore(join(state, 'mlops-quiz'), (line) => {
      throw new Error(line);
    });
    // By hand, relative to today: all right ten days ago; a day (and an hour) ago bravo and charlie wrong,
    // the others right again. Due today: bravo and charlie (Again: one day); the others some days ahead.
    const ago = (days: number, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000).toISOString();
    store.save(handAttempt(five, { at: ago(10), random: 'one', answers: { alpha: 'right', bravo: 'right', charlie: 'right', delta: 'right', echo: 'right' } }));
    store.save(handAttempt(five, { at: ago(1, 1), random: 'two', answers: { alpha: 'right', bravo: 'wrong', charlie: 'wrong', delta: 'right', echo: 'right' } }));
    term.start(`${CLI} run ${FIVE} --review`);
    let screen = await term.prompt(SELECT, 'Question 1 of 2 (no. 2 in the quiz)');
    expect(screen).toContain('Review: 2 due today.');
    term.keys('Down', 'Enter'); // bravo: B, right
    await term.prompt(NEXT);
    term.keys('Enter');
    await term.prompt(/⏎ /, 'Question 2 of 2 (no. 3 in the quiz)');
    term.keys('Space', 'Down', 'Down', 'Space', 'Enter'); // charlie: A and E, right
    expect(await term.exitCode()).toBe(0);
    expect(term.history()).toMatch(/Score: 2\/2 \(100%\) PASSED/);
    await term.kill();

    const again = new Terminal('review-2', state);
    terminals.push(again);
    again.start(`${CLI} run ${FIVE} --review`);
    expect(await again.exitCode()).toBe(0);
    screen = flat(again.history());
    expect(screen).toContain('Nothing is due for review today. The next review falls due ');
    // The date and questions are FSRS's, from the files as they are now.
    const next = nextReview(five.questions, saved(state, 'five'), new Date());
    expect(next).not.toBeNull();
    const titles = next!.questions.map((question) => `${question.number}. ${question.title}`).join(', ');
    expect(screen).toContain(`falls due ${formatDue(next!.due, new Date())}, with ${titles}.`);
    // stats: the review fed the schedule, not the score history.
    const stats = await runBinary(['stats', FIVE, '--format', 'json'], { env: { XDG_STATE_HOME: state } });
    expect(JSON.parse(stats.stdout)).toMatchObject({ attempts: 2, reviews: 1, due: 0 });
  }, 40_000);
});

if (!HAS_TMUX) test.skip('the saved-progress pseudo-terminal tests are skipped: tmux is not installed (.ci/run installs it)', () => {});
