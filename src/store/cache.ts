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
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = CachedResult.safeParse(json);
  // A result without a model says why: one without either is not a parse result.
  if (!parsed.success || (parsed.data.quiz === null && parsed.data.errors.length === 0)) return undefined;
  return parsed.data as ParseResult;
}

export function entryPath(dir: string, key: string): string {
  return join(dir, 'quizzes', `${key}.json`);
}

export function readCached(dir: string, key: string): ParseResult | undefined {
  let text: string;
  try {
    text = Buffer.from(readBounded(entryPath(dir, key), MAX_ENTRY_BYTES)).toString('utf8');
  } catch {
    return undefined;
  }
  return decodeEntry(text, key);
}

/** Writes an entry atomically (the one writer, files.ts); any failure is not an error: the cache is only a cache. */
export function writeCached(dir: string, key: string, result: ParseResult): void {
  try {
    mkdirSync(join(dir, 'quizzes'), { recursive: true, mode: PRIVATE_FOLDER });
    // Folders an earlier version made 0755 become 0700 too.
    for (const folder of [dir, join(dir, 'quizzes')]) {
      try {
        chmodSync(folder, PRIVATE_FOLDER);
      } catch {
        // not ours to change: the entries are 0600 all the same
      }
    }
    writeFileAtomic(entryPath(dir, key), encodeEntry(key, result), PRIVATE_FILE, false);
  } catch {
    // The folder is unusable (read-only, a file in its place): the next run parses again.
  }
}
