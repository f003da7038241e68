/**
 * A typed answer (a custom prompt on @inquirer/core), for every kind answered by typing (short answer,
 * numeric, fill in the blanks): every printable key is text, so the session's hint, skip and quit are
 * keys that cannot be typed (Tab, Esc, Ctrl+C), named in the footer. With `empty`, Enter with nothing
 * typed first says how to skip (a stray Enter must not give the answer away); a second Enter with
 * nothing typed ends the prompt with '' (the caller skips), as multiple choice does with no pick.
 * Without it, Enter alone answers '' at once. `validate` refuses an answer in place. The answer is
 * echoed sanitised (C1 controls and direction overrides are never written raw).
 *
 * A paste is one chunk of input that readline made a keypress per character, and Inquirer measured
 * the line and the prompt drew itself at each: 2,000 pasted characters took 2 s in a terminal and
 * wrote 2.6 MB. The prompt reads its keys through `PasteInput` (paste-input.ts), which hands a chunk's text on
 * as one keypress, and draws once per chunk (`useDrawPerChunk`); an answer is at most `MAX_TYPED`
 * characters, so that no drawing grows without bound.
 */
import { createPrompt, isEnterKey, makeTheme, useEffect, useKeypress, usePrefix, useRef, useState, type Theme } from '@inquirer/core';
import type { Context, PartialDeep } from '@inquirer/type';
import { sanitizeLine } from '../core/sanitize.js';
import { PasteInput } from './paste-input.js';

/**
 * The longest typed answer, in UTF-16 code units (characters, for most scripts): what is typed or
 * pasted beyond it is left out, and the prompt says so.
 */
export const MAX_TYPED = 4000;

interface TypeTheme {
  style: { keysHelpTip: (keys: [string, string][]) => string | undefined };
}

const typeTheme: TypeTheme = {
  style: { keysHelpTip: (keys) => keys.map(([key, action]) => `${key} ${action}`).join(' • ') },
};

export interface TypeConfig {
  message: string;
  /** Said when Enter is pressed with nothing typed (a second Enter answers ''); without it, Enter alone answers '' at once. */
  empty?: string;
  /** Checks the answer on Enter: true, or what to say (the text stays, to be mended). */
  validate?: (typed: string) => true | string;
  /** The key help under the prompt (`Enter answer` and the session's keys); default true. */
  footer?: boolean;
  theme?: PartialDeep<Theme<TypeTheme>>;
}

/** What is typed and the message under it: the truth at every key, drawn once per chunk of input. */
interface Typed {
  value: string;
  error: string | undefined;
}

/**
 * Returns `draw` for a key's change: at once for a key that came alone, once at the end of the chunk
 * for keys that came together (`chunk` events of `PasteInput`). Without them (another input), at once.
 */
function useDrawPerChunk(render: () => void): () => void {
  const chunk = useRef({ inside: false, pending: false, render });
  chunk.current.render = render;
  useEffect((rl) => {
    let live = true;
    const onChunk = (phase: unknown): void => {
      const state = chunk.current;
      state.inside = phase === 'start';
      // A key of the chunk may have ended the prompt: its listeners are removed by then, but the
      // listeners of this event were copied before they were called.
      if (state.inside || !live || !state.pending) return;
      state.pending = false;
      state.render();
    };
    rl.input.on('chunk', onChunk);
    return () => {
      live = false;
      chunk.current.inside = false;
      rl.input.removeListener('chunk', onChunk);
    };
  }, []);
  return () => {
    const state = chunk.current;
    if (state.inside) state.pending = true;
    else state.render();
  };
}

/** The line cut to `MAX_TYPED`: what is over is taken from just before the cursor (what was just typed or pasted), never half a surrogate pair. */
function cut(line: string, cursor: number): { line: string; cursor: number } {
  const over = line.length - MAX_TYPED;
  let start = Math.max(0, Math.min(cursor, line.length) - over);
  let end = start + over;
  if (start > 0 && isHigh(line.charCodeAt(start - 1)) && isLow(line.charCodeAt(start))) start -= 1;
  if (end < line.length && isHigh(line.charCodeAt(end - 1)) && isLow(line.charCodeAt(end))) end += 1;
  return { line: line.slice(0, start) + line.slice(end), cursor: start };
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

const prompt = createPrompt<string, TypeConfig>((config, done) => {
  const theme = makeTheme<TypeTheme>(typeTheme, config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [shown, setShown] = useState<Typed>({ value: '', error: undefined });
  const typed = useRef<Typed>(shown);
  const prefix = usePrefix({ status, theme });
  const draw = useDrawPerChunk(() => setShown(typed.current));
  const update = (next: Typed): void => {
    if (next.value === typed.current.value && next.error === typed.current.error) return;
    typed.current = next;
    draw();
  };
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const { value, error } = typed.current;
    if (isEnterKey(key)) {
      // Readline has emptied its line for Enter: what was typed is `value`.
      const said = value.trim() === '' ? (config.empty !== undefined && error === undefined ? config.empty : true) : (config.validate?.(value) ?? true);
      if (said !== true) {
        rl.write(value);
        typed.current = { value, error: said };
        setShown(typed.current);
        return;
      }
      typed.current = { value, error: undefined };
      setShown(typed.current);
      setStatus('done');
      done(value);
      return;
    }
    if (rl.line.length > MAX_TYPED) {
      const readline = rl as typeof rl & { cursor: number };
      const kept = cut(rl.line, readline.cursor);
      rl.line = kept.line;
      readline.cursor = kept.cursor;
      // Drawn even when nothing shown changes: the cursor was moved for the text left out.
      typed.current = { value: kept.line, error: `An answer is at most ${MAX_TYPED.toLocaleString('en-US')} characters; the rest was left out` };
      draw();
      return;
    }
    // What is said stays until the text changes (and while nothing is typed: a second Enter skips).
    const line = rl.line;
    update({ value: line, error: line === '' || line === value ? error : undefined });
  });
  const value = shown.value;
  // The space after the message is there before anything is typed, so that the cursor waits where the text will go.
  const line = `${[prefix, theme.style.message(config.message, status)].filter(Boolean).join(' ')} ${status === 'done' ? theme.style.answer(sanitizeLine(value)) : sanitizeLine(value)}`;
  if (status === 'done') return line;
  const footer = [shown.error === undefined ? '' : theme.style.error(shown.error), config.footer === false ? '' : (theme.style.keysHelpTip([['Enter', 'answer']]) ?? '')].filter(Boolean).join('\n');
  return [line, footer];
});

/** The typed prompt, reading its keys through `PasteInput` (given an input; Inquirer's default otherwise). */
export default function typePrompt(config: TypeConfig, context: Context = {}): ReturnType<typeof prompt> {
  if (!context.input) return prompt(config, context);
  const input = new PasteInput(context.input);
  const answer = prompt(config, { ...context, input: input as unknown as NodeJS.ReadableStream });
  answer.then(
    () => input.close(),
    () => input.close(),
  );
  return answer;
}
