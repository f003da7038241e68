/**
 * The dialects: the one list of the quiz formats the runner reads. A dialect's reader may bring remark
 * or yaml, so each is imported when a text needs it; detection is cheap. A new dialect is a folder
 * (detect.ts, index.ts) and a line here.
 */
import type { Dialect, ReadOptions } from './dialect.js';
import type { ReadResult } from '../core/quiz.js';
import * as datacamp from './datacamp/detect.js';
import * as gift from './gift/detect.js';
import * as github from './github/detect.js';
import * as markdown from './markdown/detect.js';
import * as mkdocsQuiz from './mkdocs-quiz/detect.js';
import * as quizdown from './quizdown/detect.js';

export interface DialectEntry {
  readonly name: string;
  /** The reader's version (part of cache keys), known without loading the reader. */
  readonly version: number;
  detect(text: string, fileName: string): boolean;
  /**
   * The reader. `text`, the text it is about to read, lets a dialect leave out what that text does not
   * need (the Markdown reader's remark, for a small file of plain lines); without it, all is loaded.
   */
  load(text?: string): Promise<Dialect>;
}

/** In the order they are tried: the first whose detect says yes reads the text. The native format stays last: it reads any text. */
export const DIALECTS: readonly DialectEntry[] = [
  { name: 'datacamp', version: datacamp.VERSION, detect: datacamp.detect, load: async () => (await import('./datacamp/index.js')).datacamp },
  { name: 'mkdocs-quiz', version: mkdocsQuiz.VERSION, detect: mkdocsQuiz.detect, load: async () => (await import('./mkdocs-quiz/index.js')).mkdocsQuiz },
  { name: 'gift', version: gift.VERSION, detect: gift.detect, load: async () => (await import('./gift/index.js')).gift },
  { name: 'github', version: github.VERSION, detect: github.detect, load: async () => (await import('./github/index.js')).github },
  { name: 'quizdown', version: quizdown.VERSION, detect: quizdown.detect, load: async () => (await import('./quizdown/index.js')).quizdown },
  { name: 'markdown', version: markdown.VERSION, detect: markdown.detect, load: async (text) => (await import('./markdown/index.js')).loadMarkdown(text) },
];

export const DIALECT_NAMES = DIALECTS.map((entry) => entry.name);

/** The dialect to read a text with: the first that detects it (the native format reads any text). */
export function dialectOf(text: string, fileName: string): DialectEntry {
  return DIALECTS.find((one) => one.detect(text, fileName)) ?? DIALECTS.at(-1)!;
}

/** The dialect of this name (`--dialect`), or undefined. */
export function dialectNamed(name: string): DialectEntry | undefined {
  return DIALECTS.find((one) => one.name === name);
}

/**
 * When no foreign dialect detected a text and the native format finds no question in it, the error
 * names the dialects tried and the nearest miss: a reader that would read questions from the text
 * (say which, and how to force it), else the one that found the most it had to leave out, and why.
 * Detection alone decides which reader reads a file; this only explains.
 */
export async function readUndetected(text: string, options: ReadOptions, native: ReadResult): Promise<{ dialect: string; result: ReadResult }> {
  const error = native.errors.find((one) => one.code === 'no-questions');
  if (native.quiz !== null || error === undefined) return { dialect: 'markdown', result: native };
  let reads: { name: string; count: number } | null = null;
  let nearest: { name: string; result: ReadResult; score: number } | null = null;
  for (const entry of DIALECTS.slice(0, -1)) {
    const result = (await entry.load()).read(text, options);
    if (result.quiz !== null) {
      if (reads === null || result.quiz.questions.length > reads.count) reads = { name: entry.name, count: result.quiz.questions.length };
      continue;
    }
    const score = result.warnings.filter((one) => one.code === 'left-out').length;
    if (score > 0 && (nearest === null || score > nearest.score)) nearest = { name: entry.name, result, score };
  }
  // Nothing question-like for any reader: the native format's own message says it best.
  if (reads === null && nearest === null) return { dialect: 'markdown', result: native };
  const miss =
    reads !== null
      ? `${reads.name}, which reads ${reads.count} question${reads.count === 1 ? '' : 's'} from it (give --dialect ${reads.name} if that is its format)`
      : `${nearest!.name}, ${nearest!.result.errors[0]?.message.replace(/^no usable questions, read as [\w-]+: /, '') ?? 'no question could be used'}`;
  const message = `${error.message}; no dialect could read this file (tried ${DIALECT_NAMES.join(', ')}); nearest miss: ${miss}`;
  return { dialect: 'markdown', result: { ...native, errors: native.errors.map((one) => (one === error ? { ...one, message } : one)) } };
}

export type { Dialect, ReadOptions } from './dialect.js';
