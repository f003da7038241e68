/**
 * Finding and reading quizzes at the edge: a path, a bundled quiz's name, or the bundled default; the
 * text read by its dialect, or its model taken from where it already is (compiled at build time for a
 * bundled quiz, or the parse cache). Only a real read loads a dialect's reader (remark, yaml).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.js';
import { CliError, UsageError } from '../core/errors.js';
import type { Quiz, ReadResult } from '../core/quiz.js';
import { DIALECT_NAMES, dialectNamed, dialectOf, readUndetected, type DialectEntry, type ReadOptions } from '../dialects/index.js';
import { decodeCompiled } from './compiled.js';
import { cacheDir } from './dirs.js';
import { isDirectory, readTextFile } from './files.js';
import { checkImages } from './images.js';
import { packageRoot } from './package-root.js';

export const DEFAULT_QUIZ = 'mlops-deployment';

export function bundledDir(): string {
  return join(packageRoot(), 'quizzes');
}

export function bundledNames(): string[] {
  return readdirSync(bundledDir())
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

export interface QuizSource {
  /** The quiz's text. */
  text: string;
  /** The path as shown in messages. */
  file: string;
  /** What `quiz.source` reports: the path as given, or the bundled name. */
  source: string;
  /** The folder that relative image paths resolve against. */
  dir: string;
  /** The bundled quiz's name, when it is one (its model is compiled at build time). */
  bundled?: string;
}

export type QuizTarget = { kind: 'file'; path: string; shown: string; bundled?: string } | { kind: 'folder'; path: string; shown: string };

/** Where `[quiz]` points: a quiz file, a folder, or a bundled quiz's name (docs/DESIGN.md section 8). */
export function resolveQuizTarget(arg: string | undefined, cwd: string): QuizTarget {
  if (arg === undefined) {
    return { kind: 'file', path: join(bundledDir(), `${DEFAULT_QUIZ}.md`), shown: DEFAULT_QUIZ, bundled: DEFAULT_QUIZ };
  }
  const path = resolve(cwd, arg);
  if (isDirectory(path)) return { kind: 'folder', path, shown: arg };
  if (existsSync(path)) return { kind: 'file', path, shown: arg };
  if (/^[\w.-]+$/.test(arg) && bundledNames().includes(arg)) {
    return { kind: 'file', path: join(bundledDir(), `${arg}.md`), shown: arg, bundled: arg };
  }
  const names = bundledNames();
  throw new CliError(
    'file-not-found',
    `${arg}: no such quiz file${names.length ? `, and no bundled quiz of that name (bundled: ${names.join(', ')})` : ''}; give a Markdown file, a folder of them, or a bundled quiz's name`,
  );
}

export function readQuizSource(target: Extract<QuizTarget, { kind: 'file' }>): QuizSource {
  const text = readTextFile(target.path, target.shown, 'quiz');
  const input: QuizSource = { text, file: target.shown, source: target.bundled ?? target.shown, dir: dirname(target.path) };
  if (target.bundled !== undefined) input.bundled = target.bundled;
  return input;
}

export interface LoadOptions {
  /** The parsed-quiz cache folder, or null for none (`--no-cache`). */
  cacheDir: string | null;
  /** The dialect forced with `--dialect` (src/dialects/index.ts), else detected from each text. */
  dialect?: string;
}

/** The cache folder for this environment, unless `--no-cache` (commander's `cache: false`) turned it off. */
export function loadOptions(env: Readonly<Record<string, string | undefined>>, cache: boolean | undefined, dialect?: string): LoadOptions {
  const options: LoadOptions = { cacheDir: cache === false ? null : cacheDir(env) };
  if (dialect !== undefined) options.dialect = dialect;
  return options;
}

/** The dialect to read a text with: the one forced, else the first that detects it. */
export function entryFor(input: QuizSource, options: LoadOptions): DialectEntry {
  if (options.dialect === undefined) return dialectOf(input.text, input.file);
  const entry = dialectNamed(options.dialect);
  if (!entry) throw new UsageError(`--dialect ${options.dialect}: no such dialect; known: ${DIALECT_NAMES.join(', ')}`);
  return entry;
}

/** Reads with the entry, the dialect's name set in the result (but for the native format's). */
async function readAs(entry: DialectEntry, input: QuizSource, readOptions: ReadOptions, forced: boolean): Promise<ReadResult> {
  const result = await readText(entry, input.text, readOptions);
  // A native read stays as the reader gave it (no `dialect`: markdown is the default).
  return forced || entry.name !== 'markdown' ? { ...result, dialect: entry.name } : result;
}

/**
 * For grading answers files (`run --answers`, `grade`): no cache at all. A cache entry's checksum finds
 * damage, not forgery (cache.ts), and a grade must follow from the quiz's text alone; the parse this
 * costs is measured in docs/DECISIONS.md.
 */
export const GRADING_LOAD: LoadOptions = { cacheDir: null };

/** GRADING_LOAD, with the dialect forced by `--dialect`, if any. */
export function gradingLoad(dialect: string | undefined): LoadOptions {
  return dialect === undefined ? GRADING_LOAD : { ...GRADING_LOAD, dialect };
}

/** Where `npm run build` writes the model of a bundled quiz, compiled from its Markdown. */
export function compiledPath(name: string): string {
  return join(packageRoot(), 'dist', 'quizzes', `${name}.json`);
}

function readCompiled(name: string, input: QuizSource): ReadResult | undefined {
  let json: string;
  try {
    json = readFileSync(compiledPath(name), 'utf8');
  } catch {
    return undefined;
  }
  return decodeCompiled(json, input.text, { file: input.file, source: input.source });
}

/** Texts from this size are read on several threads where their dialect can (docs/SPEED.md). */
export const PARALLEL_FROM = 512 * 1024;

/** Reads a text with its dialect: on several threads when it is large and the dialect can, else here. */
export async function readText(entry: DialectEntry, text: string, options: ReadOptions): Promise<ReadResult> {
  const dialect = await entry.load(text);
  if (dialect.parts !== undefined && text.length >= PARALLEL_FROM) {
    const { readInWorkers } = await import('./workers.js');
    const result = await readInWorkers(entry, dialect.parts, text, options);
    if (result !== null) return result;
  }
  return dialect.read(text, options);
}

/** A quiz's read result: compiled at build time (bundled quizzes), cached, or read now (and cached). */
export async function parseQuizSource(input: QuizSource, options: LoadOptions): Promise<ReadResult> {
  const compiled = input.bundled === undefined ? undefined : readCompiled(input.bundled, input);
  if (compiled) return compiled;
  const readOptions = { file: input.file, source: input.source };
  const entry = entryFor(input, options);
  const forced = options.dialect !== undefined;
  if (options.cacheDir === null) return readAs(entry, input, readOptions, forced);
  const { quizKey, readCached, writeCached } = await import('./cache.js');
  const key = quizKey(input.text, readOptions, entry, forced);
  const cached = readCached(options.cacheDir, key);
  if (cached) return cached;
  const result = await readAs(entry, input, readOptions, forced);
  writeCached(options.cacheDir, key, result);
  return result;
}

/**
 * parseQuizSource, and when the text was read natively (not forced) and holds no question, the error
 * also names the dialects tried and the nearest miss (dialects/index.ts): what `validate` and a refused
 * quiz say. The cache keeps the reader's own result.
 */
export async function readQuizFor(input: QuizSource, options: LoadOptions): Promise<ReadResult> {
  const result = await parseQuizSource(input, options);
  if (result.quiz !== null || options.dialect !== undefined || (result.dialect ?? 'markdown') !== 'markdown') return result;
  return (await readUndetected(input.text, { file: input.file, source: input.source }, result)).result;
}

export interface LoadedQuiz {
  quiz: Quiz;
  warnings: Diagnostic[];
  dir: string;
}

/** Reads and parses a quiz; a quiz with errors is refused (exit 2, every error listed). */
export async function loadQuiz(target: Extract<QuizTarget, { kind: 'file' }>, options: LoadOptions, shown: { images?: boolean } = {}): Promise<LoadedQuiz> {
  const input = readQuizSource(target);
  const result = await readQuizFor(input, options);
  if (!result.quiz) {
    const count = result.errors.length;
    throw new CliError('quiz-invalid', `${input.file}: ${count} error${count === 1 ? '' : 's'} make${count === 1 ? 's' : ''} this quiz unusable (check it with \`mlops-quiz validate\`):`, {
      details: result.errors.map((d) => formatDiagnostic(d)),
    });
  }
  // For a quiz shown to someone (`shown.images`: a session, a preview), its images are checked here, where
  // the quiz's folder is known (images.ts): a missing one is a warning. Grading from files shows none.
  const images = shown.images === true ? checkImages(result.images, input.dir, input.file) : [];
  return { quiz: result.quiz, warnings: [...result.warnings, ...images], dir: input.dir };
}

export function usageFolderWithAnswers(shown: string): UsageError {
  return new UsageError(`${shown}: is a folder; --answers grades one quiz, so give the quiz's Markdown file`);
}
