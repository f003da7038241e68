/**
 * `mlops-quiz run` interactively through main(), in a test terminal: the folder menu, --shuffle/--seed/
 * --limit, --format/--output written at the end, exit codes; and the flags' usage errors with --answers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { quizBank } from '../../bench/bank.mjs';
import { main } from '../../src/cli/main.js';
// Loaded here, as the built CLI has it in a chunk: in a test, the reader's first import compiles its sources.
import '../../src/dialects/markdown/index.js';
import { runInProcess } from '../helpers/cli.js';
import { drive, settle } from '../helpers/session-screen.js';
import { tempDir } from '../helpers/temp.js';

const temp = tempDir('session');
const folder = join(temp, 'quizzes');
const ONE = '# Pick B\n\nWhich letter?\n\n### Possible Answers\n\n- A\n- B {Answer}\n';
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.md'), `---\ntitle: Alpha quiz\n---\n\n${ONE}`);
  writeFileSync(join(folder, 'b.md'), `---\ntitle: Beta \u001b]0;x\u0007quiz\n---\n\n${ONE}\n# Pick A\n\n### Possible Answers\n\n- A {Answer}\n- B\n`);
  writeFileSync(join(folder, 'broken.md'), '# No answers here\n\nJust text.\n');
  writeFileSync(join(folder, 'empty.md'), 'Notes, and no question.\n');
  writeFileSync(join(folder, 'notes.txt'), 'not a quiz');
  writeFileSync(join(temp, 'one.md'), ONE);
}

/**
 * The transcript once it matches: the quiz picked from the menu is read only then (its reader loaded,
 * its text parsed), so the session starts some event-loop turns after the key. Waits by turns, not time.
 */
async function printedOnce(session: { printed: () => Promise<string> }, pattern: RegExp): Promise<string> {
  for (let turn = 0; turn < 2000; turn += 1) {
    const printed = await session.printed();
    if (pattern.test(printed)) return printed;
    await settle();
  }
  return session.printed();
}

function run(args: string[]) {
  return drive((io) => main(args, io), { tty: true, cwd: temp });
}

describe('run FOLDER: a menu of its quizzes', () => {
  test('titles, sanitised; a file the glance sees errors in is listed but cannot be chosen; the chosen quiz runs', async () => {
    const session = await run(['run', 'quizzes']);
    const screen = session.getScreen();
    // broken.md's errors are found only by the full parse: it is listed by its file name, and can be picked.
    expect(screen).toMatch(/\? Which quiz\?\n❯ Alpha quiz \(1 question\)\n {2}Beta quiz \(2 questions\)\n {2}broken \(1 question\)\n- quizzes\/empty\.md \(has errors: see `mlops-quiz validate`\)/);
    await session.keypress('down');
    await session.keypress('enter');
    expect(await printedOnce(session, /Beta quiz\n2 questions/)).toMatch(/Beta quiz\n2 questions · pass mark 70%/);
    await session.keypress('q');
    expect(await session.result).toBe(130);
    expect(await session.printed()).toMatch(/Stopped \(you quit\) after 0 of 2 questions/);
  });

  // The menu used to parse every file in full before it appeared (67 s for a folder of large banks).
  test('the menu lists from a cached glance, parsing nothing: no parse cache entry is written; --no-cache writes nothing', async () => {
    const cache = tempDir('menu-cache');
    const { existsSync, readdirSync, statSync } = await import('node:fs');
    const first = await drive((io) => main(['run', 'quizzes'], io), { tty: true, cwd: temp, env: { XDG_CACHE_HOME: cache } });
    expect(first.getScreen()).toContain('Alpha quiz (1 question)');
    await first.keypress('q');
    expect(await first.result).toBe(130);
    const menu = join(cache, 'mlops-quiz', 'menu');
    expect(readdirSync(menu)).toHaveLength(4);
    expect(existsSync(join(cache, 'mlops-quiz', 'quizzes'))).toBe(false);
    expect(statSync(menu).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(menu)) expect(statSync(join(menu, name)).mode & 0o777).toBe(0o600);
    const none = tempDir('menu-no-cache');
    const again = await drive((io) => main(['run', 'quizzes', '--no-cache'], io), { tty: true, cwd: temp, env: { XDG_CACHE_HOME: none } });
    expect(again.getScreen()).toContain('Beta quiz (2 questions)');
    await again.keypress('q');
    expect(await again.result).toBe(130);
    expect(readdirSync(none)).toEqual([]);
  });

  test('a large bank is listed with its title and count and not parsed: the menu appears, no parse cache entry', async () => {
    const cache = tempDir('menu-bank');
    const banks = join(cache, 'banks');
    const { existsSync, mkdirSync } = await import('node:fs');
    mkdirSync(banks);
    // About 3 MB: parsing it in full takes seconds (workers); the glance reads its lines once.
    writeFileSync(join(banks, 'bank.md'), `---\ntitle: The big bank\n---\n\n${quizBank(5000, 7)}`);
    writeFileSync(join(banks, 'small.md'), `---\ntitle: Small\n---\n\n${ONE}`);
    const session = await drive((io) => main(['run', 'banks'], io), { tty: true, cwd: cache, env: { XDG_CACHE_HOME: cache } });
    expect(session.getScreen()).toMatch(/❯ The big bank \(5000 questions\)\n {2}Small \(1 question\)/);
    expect(existsSync(join(cache, 'mlops-quiz', 'quizzes'))).toBe(false);
    // Picking the small one parses that one only.
    await session.keypress('down');
    await session.keypress('enter');
    expect(await printedOnce(session, /Small\n1 question/)).toMatch(/Small\n1 question · pass mark 70%/);
    await session.keypress('q');
    expect(await session.result).toBe(130);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(cache, 'mlops-quiz', 'quizzes'))).toHaveLength(1);
  });

  test('a picked quiz with errors is refused as `run quiz.md` refuses it (exit 2, its errors); the menu then shows it disabled', async () => {
    const cache = tempDir('menu-refused');
    const env = { XDG_CACHE_HOME: cache };
    const direct = await drive((io) => main(['run', 'quizzes/broken.md', '--no-cache'], io), { tty: true, cwd: temp, env });
    expect(await direct.result).toBe(2);
    const session = await drive((io) => main(['run', 'quizzes'], io), { tty: true, cwd: temp, env });
    await session.keypress('down');
    await session.keypress('down');
    await session.keypress('enter');
    expect(await session.result).toBe(2);
    expect(session.stderr()).toBe(direct.stderr());
    expect(session.stderr()).toMatch(/^mlops-quiz: quizzes\/broken\.md: 1 error makes this quiz unusable .*\n {2}quizzes\/broken\.md:1:1: /);
    expect(await session.printed()).not.toContain('Question 1');
    // The full parse's result is cached: the next menu knows the errors and does not offer the quiz.
    const again = await drive((io) => main(['run', 'quizzes'], io), { tty: true, cwd: temp, env });
    expect(again.getScreen()).toContain('- quizzes/broken.md (has errors: see `mlops-quiz validate`)');
    await again.keypress('q');
    expect(await again.result).toBe(130);
  });

  test.each([['Ctrl+C', { name: 'c', ctrl: true }], ['q', 'q']] as const)('%s in the menu: exit 130, no quiz started', async (_name, key) => {
    const session = await run(['run', 'quizzes']);
    await session.keypress(key);
    expect(await session.result).toBe(130);
    expect(await session.printed()).not.toContain('Question 1');
  });
});

describe('reports at the end of an interactive run', () => {
  test('--format json --output: the text summary on screen, the JSON report in the file; exit 0 when passed', async () => {
    const session = await run(['run', 'one.md', '--format', 'json', '--output', 'report.json']);
    await session.keypress('down');
    await session.keypress('enter');
    const code = await session.result;
    expect(code).toBe(0);
    const printed = await session.printed();
    expect(printed).toMatch(/Score: 1\/1 \(100%\) PASSED/);
    expect(printed).toContain('Report written to report.json');
    // NO_COLOR (set by the test terminal) holds for the prompts too: cursor moves, but no colour codes.
    expect(await session.raw()).not.toMatch(/\u001b\[[\d;]*m/);
    const report = JSON.parse(readFileSync(join(temp, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ score: 1, maxScore: 1, passed: true, questions: [{ id: 'pick-b', status: 'correct', given: 'B' }] });
  });

  test('--format json without --output: the JSON report is the last thing on stdout; exit 1 when failed', async () => {
    const session = await run(['run', 'one.md', '--format', 'json']);
    await session.keypress('enter');
    expect(await session.result).toBe(1);
    const printed = await session.printed();
    const json = printed.slice(printed.indexOf('{\n'));
    expect(JSON.parse(json)).toMatchObject({ score: 0, passed: false, questions: [{ status: 'incorrect', given: 'A', expected: 'B' }] });
  });
});

test('without NO_COLOR on a terminal, the prompts and the summary are coloured', async () => {
  const session = await drive((io) => main(['run', 'one.md'], io), { tty: true, cwd: temp, env: { NO_COLOR: '', TERM: 'xterm' } });
  await session.keypress('down');
  await session.keypress('enter');
  expect(await session.result).toBe(0);
  const raw = await session.raw();
  expect(raw).toContain('\u001b[34m?\u001b[39m');
  expect(raw).toContain('\u001b[32m\u001b[1mPASSED');
});

describe('--shuffle, --seed, --limit', () => {
  test('--seed shuffles (the header counts the limited session) and is shown for replay', async () => {
    const session = await drive((io) => main(['run', 'tests/fixtures/seed/seed.md', '--seed', '1', '--limit', '3'], io), { tty: true });
    const printed = await session.printed();
    expect(printed).toContain('3 questions · pass mark 70% · shuffled with --seed 1');
    // seed 1 puts question 8 first (tests/core/plan.test.ts).
    expect(printed).toMatch(/── Question 1 of 3 \(no\. 8 in the quiz\) ─+\nA fitting deployment strategy/);
    await session.keypress('q');
    expect(await session.result).toBe(130);
  });

  test('--no-shuffle wins over --seed: file order', async () => {
    const session = await drive((io) => main(['run', 'tests/fixtures/seed/seed.md', '--seed', '1', '--no-shuffle', '--limit', '2'], io), { tty: true });
    expect(await session.printed()).toMatch(/── Question 1 of 2 ─+\nOffline or online\?/);
    await session.keypress({ name: 'c', ctrl: true });
    expect(await session.result).toBe(130);
  });

  test.each([
    [['--shuffle'], /--shuffle: only for interactive runs/],
    [['--seed', '3', '--limit', '2'], /--seed, --limit: only for interactive runs/],
  ])('with --answers, %j is a usage error', async (flags, message) => {
    const result = await runInProcess(['run', 'tests/fixtures/seed/seed.md', '--answers', 'tests/fixtures/answers/seed-all-correct.json', ...flags]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  test.each([
    [['--seed', '-1'], /--seed.*expected an integer from 0 to 4294967295/],
    [['--seed', '1.5'], /expected an integer/],
    [['--limit', '0'], /--limit.*expected a whole number of questions, 1 or more/],
  ])('%j is refused before anything is drawn', async (flags, message) => {
    const result = await runInProcess(['run', 'tests/fixtures/seed/seed.md', ...flags], { stdinTTY: true, stdoutTTY: true });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
