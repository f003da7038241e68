/**
 * The folder menu's glance at each quiz file (docs/DECISIONS.md, "The folder menu"): its title, how many
 * questions it holds and the errors already certain, without the full parse, which waits until the
 * learner picks the quiz. A native file is read by dialects/markdown/outline.ts (one pass over the
 * lines, the front matter's YAML and nothing else). A file of a foreign dialect is parsed in full
 * (through the parse cache) when it is small, up to FOREIGN_PARSE_UP_TO; a larger one shows its file
 * name, uncounted.
 *
 * Each glance is cached, an entry in `menu/` of the cache folder (cache.ts: key, checksum, JSON body;
 * 0600 in folders 0700, through the one writer), keyed by the file's path, the name it is shown by and
 * its stat (device, inode, size, modification and change times to the nanosecond), so that a folder
 * opened again is listed without reading its quizzes; any change to a file (even one that keeps its
 * size and modification time: the change time moves) makes a new glance. File systems keep those times
 * coarsely (a clock tick of a few milliseconds), so two writes of the same size in one tick look alike:
 * an entry made less than RACY_MS after its file last changed is trusted only once the text is read
 * and found the same (its hash; as Git treats a "racily clean" index entry).
 *
 * Errors: what the glance sees (front matter the reader refuses, the guards, no question), and what
 * a full parse of the same text already cached knows (its parse cache entry, read when it is small:
 * a result with errors holds no model), so a quiz refused once is shown disabled the next time.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { baseName } from '../core/ids.js';
import { DIALECTS } from '../dialects/index.js';
import { OUTLINE_VERSION } from '../dialects/markdown/version.js';
import { quizKey, readCached, readEntry, writeEntry } from './cache.js';
import { readTextFile } from './files.js';
import { entryFor, parseQuizSource, type LoadOptions, type QuizSource } from './quizzes.js';

/** A foreign dialect's file up to this size is parsed in full for the menu; a larger one is not counted. */
export const FOREIGN_PARSE_UP_TO = 256 * 1024;
/** A parse cache entry up to this size is read for its errors; a larger one holds a model (no errors). */
const ERRORS_ENTRY_UP_TO = 256 * 1024;
/** An entry made this soon after its file changed is checked against the text (see above). */
const RACY_MS = 2000;
/** A menu entry is a title and a few numbers. */
const MAX_MENU_ENTRY = 64 * 1024;

export interface FileOutline {
  title: string;
  /** The number of questions, or null when not counted (a large file of a foreign dialect). */
  questions: number | null;
  /** Errors known (0: none known yet; the full parse, when the quiz is picked, has the last word). */
  errors: number;
  /** The dialect that reads the file. */
  dialect: string;
}

const MenuEntry = z.object({
  title: z.string(),
  questions: z.nullable(z.int().check(z.minimum(0))),
  errors: z.int().check(z.minimum(0)),
  dialect: z.string(),
  /** The parse cache key of the text the glance read (a hash of it), where its full parse's errors would be. */
  parsed: z.string(),
  /** When the entry was made (ms since the epoch). */
  made: z.number(),
});
type MenuEntry = z.infer<typeof MenuEntry>;

const version = __MQ_VERSION__;

/** The menu entry's key for the file as it is now, and when it last changed (ms since the epoch). */
function menuKey(path: string, shown: string, options: LoadOptions): { key: string; changed: number } {
  const stat = statSync(path, { bigint: true });
  const readers = DIALECTS.map((entry) => `${entry.name}@${entry.version}`).join(' ');
  const key = createHash('sha256')
    .update(`mlops-quiz menu ${OUTLINE_VERSION} package ${version} ${readers} forced ${options.dialect ?? ''}\0${resolve(path)}\0${shown}\0`)
    .update(`${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`)
    .digest('hex');
  return { key, changed: Number(stat.ctimeNs > stat.mtimeNs ? stat.ctimeNs : stat.mtimeNs) / 1e6 };
}

/** The glance at one quiz file: from the cache when the file is unchanged, else read now (and cached). Throws a file's CliError. */
export async function outlineFile(path: string, shown: string, dir: string, options: LoadOptions): Promise<FileOutline> {
  const cacheDir = options.cacheDir;
  const { key, changed } = menuKey(path, shown, options);
  let entry: MenuEntry | undefined;
  if (cacheDir !== null) {
    const parsed = MenuEntry.safeParse(readEntry(cacheDir, key, 'menu', MAX_MENU_ENTRY));
    if (parsed.success) entry = parsed.data;
  }
  let input: QuizSource | undefined;
  if (entry !== undefined && entry.made - changed < RACY_MS) {
    // Racily clean: the same stat may hide a second write in the same clock tick; the text decides.
    input = { text: readTextFile(path, shown, 'quiz'), file: shown, source: shown, dir };
    if (parsedKey(input, options) !== entry.parsed) entry = undefined;
  }
  if (entry === undefined) {
    input ??= { text: readTextFile(path, shown, 'quiz'), file: shown, source: shown, dir };
    entry = await glance(input, options);
    if (cacheDir !== null) writeEntry(cacheDir, key, 'menu', entry);
  }
  let errors = entry.errors;
  if (errors === 0 && cacheDir !== null) {
    const full = readCached(cacheDir, entry.parsed, ERRORS_ENTRY_UP_TO);
    if (full?.quiz === null) errors = full.errors.length;
  }
  return { title: entry.title, questions: entry.questions, errors, dialect: entry.dialect };
}

/** The key of the text's full parse in the parse cache, as parseQuizSource makes it. */
function parsedKey(input: QuizSource, options: LoadOptions): string {
  return quizKey(input.text, { file: input.file, source: input.source }, entryFor(input, options), options.dialect !== undefined);
}

async function glance(input: QuizSource, options: LoadOptions): Promise<MenuEntry> {
  const dialect = entryFor(input, options);
  const made = Date.now();
  const parsed = parsedKey(input, options);
  if (dialect.name === 'markdown') {
    const { outlineQuiz } = await import('../dialects/markdown/outline.js');
    const outline = outlineQuiz(input.text, input.file);
    return { ...outline, dialect: dialect.name, parsed, made };
  }
  if (input.text.length <= FOREIGN_PARSE_UP_TO) {
    const result = await parseQuizSource(input, options);
    const questions = result.quiz?.questions.length ?? 0;
    const errors = result.quiz === null ? Math.max(1, result.errors.length) : 0;
    return { title: result.quiz?.title ?? baseName(input.file), questions, errors, dialect: dialect.name, parsed, made };
  }
  return { title: baseName(input.file), questions: null, errors: 0, dialect: dialect.name, parsed, made };
}
