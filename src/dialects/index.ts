/**
 * The dialects: the one list of the quiz formats the runner reads. A dialect's reader may bring remark
 * or yaml, so each is imported when a text needs it; detection is cheap. A new dialect is a folder
 * (detect.ts, index.ts) and a line here.
 */
import type { Dialect } from './dialect.js';
import * as markdown from './markdown/detect.js';

export interface DialectEntry {
  readonly name: string;
  /** The reader's version (part of cache keys), known without loading the reader. */
  readonly version: number;
  detect(text: string, fileName: string): boolean;
  load(): Promise<Dialect>;
}

/** In the order they are tried: the first whose detect says yes reads the text. */
export const DIALECTS: readonly DialectEntry[] = [
  { name: 'markdown', version: markdown.VERSION, detect: markdown.detect, load: async () => (await import('./markdown/index.js')).markdown },
];

export const DIALECT_NAMES = DIALECTS.map((entry) => entry.name);

/** The dialect to read a text with: the first that detects it (the native format reads any text). */
export function dialectOf(text: string, fileName: string): DialectEntry {
  return DIALECTS.find((one) => one.detect(text, fileName)) ?? DIALECTS.at(-1)!;
}

export type { Dialect, ReadOptions } from './dialect.js';
