/**
 * The terminal under hostile conditions (issue 20), the BUILT CLI in a real pseudo-terminal (tmux):
 * a terminal closed mid-question ends the session as SIGHUP does (answers saved, exit 129) instead of
 * aborting (`setRawMode EIO`, then Node's tcsetattr check); Ctrl+Z stops the process and a shell's
 * `fg` resumes the same question instead of ending the session "(Ctrl+C)".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ProgressStore } from '../../src/store/attempts.js';
import { answerByKeys, childOf, CLI, HAS_TMUX, NEXT, quote, SELECT, Terminal } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const SEED = 'tests/fixtures/seed/seed.md';
const terminals: Terminal[] = [];
afterEach(async () => {
  for (const one of terminals.splice(0)) await one.kill();
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let wait = 0; !check(); wait += 1) {
    if (wait > 500) throw new Error(`waited 10 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!HAS_TMUX || process.platform !== 'linux')('the terminal (tmux)', () => {
  test('a terminal closed mid-question: exit 129, nothing on stderr, the answer saved', async () => {
    const state = tempDir('e2e-hangup');
    const term = new Terminal('hangup-status', state);
    terminals.push(term);
    const status = join(state, 'status');
    const stderr = join(state, 'stderr');
    term.start(`node tests/helpers/exit-status.cjs ${status} ${stderr} ${process.execPath} bin/mlops-quiz.js run ${SEED}`);
    await answerByKeys(term, [2], 1, 10);
    await term.prompt(SELECT, 'Question 2 of 10');
    await term.kill(); // the pane goes away: SIGHUP, and the terminal reads and writes fail
    await until(() => existsSync(status), 'the exit status');
    expect(readFileSync(status, 'utf8')).toBe('129 null');
    expect(readFileSync(stderr, 'utf8')).toBe('');
    const attempts = new ProgressStore(join(state, 'mlops-quiz'), () => {}).load('seed');
    expect(attempts.map((attempt) => Object.keys(attempt.answers))).toEqual([['offline-or-online']]);
  }, 40_000);

  // A shell with job control (`set -m`) runs the quiz, then `fg` once Ctrl+Z has stopped it.
  test('Ctrl+Z stops the session, and `fg` resumes the same question, which is then answered', async () => {
    const state = tempDir('e2e-suspend');
    const term = new Terminal('suspend', state);
    terminals.push(term);
    term.start(`bash --norc -c ${quote(`set -m; ${CLI} run ${SEED} --no-history; fg`)}`);
    await term.prompt(SELECT, 'Question 1 of 10');
    const shell = childOf(term.panePid());
    term.keys('C-z');
    await term.waitFor((screen) => /Stopped/.test(screen) && /run tests\/fixtures\/seed\/seed\.md --no-history\s*$/m.test(screen), 'the job stopped and brought back');
    expect(shell).toBeGreaterThan(0);
    term.keys('Down', 'Enter');
    await term.prompt(NEXT);
    const history = term.history();
    expect(history).not.toContain('Stopped (Ctrl+C)');
    expect(history).toMatch(/Your answer: "Batch"[^\n]*\n✔ Correct/);
    term.keys('q');
    expect(await term.exitCode()).toBe(130);
  }, 40_000);
});
