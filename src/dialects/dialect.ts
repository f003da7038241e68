/**
 * What a dialect is: a reader of one quiz format, text in, quiz model out (docs/DESIGN.md sections 2
 * and 12). Pure: no file system, no process, no terminal. Registered in index.ts.
 */
import type { ReadResult } from '../core/quiz.js';

export interface ReadOptions {
  /** The path shown in messages (as the user gave it). */
  file: string;
  /** What `quiz.source` says: the path, or the bundled quiz's name. Defaults to `file`. */
  source?: string;
}

/** Reading a large text in parts on several threads, with exactly the result of `read` (optional). */
export interface PartsReader<Span, Result> {
  /** How to cut the text into at most `count` spans; null: read it whole. */
  plan(text: string, count: number): Span[] | null;
  /** One span's result (run in a worker: it must be structured-cloneable). */
  read(text: string, span: Span, options: ReadOptions): Result;
  /** The whole result from the spans' results in order; null: read the text whole after all. */
  join(results: readonly Result[], options: ReadOptions): ReadResult | null;
}

export interface Dialect {
  readonly name: string;
  /** The quiz, or the errors that make it unusable, and warnings, each with file:line:column. */
  read(text: string, options: ReadOptions): ReadResult;
  readonly parts?: PartsReader<any, any>;
}
