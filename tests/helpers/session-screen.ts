/**
 * Drives a whole session (or the whole `run` command) through @inquirer/testing's `render`: the function
 * under test gets render's input and output as its io, so every prompt and every line the session writes
 * land on one screen; keys go in with `keypress`/`type`, the screen comes out with `getScreen` (the last
 * thing drawn) and `getFullOutput` (the transcript as a terminal shows it).
 */
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { render } from '@inquirer/testing';
import type { Context } from '@inquirer/type';
import type { Io } from '../../src/cli/io.js';

export interface Driven<T> {
  result: Promise<T>;
  keypress: (key: string | { name?: string; ctrl?: boolean; shift?: boolean }) => Promise<void>;
  type: (text: string) => Promise<void>;
  getScreen: () => string;
  /** The whole transcript as a terminal shows it (escape sequences interpreted). */
  transcript: () => Promise<string>;
  /** Everything written, escape sequences included. */
  raw: () => Promise<string>;
  /** Everything written with escape sequences removed (every redraw of a prompt included): fast. */
  printed: () => Promise<string>;
  stderr: () => string;
}

/** Lets the prompts settle after a key: promise callbacks, then a few event-loop turns. */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

export interface DriveOptions {
  columns?: number;
  tty?: boolean;
  env?: Record<string, string>;
  cwd?: string;
  signal?: AbortSignal;
}

/** Starts `run(io)` with a test terminal; `columns` (default 80) is the terminal's width. */
export async function drive<T>(run: (io: Io) => Promise<T>, options: DriveOptions = {}): Promise<Driven<T>> {
  let stderrText = '';
  const stderr = new PassThrough();
  stderr.on('data', (chunk: Buffer) => (stderrText += chunk.toString()));
  const prompt = (_config: unknown, context?: Context): Promise<T> => {
    const input = context?.input as Io['stdin'];
    const output = context?.output as Io['stdout'];
    output.columns = options.columns ?? 80;
    output.rows = 40;
    if (options.tty) {
      input.isTTY = true;
      output.isTTY = true;
    }
    return run({
      stdin: input,
      stdout: output,
      stderr: stderr as unknown as Io['stderr'],
      env: { NO_COLOR: '1', ...options.env },
      cwd: options.cwd ?? process.cwd(),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  };
  const screen = await render(prompt, {});
  return {
    result: screen.answer,
    keypress: async (key) => {
      screen.events.keypress(key);
      await settle();
    },
    type: async (text) => {
      screen.events.type(text);
      await settle();
    },
    getScreen: () => screen.getScreen(),
    transcript: () => screen.getFullOutput(),
    raw: () => screen.getFullOutput({ raw: true }),
    printed: async () => stripVTControlCharacters(await screen.getFullOutput({ raw: true })),
    stderr: () => stderrText,
  };
}
