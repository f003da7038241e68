/**
 * The input a typed prompt reads (type-prompt.ts): the terminal's keys, except that the printable
 * characters that come in one chunk of input (a paste, or keys typed faster than they are read) are
 * handed on as ONE keypress of that text, which readline inserts at once, as `rl.write(text)` does.
 *
 * Readline makes a keypress of every character, and at each one Inquirer measures the whole line (the
 * cursor's place) and the prompt draws itself again: a paste of N characters cost O(N^2) time and
 * bytes (2,000 characters: 2 MB of redraws). Readline makes a chunk's keypresses synchronously inside
 * the input's `data` event, from a listener on the terminal's stream; a listener put in front of it
 * and one after it bracket them, so no timer is involved. Every other key (Enter, Tab, Esc, arrows,
 * control keys) is handed on as it came, in order, after the text typed before it. The terminal's own
 * stream keeps its keypresses: the session listens to them for Tab, Esc and Ctrl+D.
 *
 * `chunk` events (`'start'`, `'end'`) tell the prompt where a chunk's keys begin and end, so that it
 * draws once per chunk whatever keys it held.
 */
import { EventEmitter } from 'node:events';
import { emitKeypressEvents } from 'node:readline';
import type { InStream } from '../cli/io.js';

interface Key {
  sequence?: string;
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** Text readline would insert as it is: no control character (C0, DEL), not part of an escape sequence. */
function printable(text: unknown, key: Key | undefined): text is string {
  return typeof text === 'string' && text !== '' && key?.sequence === text && key.ctrl !== true && key.meta !== true && !/[\u0000-\u001f\u007f]/.test(text);
}

type Source = InStream & { isRaw?: boolean; readableFlowing?: boolean | null; isPaused?: () => boolean };

export class PasteInput extends EventEmitter {
  /** Printable text of the current chunk not yet handed on, and its first key (handed on as it came when alone). */
  private run = '';
  private first: [string, Key] | null = null;
  private inside = false;
  private readonly attached: [string, (...args: unknown[]) => void, 'prepend' | 'append'][];

  constructor(private readonly source: Source) {
    super();
    const start = (): void => {
      this.inside = true;
      this.emit('chunk', 'start');
    };
    const end = (): void => {
      this.inside = false;
      this.flush();
      this.emit('chunk', 'end');
    };
    const key = (text: unknown, keyEvent: unknown): void => {
      const event = keyEvent as Key | undefined;
      if (this.inside && printable(text, event)) {
        if (this.run === '') this.first = [text, event!];
        this.run += text;
        return;
      }
      this.flush();
      this.emit('keypress', text, event);
    };
    const ended = (): void => {
      this.flush();
      this.emit('end');
    };
    const failed = (error: unknown): void => {
      // As the stream itself: an error nobody listens to is thrown (readline listens while it is open).
      if (this.listenerCount('error') > 0) this.emit('error', error);
    };
    // The keypress listener first: on a stream without keypresses yet, it makes Node add the listener
    // that turns data into keypresses, which must come before `end`.
    emitKeypressEvents(source);
    // Inquirer waits a turn before its first drawing on a stream with `readableFlowing` (stale keys of
    // a terminal pass by): the same test on this input.
    if ('readableFlowing' in source) Object.defineProperty(this, 'readableFlowing', { get: () => source.readableFlowing });
    this.attached = [
      ['keypress', key, 'append'],
      ['data', start, 'prepend'],
      ['data', end, 'append'],
      ['end', ended, 'append'],
      ['error', failed, 'append'],
    ];
    for (const [event, listener, where] of this.attached) {
      if (where === 'prepend') source.prependListener(event, listener);
      else source.on(event, listener);
    }
  }

  /** Stops listening to the terminal's stream (the prompt is over). */
  close(): void {
    for (const [event, listener] of this.attached) this.source.removeListener(event, listener);
    this.run = '';
    this.first = null;
  }

  private flush(): void {
    const run = this.run;
    if (run === '') return;
    const first = this.first!;
    this.run = '';
    this.first = null;
    if (run === first[0]) this.emit('keypress', ...first);
    else this.emit('keypress', run, { sequence: run, name: undefined, ctrl: false, meta: false, shift: false } satisfies Key);
  }

  // What readline and Inquirer ask of their input, answered by the terminal's stream.
  get isTTY(): boolean | undefined {
    return this.source.isTTY;
  }

  get isRaw(): boolean | undefined {
    return this.source.isRaw;
  }

  setRawMode(mode: boolean): this {
    if (typeof this.source.setRawMode === 'function') this.source.setRawMode(mode);
    return this;
  }

  pause(): this {
    this.source.pause();
    return this;
  }

  resume(): this {
    this.source.resume();
    return this;
  }

  isPaused(): boolean {
    return this.source.isPaused?.() ?? false;
  }
}
