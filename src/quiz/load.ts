/** Finding and reading quizzes at the edge: a path, a bundled quiz's name, or the bundled default. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CliError, UsageError } from '../errors.js';
import { isDirectory, readTextFile } from '../files.js';
import { packageRoot } from '../package-root.js';
import { cacheDir } from './cache-dir.js';
import { decodeCompiled } from './compiled.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import type { Quiz } from './model.js';
import type { ParseOptions, ParseResult } from './parse-quiz.js';

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
  /** The Markdown text. */
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

/** Where `[quiz]` points: a Markdown file, a folder, or a bundled quiz's name (DESIGN.md section 8). */
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
}

/** The cache folder for this environment, unless `--no-cache` (commander's `cache: false`) turned it off. */
export function loadOptions(env: Readonly<Record<string, string | undefined>>, cache: boolean | undefined): LoadOptions {
  return { cacheDir: cache === false ? null : cacheDir(env) };
}

/** Where `npm run build` writes the model of a bundled quiz, compiled from its Markdown. */
export function compiledPath(name: string): string {
  return join(packageRoot(), 'dist', 'quizzes', `${name}.json`);
}

function readCompiled(name: string, input: QuizSource): ParseResult | undefined {
  let json: string;
  try {
    json = readFileSync(compiledPath(name), 'utf8');
  } catch {
    return undefined;
  }
  return decodeCompiled(json, input.text, { file: input.file, source: input.source });
}

/**
 * Parses a quiz's text, or takes its model from where it already is: compiled at build time (bundled
 * quizzes), or in the cache. Only a real parse loads the parser (remark) into the process.
 */
export async function parseQuizSource(input: QuizSource, options: LoadOptions): Promise<ParseResult> {
  const compiled = input.bundled === undefined ? undefined : readCompiled(input.bundled, input);
  if (compiled) return compiled;
  const keyOptions = { file: input.file, source: input.source };
  if (options.cacheDir === null) return parseText(input.text, keyOptions);
  // Only now the cache (it hashes: node:crypto) and, on a miss, the parser (remark).
  const { cacheKey, readCached, writeCached } = await import('./cache.js');
  const key = cacheKey(input.text, keyOptions);
  const cached = readCached(options.cacheDir, key);
  if (cached) return cached;
  const result = await parseText(input.text, keyOptions);
  writeCached(options.cacheDir, key, result);
  return result;
}

/**
 * The parser: its core alone, or with the YAML reader front matter needs. The bundle runs both from
 * dist/fast/ with V8's code cache (src/scripts.ts); tests import the modules. Either way each is loaded
 * once per process (the module registry, or loadScript).
 */
async function importParser(withYaml: boolean): Promise<typeof import('./parse-core.js')> {
  if (!__MQ_CODE_CACHE__) {
    const core = await import('./parse-core.js');
    if (withYaml) core.provideYaml(await import('./yaml-reader.js'));
    return core;
  }
  const { loadScript } = await import('../scripts.js');
  const core = loadScript('parse-core');
  if (withYaml) core.provideYaml(loadScript('yaml-reader'));
  return core;
}

/**
 * Loads the parser and parses. Front matter can only open a file (`---` on its first line, after a
 * BOM): without it, the parser is loaded without yaml (docs/SPEED.md); should it meet front matter
 * all the same, it says so, and the text is parsed again with the YAML reader given.
 */
export async function parseText(text: string, options: ParseOptions): Promise<ParseResult> {
  const frontMatter = /^\uFEFF?---/.test(text);
  const core = await importParser(frontMatter);
  try {
    return core.parseQuiz(text, options);
  } catch (error) {
    if (frontMatter || !(error instanceof core.NeedsYamlError)) throw error;
  }
  return (await importParser(true)).parseQuiz(text, options);
}

export interface LoadedQuiz {
  quiz: Quiz;
  warnings: Diagnostic[];
  dir: string;
}

/** Reads and parses a quiz; a quiz with errors is refused (exit 2, every error listed). */
export async function loadQuiz(target: Extract<QuizTarget, { kind: 'file' }>, options: LoadOptions): Promise<LoadedQuiz> {
  const input = readQuizSource(target);
  const result = await parseQuizSource(input, options);
  if (!result.quiz) {
    const count = result.errors.length;
    throw new CliError('quiz-invalid', `${input.file}: ${count} error${count === 1 ? '' : 's'} make${count === 1 ? 's' : ''} this quiz unusable (check it with \`mlops-quiz validate\`):`, {
      details: result.errors.map(formatDiagnostic),
    });
  }
  return { quiz: result.quiz, warnings: result.warnings, dir: input.dir };
}

export function usageFolderWithAnswers(shown: string): UsageError {
  return new UsageError(`${shown}: is a folder; --answers grades one quiz, so give the quiz's Markdown file`);
}
