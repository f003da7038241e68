/**
 * The terminal under hostile conditions (issue 20), the BUILT CLI in a real pseudo-terminal (tmux):
 * a terminal closed mid-question ends the session as SIGHUP does (answers saved, exit 129) instead of
 * aborting (`setRawMode EIO`, then Node's tcsetattr check); Ctrl+Z stops the process and a shell's
 * `fg` resumes the same question instead of ending the session "(Ctrl+C)"; a paste of 2,000 characters
 * into a typed answer is drawn once (it wrote 2.6 MB of redraws and took 2 s).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
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

  test('2,000 characters pasted into a typed answer: a few drawings, not one per character; answered as pasted', async () => {
    const state = tempDir('e2e-paste');
    const term = new Terminal('paste', state);
    terminals.push(term);
    const raw = join(state, 'raw');
    term.start(`${CLI} run tests/fixtures/session/hints.md --no-history`, { columns: 100, rows: 40 });
    await term.prompt(/Enter answer • Tab hint • Esc skip • Ctrl\+C quit/);
    term.record(raw);
    const words = 'kubectl rollout status deployment/api then undo ';
    const text = `${words.repeat(50).slice(0, 1997)}END`;
    term.paste(text);
    await term.waitFor((screen) => screen.includes('END'), 'the pasted text');
    await until(() => existsSync(raw) && readFileSync(raw, 'utf8').includes('END'), 'the recording of the paste');
    // A drawing of the prompt is 2.1 kB; the terminal may hand the paste over in a few chunks.
    expect(statSync(raw).size).toBeLessThan(5 * 2200);
    term.keys('Enter');
    await term.waitFor((screen) => screen.includes('Right answer: kubectl'), 'the verdict');
    // The answer is wrapped between words: read back with the line breaks as spaces.
    expect(term.history().replace(/\s+/g, ' ')).toContain(`Your answer: ${text}`);
    term.keys('q');
    expect(await term.exitCode()).toBe(130);
  }, 40_000);
});
