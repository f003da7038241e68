/**
 * End to end: the BUILT CLI (`node bin/mlops-quiz.js`, after `npm run build`) in a real pseudo-terminal
 * (tmux), driven by key presses alone, the screen read back with capture-pane. Each test has its own tmux
 * server (`-S`, its socket in a temporary folder). Skipped only when tmux is absent (.ci/run installs it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { matchChoices } from '../../src/core/kinds/match.js';
import { displayOrder } from '../../src/core/plan.js';
import { ROOT } from '../helpers/cli.js';
import { answerByKeys, childOf, CLI, HAS_TMUX, KNEW, NEXT, REVEAL, SELECT, Terminal } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const STATE = tempDir('e2e');

const terminals: Terminal[] = [];
function terminal(name: string): Terminal {
  const one = new Terminal(name, STATE);
  terminals.push(one);
  return one;
}
afterEach(async () => {
  for (const one of terminals.splice(0)) await one.kill();
});

describe.skipIf(!HAS_TMUX)('the built CLI in a pseudo-terminal (tmux)', () => {

  test('the seed quiz taken by key presses alone: the summary on screen, exit 0', async () => {
    const term = terminal('seed');
    term.start(`${CLI} run tests/fixtures/seed/seed.md`);
    // Correct options (file order): 2, 2, 1, 3, 2, then 8: 2, 10: 3; self-assessed: yes, no, yes.
    await answerByKeys(term, [2, 2, 1, 3, 2, 'yes', 'no', 2, 'yes', 3], 1, 10);
    expect(await term.exitCode()).toBe(0);
    const history = term.history();
    expect(history).toMatch(/Score: 9\/10 \(90%\) PASSED \(pass mark 70%\)/);
    expect(history).toMatch(/^ 1\. Offline or online\? +✔ correct +\d+s$/m);
    expect(history).toMatch(/^ 7\. Tests per environment +✘ wrong +\d+s$/m);
    expect(history).toMatch(/^10\. Shadow of the shadow +✔ correct +\d+s$/m);
    expect(history).toMatch(/^Time: \d+s in all$/m);
    // Review what you missed: the missed question, the right answer, the explanation.
    expect(history).toMatch(/^Review what you missed\n\n 7\. Tests per environment\n {4}Your answer: /m);
    expect(history).toContain('Answer: an image, images/ch_03-01.png');
    expect(history).toMatch(/Batch" a\.k\.a\. "offline" a\.k\.a\. "static" prediction\n✔ Correct/);
  }, 20_000);

  test('Ctrl+C mid-quiz: exit 130 and the answers so far summarised, no stack trace', async () => {
    const term = terminal('ctrlc');
    term.start(`${CLI} run tests/fixtures/seed/seed.md`);
    await term.prompt(SELECT, 'Question 1 of 10');
    term.keys('Down', 'Enter');
    await term.prompt(NEXT);
    term.keys('Enter');
    await term.prompt(SELECT, 'Question 2 of 10');
    term.keys('C-c');
    expect(await term.exitCode()).toBe(130);
    const history = term.history();
    expect(history).toContain('Stopped (Ctrl+C) after 1 of 10 questions; the summary counts those only.');
    // An interrupted attempt is unfinished: not judged.
    expect(history).toContain('Unfinished: 1 of 10 questions answered, 1/1 (100%) so far. An unfinished attempt is not judged.');
    expect(history).not.toMatch(/PASSED|FAILED/);
    expect(history).toMatch(/^1\. Offline or online\? +✔ correct +\d+s$/m);
    expect(history).not.toMatch(/ExitPromptError|at .*\.js:\d+/);
  }, 20_000);

  test('SIGTERM mid-quiz: exit 143 and the answers so far summarised', async () => {
    const term = terminal('sigterm');
    term.start(`${CLI} run tests/fixtures/seed/seed.md`);
    await term.prompt(SELECT, 'Question 1 of 10');
    term.keys('Enter');
    await term.prompt(NEXT);
    // The pane runs sh, whose child is node.
    const shell = term.panePid();
    const node = childOf(shell);
    expect(node).toBeGreaterThan(0);
    process.kill(node, 'SIGTERM');
    expect(await term.exitCode()).toBe(143);
    const history = term.history();
    expect(history).toContain('Stopped (SIGTERM) after 1 of 10 questions');
    expect(history).toMatch(/^1\. Offline or online\? +✘ wrong +\d+s$/m);
  }, 20_000);

  test('an OSC title sequence in a quiz does not change the terminal title', async () => {
    // First prove that this tmux does let a program set the pane title, or the check below is empty.
    const probe = terminal('probe');
    probe.start(`printf '\\033]2;probe-title\\007'`);
    await probe.waitFor((screen) => screen.includes('EXIT=0'), 'the probe');
    expect(probe.title()).toBe('probe-title');

    const term = terminal('osc');
    term.start(`${CLI} run tests/fixtures/session/osc-title.md`);
    const before = await term.prompt(SELECT, 'Question 1 of 1');
    expect(before).toContain('Innocent question');
    expect(before).toContain('Read this carefully.');
    expect(term.title()).not.toMatch(/PWNED/);
    term.keys('Enter');
    expect(await term.exitCode()).toBe(0);
    const history = term.history();
    expect(history).toContain('Titles stay as they were.');
    expect(history).toMatch(/Title +quiz/);
    expect(history).not.toContain('PWNED');
    expect(term.title()).not.toMatch(/PWNED/);
  }, 20_000);

  test('every kind of question taken by key presses alone: 7/7', async () => {
    const path = 'tests/fixtures/format/all-kinds.md';
    const quiz = parseQuiz(readFileSync(join(ROOT, path), 'utf8'), { file: path, source: path }).quiz!;
    const SEED = 5;
    const term = terminal('kinds');
    term.start(`${CLI} run ${path} --seed ${SEED} --no-shuffle`);
    const next = async (): Promise<void> => {
      await term.prompt(NEXT);
      term.keys('Enter');
    };

    // 1. single: the second option.
    await term.prompt(SELECT, 'Question 1 of 7');
    term.keys('Down', 'Enter');
    await next();
    // 2. multiple: first and third.
    await term.prompt(/⏎ submit/, 'Question 2 of 7');
    term.keys('Space', 'Down', 'Down', 'Space', 'Enter');
    await next();
    // 3. ordering: shown in the seed's order; carry each item to its place (space, up..., space).
    await term.prompt(/confirm the order/, 'Question 3 of 7');
    const current = [...displayOrder(quiz.questions[2]!, SEED, false)];
    let active = 0;
    for (let place = 0; place < current.length; place += 1) {
      const at = current.indexOf(place);
      for (; active < at; active += 1) term.keys('Down');
      for (; active > at; active -= 1) term.keys('Up');
      if (at !== place) {
        term.keys('Space');
        for (let step = at; step > place; step -= 1) term.keys('Up');
        term.keys('Space');
        current.splice(at, 1);
        current.splice(place, 0, place);
        active = place;
      }
    }
    term.keys('Enter');
    await next();
    // 4. matching: for each left item, the right value's place in the seed's order.
    const match = quiz.questions[3]!;
    if (match.kind !== 'match') throw new Error('fixture changed');
    const values = matchChoices(match);
    const shown = displayOrder(match, SEED, false);
    for (const pair of match.pairs) {
      await term.prompt(SELECT, `? ${pair.left} →`);
      const downs = shown.indexOf(values.indexOf(pair.right));
      for (let step = 0; step < downs; step += 1) term.keys('Down');
      term.keys('Enter');
    }
    await next();
    // 5. short answer.
    await term.prompt(/Enter answer • Esc skip • Ctrl\+C quit/, 'Question 5 of 7');
    term.text('kubectl');
    term.keys('Enter');
    await next();
    // 6. self-assessed: reveal, then yes.
    await term.prompt(REVEAL, 'Question 6 of 7');
    term.keys('Enter');
    await term.prompt(KNEW);
    term.text('y');
    term.keys('Enter');
    await next();
    // 7. multiple, seed style: Monitoring and Alerting.
    await term.prompt(/⏎ submit/, 'Question 7 of 7');
    term.keys('Space', 'Down', 'Down', 'Space', 'Enter');

    expect(await term.exitCode()).toBe(0);
    const history = term.history();
    expect(history).toMatch(/Score: 7\/7 \(100%\) PASSED \(pass mark 60%\)/);
    for (const title of ['Serving mode', 'Safe rollouts', 'Environments in order', 'Tests and environments', 'Name the tool', 'Draw the pipeline', 'Two correct, seed style']) {
      expect(history).toMatch(new RegExp(`^\\d\\. ${title} +✔ correct +\\d+s$`, 'm'));
    }
  }, 20_000);

  test('the same --seed gives the same order twice; another seed another order', async () => {
    const firstScreen = async (seed: number, name: string): Promise<string> => {
      const term = terminal(name);
      term.start(`${CLI} run tests/fixtures/seed/seed.md --seed ${seed} --limit 4`);
      const screen = await term.prompt(SELECT, 'Question 1 of 4');
      term.keys('q');
      expect(await term.exitCode()).toBe(130);
      return screen.slice(screen.indexOf('── Question 1 of 4'));
    };
    const one = await firstScreen(1, 'seed1a');
    const again = await firstScreen(1, 'seed1b');
    const other = await firstScreen(2, 'seed2');
    expect(one).toContain('(no. 8 in the quiz)');
    expect(again).toBe(one);
    expect(other).toContain('Question 1 of 4 ─');
    expect(other).not.toBe(one);
  }, 20_000);

  test('a quiz with errors, taken in a terminal: its errors in one message, exit 2 (the session is its own script)', async () => {
    const term = terminal('invalid');
    term.start(`${CLI} run tests/fixtures/errors/no-answer.md`);
    expect(await term.exitCode()).toBe(2);
    const history = term.history();
    expect(history).toMatch(/^mlops-quiz: tests\/fixtures\/errors\/no-answer\.md: 1 error makes this quiz unusable/m);
    expect(history).not.toMatch(/internal error|at .*\.c?js:\d+/);
  }, 20_000);
});

if (!HAS_TMUX) test.skip('the pseudo-terminal tests are skipped: tmux is not installed (.ci/run installs it)', () => {});
