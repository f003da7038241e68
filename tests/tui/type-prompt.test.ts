/**
 * The typed answer (type-prompt.ts) under a paste: a paste is one chunk of input, made a keypress per
 * character by readline; it used to draw the whole prompt again per character (2,000 characters: 2 MB
 * written). Counted in bytes written, never in time. Also the input that hands a chunk's text on as one
 * keypress (paste-input.ts), and the longest answer.
 */
import { readFileSync } from 'node:fs';
import { emitKeypressEvents } from 'node:readline';
import { PassThrough } from 'node:stream';
import { render } from '@inquirer/testing';
import { describe, expect, test } from 'vitest';
import type { Response } from '../../src/core/kinds/index.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { makeStyle } from '../../src/reporters/style.js';
import { PasteInput } from '../../src/tui/paste-input.js';
import { runSession } from '../../src/tui/session.js';
import typePrompt, { MAX_TYPED } from '../../src/tui/type-prompt.js';
import { drive } from '../helpers/session-screen.js';

const bytes = (text: string): number => Buffer.byteLength(text);

/** `length` characters of text with words, punctuation, a C1 CSI and a bidi override among them. */
function pasted(length: number): string {
  const words = 'kubectl rollout status deployment/api -w, then kube\u009b31m ctl \u202e undo; ';
  return words.repeat(Math.ceil(length / words.length)).slice(0, length);
}

function load(path: string): Quiz {
  const result = parseQuiz(readFileSync(path, 'utf8'), { file: path, source: path });
  if (!result.quiz) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.quiz;
}

describe('a paste into the typed answer', () => {
  test('2,000 characters in one chunk are drawn once (2 MB before), and the answer is the pasted text', async () => {
    const { answer, events, getScreen, getFullOutput } = await render(typePrompt, { message: 'Your answer', empty: 'Type your answer' });
    const before = bytes(await getFullOutput({ raw: true }));
    const text = pasted(2000);
    events.type(text);
    const written = bytes(await getFullOutput({ raw: true })) - before;
    const screen = getScreen({ raw: true });
    // One drawing of the final screen, with the cursor moves that wipe the one before.
    expect(written).toBeLessThan(1.2 * bytes(screen));
    expect(bytes(screen)).toBeGreaterThan(2000);
    // Echoed sanitised: no C1 control or direction override reaches the terminal.
    expect(await getFullOutput({ raw: true })).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(getScreen()).toContain('then kube ctl <U+202E> undo;');
    events.keypress('enter');
    await expect(answer).resolves.toBe(text);
  });

  test('keys after a paste edit the pasted text where the cursor is, and each is one drawing', async () => {
    const { answer, events, getScreen, getFullOutput } = await render(typePrompt, { message: 'Your answer', empty: 'Type your answer' });
    events.type('kubectl aply');
    for (let step = 0; step < 3; step += 1) events.keypress('left');
    const before = bytes(await getFullOutput({ raw: true }));
    events.type('p');
    expect(bytes(await getFullOutput({ raw: true })) - before).toBeLessThan(1.2 * bytes(getScreen({ raw: true })));
    expect(getScreen()).toContain('? Your answer kubectl apply');
    events.keypress('enter');
    await expect(answer).resolves.toBe('kubectl apply');
  });

  test('Enter inside a pasted chunk answers with the text before it; the rest of the chunk is not taken', async () => {
    const { answer, input } = await render(typePrompt, { message: 'Your answer', empty: 'Type your answer' });
    input.write('kubectl\rrest');
    await expect(answer).resolves.toBe('kubectl');
  });

  test('Enter with nothing typed says how to skip; a second Enter answers nothing', async () => {
    const { answer, events, getScreen } = await render(typePrompt, { message: 'Your answer', empty: 'Type your answer; Esc (or Enter again) skips' });
    expect(getScreen()).toBe('? Your answer\nEnter answer');
    events.keypress('enter');
    expect(getScreen()).toBe('? Your answer\n> Type your answer; Esc (or Enter again) skips\nEnter answer');
    events.keypress('enter');
    await expect(answer).resolves.toBe('');
  });

  test(`an answer is at most ${MAX_TYPED} characters: a longer paste is cut, said so, and drawings stay that size`, async () => {
    const { answer, events, input, getScreen, getFullOutput } = await render(typePrompt, { message: 'Your answer', empty: 'Type your answer' });
    const text = pasted(3 * MAX_TYPED);
    let before = bytes(await getFullOutput({ raw: true }));
    input.write(text); // one chunk, as a terminal gives it

    const screen = getScreen({ raw: true });
    expect(bytes(await getFullOutput({ raw: true })) - before).toBeLessThan(1.2 * bytes(screen));
    expect(getScreen()).toContain(`> An answer is at most ${MAX_TYPED.toLocaleString('en-US')} characters; the rest was left out`);
    // A key more is left out too, and costs one drawing of the same size.
    before = bytes(await getFullOutput({ raw: true }));
    events.type('x');
    expect(bytes(await getFullOutput({ raw: true })) - before).toBeLessThan(1.2 * bytes(screen));
    events.keypress('enter');
    await expect(answer).resolves.toBe(text.slice(0, MAX_TYPED));
  });

  test('a cut never leaves half a surrogate pair', async () => {
    const { answer, events, input } = await render(typePrompt, { message: 'Your answer', empty: 'Type your answer' });
    input.write('a' + '😀'.repeat(MAX_TYPED));
    events.keypress('enter');
    const given = await answer;
    expect(given).toBe('a' + '😀'.repeat((MAX_TYPED - 2) / 2));
    expect(given.length).toBeLessThanOrEqual(MAX_TYPED);
  });
});

describe('in a session', () => {
  test('a 2,000-character paste into a short answer: drawn once, given as pasted, echoed sanitised', async () => {
    const path = 'tests/fixtures/session/hints.md';
    const answered: (Response | null)[] = [];
    const run = await drive((io) => runSession(io, { quiz: load(path), dir: 'tests/fixtures/session', seed: 1, shuffleOptions: false, style: makeStyle(0), width: 80, onAnswer: (_id, response) => void answered.push(response) }));
    const before = bytes(await run.raw());
    const text = pasted(2000);
    await run.type(text);
    const written = bytes(await run.raw()) - before;
    // The final screen (without its escape sequences) and the moves of one drawing; 2 MB before.
    expect(written).toBeLessThan(1.5 * bytes(run.getScreen()));
    expect(await run.raw()).not.toMatch(/[\u0080-\u009f\u202e]/);
    await run.keypress('enter');
    expect(answered).toEqual([{ kind: 'text', text }]);
    expect(await run.printed()).toMatch(/Your answer: kubectl rollout status/);
    await run.keypress('q');
    await run.result;
  });

  test('numbers and gaps are typed answers too: a paste is drawn once, C1 controls and overrides are not echoed raw', async () => {
    const path = 'tests/fixtures/format/new-kinds.md';
    const quiz = load(path);
    const questions = [quiz.questions[0]!, quiz.questions[4]!];
    const answered: (Response | null)[] = [];
    const run = await drive((io) => runSession(io, { quiz, questions, dir: 'tests/fixtures/format', seed: 1, shuffleOptions: false, style: makeStyle(0), width: 80, onAnswer: (_id, response) => void answered.push(response) }));
    // A number: echoed without the 8-bit CSI; not a number, so asked again with the text kept.
    await run.type('12\u009b31m0');
    expect(run.getScreen()).toMatch(/Your answer, a number \(Enter alone skips, Ctrl\+C quits\) 120$/m);
    await run.keypress('enter');
    expect(run.getScreen()).toContain('Type a number, such as 3.14');
    for (let index = 0; index < 7; index += 1) await run.keypress('backspace');
    await run.type('120');
    await run.keypress('enter');
    expect(answered).toEqual([{ kind: 'numeric', value: 120 }]);
    await run.keypress('enter');
    // A gap: 2,000 characters pasted at once.
    const before = bytes(await run.raw());
    const text = pasted(2000);
    await run.type(text);
    expect(bytes(await run.raw()) - before).toBeLessThan(1.5 * bytes(run.getScreen()));
    expect(await run.raw()).not.toMatch(/[\u0080-\u009f\u202e]/);
    await run.keypress('enter');
    expect(answered[1]).toEqual({ kind: 'blank', texts: [text.trim()] });
    await run.result;
  });
});

describe('the input a typed prompt reads', () => {
  function keys(source: PassThrough): [string | null | undefined, string | undefined][] {
    const seen: [string | null | undefined, string | undefined][] = [];
    const input = new PasteInput(source);
    input.on('keypress', (text: string | null | undefined, key: { name?: string } | undefined) => seen.push([text, key?.name]));
    return seen;
  }

  test("a chunk's printable text is one keypress; other keys come as they came, in order", () => {
    const source = new PassThrough();
    const seen = keys(source);
    source.write('kube\u202ectl\u001b[Drun\rx');
    expect(seen).toEqual([
      ['kube\u202ectl', undefined],
      [undefined, 'left'],
      ['run', undefined],
      ['\r', 'return'],
      ['x', 'x'],
    ]);
  });

  test('a key typed alone is handed on unchanged; keys made outside a chunk too', () => {
    const source = new PassThrough();
    const seen = keys(source);
    source.write('k');
    source.emit('keypress', null, { name: 'enter' });
    expect(seen).toEqual([
      ['k', 'k'],
      [null, 'enter'],
    ]);
  });

  test('closed, it leaves the stream as it found it (a session listening to its keys)', () => {
    const source = new PassThrough();
    emitKeypressEvents(source);
    source.on('keypress', () => {});
    const counts = (): number[] => ['data', 'keypress', 'end', 'error', 'newListener'].map((event) => source.listenerCount(event));
    const before = counts();
    const input = new PasteInput(source);
    expect(counts()).not.toEqual(before);
    input.close();
    expect(counts()).toEqual(before);
  });
});
