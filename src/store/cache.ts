/**
 * The parsed-quiz cache (docs/DESIGN.md section 10), at the edge: entries under `$XDG_CACHE_HOME/mlops-quiz/`
 * (default `~/.cache/mlops-quiz/`), keyed by a hash of the dialect and its version, the package version, the
 * name the file is shown by and the file's text. An entry is `key`, a checksum of the body, then the
 * body (the parse result as JSON), written atomically (temporary file, then rename). An entry that does
 * not read back whole (bad checksum, other key, not JSON, wrong shape) is ignored, and the fresh parse
 * rewrites it. Cache trouble of any kind (no HOME, a read-only folder) never fails a command.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadResult as ParseResult } from '../core/quiz.js';
import type { DialectEntry } from '../dialects/index.js';
import { writeFileAtomic } from './files.js';

const version = __MQ_VERSION__;

export interface KeyOptions {
  file: string;
  source?: string;
}

export function cacheKey(text: string, options: KeyOptions, dialect: Pick<DialectEntry, 'name' | 'version'>): string {
  return createHash('sha256')
    .update(`mlops-quiz ${dialect.name} ${dialect.version} package ${version}\0${options.file}\0${options.source ?? options.file}\0`)
    .update(text)
    .digest('hex');
}

function sum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The entry's text: its key, the body's checksum, the body. */
export function encodeEntry(key: string, result: ParseResult): string {
  const body = JSON.stringify(result);
  return `${key}\n${sum(body)}\n${body}`;
}

/** The parse result in an entry's text, or undefined when it is not a whole entry for this key. */
export function decodeEntry(text: string, key: string): ParseResult | undefined {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  if (first < 0 || second < 0 || text.slice(0, first) !== key) return undefined;
  const body = text.slice(second + 1);
  if (text.slice(first + 1, second) !== sum(body)) return undefined;
  try {
    const result = JSON.parse(body) as Partial<ParseResult> | null;
    if (!result || !Array.isArray(result.errors) || !Array.isArray(result.warnings)) return undefined;
    if (result.quiz !== null && (typeof result.quiz !== 'object' || !Array.isArray(result.quiz?.questions))) return undefined;
    return result as ParseResult;
  } catch {
    return undefined;
  }
}

export function entryPath(dir: string, key: string): string {
  return join(dir, 'quizzes', `${key}.json`);
}

export function readCached(dir: string, key: string): ParseResult | undefined {
  let text: string;
  try {
    text = readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  return decodeEntry(text, key);
}

/** Writes an entry atomically (the one writer, files.ts); any failure is not an error: the cache is only a cache. */
export function writeCached(dir: string, key: string, result: ParseResult): void {
  try {
    mkdirSync(join(dir, 'quizzes'), { recursive: true });
    writeFileAtomic(entryPath(dir, key), encodeEntry(key, result));
  } catch {
    // The folder is unusable (read-only, a file in its place): the next run parses again.
  }
}
