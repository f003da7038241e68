/**
 * The parsed-quiz cache (docs/DESIGN.md section 10), at the edge: entries under `$XDG_CACHE_HOME/mlops-quiz/`
 * (default `~/.cache/mlops-quiz/`), keyed by a hash of the dialect and its version, the package version, the
 * name the file is shown by and the file's text. An entry is `key`, a checksum of the body, then the
 * body (the parse result as JSON), written atomically (temporary file, then rename), mode 0600 in
 * folders 0700. An entry that does not read back whole (bad checksum, other key, not JSON, a shape the
 * zod schemas refuse, not a regular file, over its size limit) is ignored, and the fresh parse rewrites
 * it. Cache trouble of any kind (no HOME, a read-only folder) never fails a command.
 *
 * The checksum finds damage, not forgery: anyone who can write the folder can recompute it. So what
 * grades an answers file (`run --answers`, `grade`) never reads the cache (quizzes.ts, `loadOptions`);
 * the cache serves the interactive session, the folder menu and validate (docs/DECISIONS.md).
 *
 * The folder menu's glances at quiz files (outlines.ts) are entries of the same form in `menu/`.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { ImageRef, Quiz, type ReadResult as ParseResult } from '../core/quiz.js';
import type { DialectEntry } from '../dialects/index.js';
import { PRIVATE_FILE, PRIVATE_FOLDER, readBounded, writeFileAtomic } from './files.js';

/** The model of a 16 MiB quiz is larger than its text; an entry past this is not one of ours. */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

const Place = { file: z.string(), line: z.int().check(z.minimum(1)), column: z.int().check(z.minimum(1)) };
const CachedDiagnostic = z.object({ severity: z.enum(['error', 'warning']), code: z.string(), message: z.string(), ...Place });
/** What an entry's body must be: the same schemas a fresh parse's model satisfies. */
const CachedResult = z.object({ quiz: z.nullable(Quiz), errors: z.array(CachedDiagnostic), warnings: z.array(CachedDiagnostic), images: z.optional(z.array(ImageRef)) });

const version = __MQ_VERSION__;

export interface KeyOptions {
  file: string;
  source?: string;
}

/** The key of a quiz's parse: `forced` when its dialect was given (`--dialect`), not detected. */
export function quizKey(text: string, options: KeyOptions, entry: Pick<DialectEntry, 'name' | 'version'>, forced: boolean): string {
  return cacheKey(text, options, { name: forced ? `${entry.name} forced` : entry.name, version: entry.version });
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

/** The entry's text: its key, the body's checksum, the body (any JSON value). */
export function encodeEntry(key: string, result: unknown): string {
  const body = JSON.stringify(result);
  return `${key}\n${sum(body)}\n${body}`;
}

/** The JSON body of an entry's text, or undefined when it is not a whole entry for this key. */
export function decodeBody(text: string, key: string): unknown {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  if (first < 0 || second < 0 || text.slice(0, first) !== key) return undefined;
  const body = text.slice(second + 1);
  if (text.slice(first + 1, second) !== sum(body)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The parse result in an entry's text, or undefined when it is not a whole entry for this key. */
export function decodeEntry(text: string, key: string): ParseResult | undefined {
  const json = decodeBody(text, key);
  if (json === undefined) return undefined;
  const parsed = CachedResult.safeParse(json);
  // A result without a model says why: one without either is not a parse result.
  if (!parsed.success || (parsed.data.quiz === null && parsed.data.errors.length === 0)) return undefined;
  return parsed.data as ParseResult;
}

/** The entries' folders: parsed quizzes, and the folder menu's glances (outlines.ts). */
export type EntryFolder = 'quizzes' | 'menu';

export function entryPath(dir: string, key: string, folder: EntryFolder = 'quizzes'): string {
  return join(dir, folder, `${key}.json`);
}

/** An entry's JSON body, read within `maxBytes`; undefined when there is none whole for this key. */
export function readEntry(dir: string, key: string, folder: EntryFolder, maxBytes: number): unknown {
  let text: string;
  try {
    text = Buffer.from(readBounded(entryPath(dir, key, folder), maxBytes)).toString('utf8');
  } catch {
    return undefined;
  }
  return decodeBody(text, key);
}

export function readCached(dir: string, key: string, maxBytes = MAX_ENTRY_BYTES): ParseResult | undefined {
  let text: string;
  try {
    text = Buffer.from(readBounded(entryPath(dir, key), maxBytes)).toString('utf8');
  } catch {
    return undefined;
  }
  return decodeEntry(text, key);
}

/** Writes a parse result's entry atomically; any failure is not an error: the cache is only a cache. */
export function writeCached(dir: string, key: string, result: ParseResult): void {
  writeEntry(dir, key, 'quizzes', result);
}

/** Writes an entry atomically (the one writer, files.ts), 0600 in folders 0700; a failure is ignored. */
export function writeEntry(dir: string, key: string, folder: EntryFolder, body: unknown): void {
  try {
    mkdirSync(join(dir, folder), { recursive: true, mode: PRIVATE_FOLDER });
    // Folders an earlier version made 0755 become 0700 too.
    for (const made of [dir, join(dir, folder)]) {
      try {
        chmodSync(made, PRIVATE_FOLDER);
      } catch {
        // not ours to change: the entries are 0600 all the same
      }
    }
    writeFileAtomic(entryPath(dir, key, folder), encodeEntry(key, body), PRIVATE_FILE, false);
  } catch {
    // The folder is unusable (read-only, a file in its place): the next run parses again.
  }
}
