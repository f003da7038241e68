/** Finding and reading quizzes at the edge: a path, a bundled quiz's name, or the bundled default. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, UsageError } from '../errors.js';
import { isDirectory, readTextFile } from '../files.js';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import type { Quiz } from './model.js';
import { parseQuiz } from './parse-quiz.js';

export const DEFAULT_QUIZ = 'mlops-deployment';

/** The package's own folder (holds package.json and quizzes/), from src/ or from the bundle in dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'quizzes'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('mlops-quiz: cannot find the package folder (package.json beside quizzes/)');
    dir = parent;
  }
}

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
  return { text, file: target.shown, source: target.bundled ?? target.shown, dir: dirname(target.path) };
}

export interface LoadedQuiz {
  quiz: Quiz;
  warnings: Diagnostic[];
  dir: string;
}

/** Reads and parses a quiz; a quiz with errors is refused (exit 2, every error listed). */
export function loadQuiz(target: Extract<QuizTarget, { kind: 'file' }>): LoadedQuiz {
  const input = readQuizSource(target);
  const result = parseQuiz(input.text, { file: input.file, source: input.source });
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
