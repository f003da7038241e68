/** `run FOLDER` interactively: a menu of the folder's quizzes by title, then the chosen one is taken. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import select from '@inquirer/select';
import type { Context } from '@inquirer/type';
import { UsageError } from '../core/errors.js';
import { readTextFile } from '../store/files.js';
import { parseQuizSource, type LoadOptions } from '../store/quizzes.js';
import { sanitize } from '../core/sanitize.js';
import type { Style } from '../reporters/style.js';
import { promptTheme } from './theme.js';

export interface FolderQuiz {
  /** The file's path. */
  path: string;
  /** The path as shown (the folder as given, then the file name). */
  shown: string;
  /** The quiz's title, or null when the file does not parse as a quiz. */
  title: string | null;
  questions: number;
  errors: number;
}

/**
 * The folder's `*.md` files (not its sub-folders), by file name, each read and parsed for its title,
 * through the parse cache (`options`), so that a folder opened again lists at once.
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
    const result = await parseQuizSource({ text: readTextFile(path, file, 'quiz'), file, source: file, dir: folder }, options);
    return { path, shown: file, title: result.quiz?.title ?? null, questions: result.quiz?.questions.length ?? 0, errors: result.errors.length };
  } catch {
    return { path, shown: file, title: null, questions: 0, errors: 1 };
  }
}

/** Asks which quiz to take; resolves to the chosen entry. Rejects as prompts do on Ctrl+C or abort. */
export async function chooseQuiz(quizzes: readonly FolderQuiz[], style: Style, context: Context): Promise<FolderQuiz> {
  const choices = quizzes.map((quiz) => ({
    value: quiz,
    name: quiz.title === null ? sanitize(quiz.shown) : `${sanitize(quiz.title)} ${style.dim(`(${quiz.questions} question${quiz.questions === 1 ? '' : 's'})`)}`,
    short: sanitize(quiz.title ?? quiz.shown),
    description: sanitize(quiz.shown),
    ...(quiz.title === null ? { disabled: '(has errors: see `mlops-quiz validate`)' } : {}),
  }));
  if (choices.every((choice) => 'disabled' in choice)) {
    throw new UsageError(`${quizzes.map((quiz) => quiz.shown).join(', ')}: no usable quiz in this folder; check them with \`mlops-quiz validate\``);
  }
  return select({ message: 'Which quiz?', choices, pageSize: Math.min(15, choices.length), theme: promptTheme(style, [['q', 'quit']]) }, context);
}
