/**
 * Lines from the terminal for a plain session (--plain, TERM=dumb): no raw mode and no cursor movement,
 * the terminal's own line editing; a prompt is written, then a line read. `null`: the input ended
 * (Ctrl+D at an empty line, or a closed stdin).
 */
import { createInterface, type Interface } from 'node:readline';
import type { Io } from '../cli/io.js';

export class LineReader {
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private ended = false;
  private readonly rl: Interface;

  constructor(private readonly io: Io) {
    this.rl = createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(null);
    });
  }

  private deliver(line: string | null): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting(line);
    } else if (line !== null) {
      this.lines.push(line);
    }
  }

  /** Writes `prompt` and waits for a line; `cancel` ends the wait with null too. */
  read(prompt: string, cancel?: AbortSignal): Promise<string | null> {
    this.io.stdout.write(prompt);
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      const onAbort = (): void => {
        this.waiting = null;
        resolve(null);
      };
      cancel?.addEventListener('abort', onAbort, { once: true });
      this.waiting = (line) => {
        cancel?.removeEventListener('abort', onAbort);
        resolve(line);
      };
    });
  }

  close(): void {
    this.rl.close();
  }
}
