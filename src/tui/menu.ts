/**
 * `run FOLDER` interactively: a menu of the folder's quizzes by title, each at a glance, then the chosen
 * one is parsed in full and taken (refused as `run quiz.md` refuses it when it has errors).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import select from '@inquirer/select';
import type { Context } from '@inquirer/type';
import { UsageError } from '../core/errors.js';
import { baseName } from '../core/ids.js';
import { outlineFile } from '../store/outlines.js';
import type { LoadOptions } from '../store/quizzes.js';
import { sanitize } from '../core/sanitize.js';
import type { Style } from '../reporters/style.js';
import { promptTheme } from './theme.js';

export interface FolderQuiz {
  /** The file's path. */
  path: string;
  /** The path as shown (the folder as given, then the file name). */
  shown: string;
  /** The quiz's title (its front matter's, else the file's name). */
  title: string;
  /** How many questions it holds, or null when not counted (a large file of a foreign dialect). */
  questions: number | null;
  /** Errors known before it is picked (0: none known; picking it parses it in full). */
  errors: number;
  /** The dialect that reads it. */
  dialect: string;
}

/**
 * The folder's `*.md` files (not its sub-folders), by file name, each at a glance (store/outlines.ts: the
 * title and the number of questions without the full parse, cached in `options.cacheDir`), so that the
 * menu appears at once however large the quizzes are; the full parse waits for the one picked.
 */
export async function folderQuizzes(folder: string, shown: string, options: LoadOptions = { cacheDir: null }): Promise<FolderQuiz[]> {
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new UsageError(`${shown}: holds no quiz (no *.md file); give a quiz file, a folder of them, or a bundled quiz's name`);
  const quizzes: FolderQuiz[] = [];
  for (const name of names) quizzes.push(await folderQuiz(folder, join(folder, name), join(shown, name), options));
  return quizzes;
}

async function folderQuiz(folder: string, path: string, file: string, options: LoadOptions): Promise<FolderQuiz> {
  try {
    return { path, shown: file, ...(await outlineFile(path, file, folder, options)) };
  } catch {
    // Not readable as a quiz (not UTF-8, too large, not a regular file): `run` on it says why.
    return { path, shown: file, title: baseName(file), questions: 0, errors: 1, dialect: 'markdown' };
  }
}

function countOf(quiz: FolderQuiz): string {
  if (quiz.questions === null) return `(${quiz.dialect}, questions counted when opened)`;
  return `(${quiz.questions} question${quiz.questions === 1 ? '' : 's'})`;
}

/** Asks which quiz to take; resolves to the chosen entry. Rejects as prompts do on Ctrl+C or abort. */
export async function chooseQuiz(quizzes: readonly FolderQuiz[], style: Style, context: Context): Promise<FolderQuiz> {
  const choices = quizzes.map((quiz) => ({
    value: quiz,
    name: quiz.errors > 0 ? sanitize(quiz.shown) : `${sanitize(quiz.title)} ${style.dim(countOf(quiz))}`,
    short: sanitize(quiz.title),
    description: sanitize(quiz.shown),
    ...(quiz.errors > 0 ? { disabled: '(has errors: see `mlops-quiz validate`)' } : {}),
  }));
  if (choices.every((choice) => 'disabled' in choice)) {
    throw new UsageError(`${quizzes.map((quiz) => quiz.shown).join(', ')}: no usable quiz in this folder; check them with \`mlops-quiz validate\``);
  }
  return select({ message: 'Which quiz?', choices, pageSize: Math.min(15, choices.length), theme: promptTheme(style, [['q', 'quit']]) }, context);
}
