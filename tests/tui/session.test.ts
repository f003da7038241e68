/**
 * A whole interactive session driven by key presses through @inquirer/testing (keys in; responses,
 * report and screen out): every kind of question, hints, skips, `q`, Ctrl+C, SIGTERM, resume hooks.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Response } from '../../src/core/kinds/index.js';
import type { Question } from '../../src/core/kinds/index.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { makeStyle } from '../../src/reporters/style.js';
import { displayOrder } from '../../src/core/plan.js';
import { runSession, type SessionOptions } from '../../src/tui/session.js';
import { drive } from '../helpers/session-screen.js';

const ALL_KINDS = 'tests/fixtures/format/all-kinds.md';
const SEED = 1234;

function load(path: string): Quiz {
  const result = parseQuiz(readFileSync(path, 'utf8'), { file: path, source: path });
  if (!result.quiz) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.quiz;
}

function session(quiz: Quiz, dir: string, extra: Partial<SessionOptions> = {}) {
  return drive((io) => runSession(io, { quiz, dir, seed: SEED, shuffleOptions: false, style: makeStyle(0), width: 80, ...extra }), extra.width ? { columns: extra.width } : {});
}

function byId(quiz: Quiz, id: string): Question {
  const question = quiz.questions.find((one) => one.id === id);
  if (!question) throw new Error(id);
  return question;
}

describe('a whole session over every kind of question', () => {
  test('keys in, responses, report and transcript out', async () => {
    const quiz = load(ALL_KINDS);
    const answered: [string, Response | null][] = [];
    const run = await session(quiz, resolve(dirname(ALL_KINDS)), { onAnswer: (id, response) => void answered.push([id, response]) });

    // 1. single choice: the header, the rendered prompt (no Markdown punctuation), the options.
    let screen = run.getScreen();
    expect(screen).toContain('? Your answer');
    // Numbered on screen, as number keys choose them.
    expect(screen).toMatch(/❯ 1\) Batch prediction\n {2}2\) Online prediction\n {2}3\) Offline scoring/);
    expect(screen).toMatch(/h hint • s skip • q quit/);
    let transcript = await run.printed();
    expect(transcript).toMatch(/── Question 1 of 7 ─+\nServing mode\n\nWhich mode serves one prediction per request\?/);
    // A hint on request, then the question again, without the hint key.
    await run.keypress('h');
    transcript = await run.printed();
    expect(transcript).toContain('Hint: Think of a request from a user.');
    expect(run.getScreen()).not.toMatch(/h hint/);
    await run.keypress('down');
    await run.keypress('enter');
    transcript = await run.printed();
    expect(transcript).toMatch(/Your answer: Online prediction\n✔ Correct\n\nOnline prediction answers each request as it comes\./);
    expect(run.getScreen()).toContain('Press Enter for the next question');
    await run.keypress('enter');

    // 2. multiple choice: pick all that apply, two of four picked right.
    expect(run.getScreen()).toMatch(/Pick all that apply\n❯◯ 1\) Canary deployment\n ◯ 2\) Big-bang release\n ◯ 3\) Shadow deployment/);
    expect(await run.printed()).toMatch(/── Question 2 of 7 · score 1\/1 ─+\nSafe rollouts\n\nPick every strategy that limits user exposure\./);
    await run.keypress('space');
    await run.keypress('down');
    await run.keypress('down');
    await run.keypress('space');
    await run.keypress('enter');
    expect(await run.printed()).toMatch(/Your answer: Canary deployment \| Shadow deployment\n✔ Correct/);
    await run.keypress('enter');

    // 3. ordering: shown shuffled by the seed; Enter alone confirms the order as shown.
    const order = byId(quiz, 'environments-in-order');
    const shown = displayOrder(order, SEED, false);
    expect(shown).not.toEqual([0, 1, 2]);
    screen = run.getScreen();
    expect(screen).toContain('Put these in order, first at the top');
    const items = order.kind === 'order' ? order.items : [];
    expect(screen).toContain(`❯ 1. ${items[shown[0]!]}\n  2. ${items[shown[1]!]}\n  3. ${items[shown[2]!]}`);
    await run.keypress('enter');
    expect(await run.printed()).toMatch(/Your order:\n {2}1\. \w+ [✔✘]\n {2}2\. \w+ [✔✘]\n {2}3\. \w+ [✔✘]\nRight order:\n {2}1\. Development\n {2}2\. Staging\n {2}3\. Production/);
    await run.keypress('enter');

    // 4. matching: one select per left item; Unit tests → Development, then the first value shown for each.
    expect(await run.printed()).toContain('Match each Test to its Environment:');
    expect(run.getScreen()).toMatch(/^\? Unit tests →/);
    const match = byId(quiz, 'tests-and-environments');
    const values = ['Development', 'Staging', 'Production'];
    const shownValues = displayOrder(match, SEED, false).map((index) => values[index]);
    const down = shownValues.indexOf('Development');
    for (let step = 0; step < down; step += 1) await run.keypress('down');
    await run.keypress('enter');
    expect(await run.printed()).toContain('  Unit tests → Development');
    expect(run.getScreen()).toMatch(/^\? Integration tests →/);
    for (let left = 0; left < 3; left += 1) await run.keypress('enter');
    expect(await run.printed()).toMatch(/Your matches:\n {2}✔ Unit tests → Development\n/);
    await run.keypress('enter');

    // 5. short answer, typed as the option is written in Markdown (`kubectl apply`).
    // A typed answer: every letter is text; the footer names the keys that cannot be typed.
    expect(run.getScreen()).toMatch(/\? Your answer\s*\nEnter answer • Esc skip • Ctrl\+C quit/);
    await run.type('kubectl apply');
    await run.keypress('enter');
    expect(await run.printed()).toMatch(/Your answer: kubectl apply\n✔ Correct/);
    await run.keypress('enter');

    // 6. self-assessed: reveal (the image path against the quiz folder, not there), then "did you know it?".
    expect(run.getScreen()).toContain('Think of your answer, then press Enter to reveal it');
    await run.keypress('enter');
    transcript = await run.printed();
    expect(transcript).toContain('Answer: an image, images/pipeline.png');
    expect(transcript.replace(/\n +/g, '')).toContain(`${resolve('tests/fixtures/format/images/pipeline.png')}(not found next to the quiz)`);
    expect(run.getScreen()).toContain('Did you know it? (y/N)');
    await run.type('y');
    await run.keypress('enter');
    expect(await run.printed()).toContain('✔ You knew it: 1 point');
    await run.keypress('enter');

    // 7. multiple choice, Enter with nothing picked: a warning, then Enter again skips.
    await run.keypress('enter');
    expect(run.getScreen()).toContain('Pick at least one with space, or press Enter again to skip');
    await run.keypress('enter');

    const result = await run.result;
    expect(result.stopped).toBeNull();
    expect(result.report.questions.map((one) => one.status)).toEqual(['correct', 'correct', expect.stringMatching(/correct|partial|incorrect/), expect.stringMatching(/partial|correct/), 'correct', 'correct', 'unanswered']);
    const first = shownValues[0];
    expect(result.report.questions[3]?.given).toEqual({ 'Unit tests': 'Development', 'Integration tests': first, 'Smoke tests': first, 'Load tests': first });
    expect(result.report.questions[3]?.points).toBe((1 + Number(first === 'Staging') * 2 + Number(first === 'Production')) / 4);
    expect(result.report.maxScore).toBe(7);
    expect(answered.map(([id]) => id)).toEqual(quiz.questions.map((one) => one.id));
    expect(answered[4]?.[1]).toEqual({ kind: 'text', text: 'kubectl apply' });
    expect(answered[6]?.[1]).toBeNull();
    expect(result.responses.get('environments-in-order')).toEqual({ kind: 'order', order: shown });
    transcript = await run.transcript();
    expect(transcript).toContain('↷ Skipped: 0 points, counted as answered');
    expect(transcript).not.toMatch(/\*\*|`/);
  });

  test('a learner who only presses Enter reaches the end', async () => {
    const quiz = load(ALL_KINDS);
    const run = await session(quiz, resolve(dirname(ALL_KINDS)));
    let presses = 0;
    let settled = false;
    run.result.finally(() => (settled = true));
    while (!settled && presses < 60) {
      await run.keypress('enter');
      presses += 1;
    }
    const result = await run.result;
    expect(result.stopped).toBeNull();
    expect(result.done).toHaveLength(7);
    // single (first option: wrong), multiple (skipped), text (skipped), self (default: no).
    expect(result.report.questions.map((one) => one.status).filter((status) => status === 'unanswered')).toHaveLength(3);
  });
});

describe('feedback', () => {
  test('multiple choice marks each pick ✔ or ✘ and names the right options not picked', async () => {
    const quiz = load(ALL_KINDS);
    const run = await session(quiz, resolve(dirname(ALL_KINDS)));
    await run.keypress('enter');
    await run.keypress('enter');
    // Canary (right) and Big-bang (wrong) by their number keys; Shadow (right) left out.
    await run.keypress('1');
    await run.keypress('2');
    await run.keypress('enter');
    const printed = await run.printed();
    expect(printed).toMatch(/✘ Wrong\nYour picks:\n {2}✔ Canary deployment\n {2}✘ Big-bang release\nRight, not picked:\n {2}• Shadow deployment/);
    await run.keypress('q');
    await run.result;
  });
});

describe('stopping', () => {
  const quiz = load('tests/fixtures/seed/seed.md');
  const dir = resolve('tests/fixtures/seed');

  test('q quits at a prompt: the answers so far are kept, the report covers them only', async () => {
    const run = await session(quiz, dir);
    await run.keypress('enter');
    await run.keypress('enter');
    await run.keypress('q');
    const result = await run.result;
    expect(result.stopped).toBe('quit');
    expect(result.done.map((one) => one.number)).toEqual([1]);
    expect(result.report.questions).toHaveLength(1);
    expect(result.report.maxScore).toBe(1);
  });

  test('Ctrl+C stops as SIGINT', async () => {
    const run = await session(quiz, dir);
    await run.keypress({ name: 'c', ctrl: true });
    const result = await run.result;
    expect(result.stopped).toBe('SIGINT');
    expect(result.done).toEqual([]);
  });

  test('io.signal (SIGTERM) aborts the prompt and stops the session', async () => {
    const controller = new AbortController();
    const run = await drive((io) => runSession(io, { quiz, dir, seed: 1, shuffleOptions: false, style: makeStyle(0) }), { signal: controller.signal });
    await run.keypress('enter');
    controller.abort('SIGTERM');
    const result = await run.result;
    expect(result.stopped).toBe('SIGTERM');
    expect(result.done).toHaveLength(1);
  });

  test('s skips a single-choice question: the right answer is shown, so it counts as answered with 0 points', async () => {
    const answered: [string, Response | null, { hinted: boolean; seconds: number }][] = [];
    let time = 0;
    const run = await session(quiz, dir, { onAnswer: (id, response, info) => void answered.push([id, response, info]), clock: () => (time += 1500) });
    await run.keypress('s');
    expect(await run.printed()).toMatch(/↷ Skipped: 0 points, counted as answered\nRight answer: "Batch" a\.k\.a\. "offline" a\.k\.a\. "static" prediction/);
    await run.keypress('q');
    const result = await run.result;
    expect(result.report.questions[0]?.status).toBe('unanswered');
    expect(result.report.questions[0]?.points).toBe(0);
    expect(answered).toEqual([[quiz.questions[0]!.id, null, { hinted: false, seconds: 1.5 }]]);
    expect(result.seconds.get(quiz.questions[0]!.id)).toBe(1.5);
  });

  test('Esc skips a typed answer (it shows the right answer)', async () => {
    const path = 'tests/fixtures/session/hints.md';
    const run = await session(load(path), resolve(dirname(path)));
    await run.type('kub');
    const lone = { name: 'escape', meta: true }; // a lone Esc, as readline reports it
    await run.keypress(lone);
    expect(await run.printed()).toMatch(/↷ Skipped: 0 points, counted as answered\nRight answer: kubectl/);
    await run.keypress('q');
    expect((await run.result).report.questions[0]?.status).toBe('unanswered');
  });

  test('Ctrl+D stops the session and is named as such, not as Ctrl+C', async () => {
    const run = await session(quiz, dir);
    await run.keypress({ name: 'd', ctrl: true });
    const result = await run.result;
    expect(result.stopped).toBe('EOF');
  });
});

describe('hints', () => {
  test('a short answer takes every letter as text and shows the hint for Tab; a matching keeps its earlier picks after a hint', async () => {
    const path = 'tests/fixtures/session/hints.md';
    const quiz = load(path);
    const run = await session(quiz, resolve(dirname(path)));
    expect(run.getScreen()).toMatch(/Enter answer • Tab hint • Esc skip • Ctrl\+C quit/);
    // h, s, q and ? are letters here: typed, they are text.
    await run.type('hsq?');
    expect(run.getScreen()).toMatch(/\? Your answer hsq\?/);
    for (let index = 0; index < 4; index += 1) await run.keypress('backspace');
    await run.keypress('tab');
    expect(await run.printed()).toContain('Hint: It starts with kube.');
    expect(run.getScreen()).toMatch(/Enter answer • Esc skip • Ctrl\+C quit/);
    // Enter with nothing typed says how to skip, and does not skip.
    await run.keypress('enter');
    expect(run.getScreen()).toContain('Type your answer; Esc (or Enter again) skips and shows the answer');
    await run.type('kubectl');
    await run.keypress('enter');
    await run.keypress('enter');
    expect(run.getScreen()).toMatch(/^\? Unit tests →/);
    const values = displayOrder(quiz.questions[1]!, SEED, false).map((index) => ['Development', 'Production'][index]);
    for (let step = 0; step < values.indexOf('Development'); step += 1) await run.keypress('down');
    await run.keypress('enter');
    await run.keypress('h');
    expect(await run.printed()).toContain('Hint: Smoke tests run where users are.');
    expect(run.getScreen()).toMatch(/^\? Smoke tests →/);
    for (let step = 0; step < values.indexOf('Production'); step += 1) await run.keypress('down');
    await run.keypress('enter');
    const result = await run.result;
    expect(result.report.questions.map((one) => one.status)).toEqual(['correct', 'correct']);
  });
});

describe('typed text is echoed sanitised', () => {
  // Pasting C1 controls or bidi overrides into a short answer echoed them raw while typing (issue 20).
  test('C1 controls and a bidi override pasted into a short answer: not echoed raw', async () => {
    const path = 'tests/fixtures/session/hints.md';
    const quiz = load(path);
    const run = await session(quiz, resolve(dirname(path)));
    await run.type('kube\u009b31m\u202ectl');
    const raw = await run.raw();
    expect(raw).not.toMatch(/[\u0080-\u009f\u202e]/);
    // The 8-bit CSI is removed whole; the override is shown (the line wraps at 80 columns).
    expect(run.getScreen()).toMatch(/ kube<U\+202E>ct\n?l(\n|$)/m);
  });
});

describe('hooks for saved progress and review', () => {
  const quiz = load('tests/fixtures/seed/seed.md');
  test('a question subset and earlier responses: only the rest is asked, the report covers the subset', async () => {
    const subset = [quiz.questions[9]!, quiz.questions[0]!, quiz.questions[2]!];
    const earlier = new Map<string, Response | null>([[quiz.questions[0]!.id, { kind: 'single', choice: 1 }]]);
    const run = await session(quiz, resolve('tests/fixtures/seed'), { questions: subset, responses: earlier });
    expect(await run.printed()).toMatch(/── Question 1 of 3 \(no\. 10 in the quiz\) · score 1\/1 ─+\nShadow of the shadow/);
    await run.keypress('enter');
    await run.keypress('enter');
    expect(await run.printed()).toMatch(/── Question 3 of 3 · score 1\/2 ─+\nClient-server/);
    await run.keypress('enter');
    const result = await run.result;
    expect(result.report.questions.map((one) => one.number)).toEqual([10, 1, 3]);
    expect(result.report.questions.map((one) => one.status)).toEqual(['incorrect', 'correct', 'correct']);
  });
});

describe('text from the quiz is sanitised and wrapped', () => {
  test('escape sequences in titles, prompts, options and explanations never reach the terminal; lines fit', async () => {
    const path = 'tests/fixtures/session/hostile.md';
    const quiz = load(path);
    const run = await session(quiz, resolve(dirname(path)), { width: 40 });
    await run.keypress('enter');
    const raw = await run.raw();
    expect(raw).not.toContain('\u001b]');
    expect(raw).not.toMatch(/[\u0080-\u009f\u0007]/);
    expect(raw).not.toContain('\u001b[31m');
    const transcript = await run.transcript();
    expect(transcript).toContain('Title PWNED? here');
    expect(transcript).toContain('<U+202E>');
    expect(transcript.split("\n").filter((line) => line.length > 40)).toEqual([]);
    await run.keypress('q');
    await run.result;
  });
});

describe('exam mode', () => {
  const quiz = load('tests/fixtures/seed/seed.md');
  const dir = resolve('tests/fixtures/seed');
  const three = [quiz.questions[0]!, quiz.questions[1]!, quiz.questions[2]!];

  test('no feedback until the end; back to change an answer, on past one, and "Finish? n unanswered"', async () => {
    const answered: [string, Response | null][] = [];
    const run = await session(quiz, dir, { questions: three, exam: true, onAnswer: (id, response) => void answered.push([id, response]) });
    // 1: the first option, kept without a verdict.
    await run.keypress('enter');
    let printed = await run.printed();
    expect(printed).toContain('Answer kept (you can come back to change it).');
    expect(printed).not.toMatch(/✔ Correct|✘ Wrong|Right answer/);
    expect(printed).toMatch(/── Question 2 of 3 ─/); // no score in the header
    expect(run.getScreen()).toMatch(/p previous • n next/);
    // 2: back to 1, which shows the answer so far, and change it to the second option.
    await run.keypress('p');
    expect(await run.printed()).toMatch(/── Question 1 of 3 ─+\n[\s\S]*Your answer so far: /);
    await run.keypress('down');
    await run.keypress('enter');
    // 2 again: on to 3 without answering; 3: answer it.
    await run.keypress('n');
    await run.keypress('enter');
    expect(run.getScreen()).toContain('Finish? 1 unanswered (2)');
    // Go to the first unanswered, answer it, then finish.
    await run.keypress('down');
    await run.keypress('enter');
    await run.keypress('enter');
    expect(run.getScreen()).toContain('Finish? 0 unanswered');
    await run.keypress('enter');
    const result = await run.result;
    expect(result.stopped).toBeNull();
    expect(result.report.questions).toHaveLength(3);
    expect([...result.responses.keys()].sort()).toEqual(three.map((question) => question.id).sort());
    // The first answer was changed: the last one given counts, and each was saved as it was given.
    expect(result.responses.get(three[0]!.id)).toEqual({ kind: 'single', choice: displayOrder(three[0]!, SEED, false)[1] });
    expect(answered.map(([id]) => id)).toEqual([three[0]!.id, three[0]!.id, three[2]!.id, three[1]!.id]);
    expect(await run.printed()).not.toMatch(/✔ Correct|✘ Wrong/);
  });
});
