/**
 * `mlops-quiz validate FILE...` (docs/DESIGN.md sections 3 and 8): checks quiz files the way `run` reads
 * them and reports every problem of every file in one run. The findings are this command's output, so
 * they go to stdout, one per line as `file:line:column: error|warning: message`; a one-line summary
 * and unreadable files go to stderr. Exit 0: no errors (warnings allowed); 1: errors; 2: a file could
 * not be read (missing, a folder without quizzes, not UTF-8, over 16 MiB), after the others are checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from '../../core/errors.js';
import { isDirectory, readTextFile } from '../../store/files.js';
import type { Io } from '../io.js';
import { findings } from '../../core/diagnostics.js';
import { loadOptions, readQuizFor } from '../../store/quizzes.js';
import { sanitize } from '../../core/sanitize.js';
import { DIALECTS } from '../../dialects/index.js';

/** Names a folder's quiz files always stand for; other files only when a foreign dialect detects their text. */
const QUIZ_NAMES = /\.(md|markdown|gift)$/i;
const PEEK_LIMIT = 16 * 1024 * 1024;

/** Whether a file in a folder is a quiz in a known dialect (docs/DESIGN.md section 12). */
function isQuizFile(path: string, name: string): boolean {
  if (name.startsWith('.')) return false;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return false;
    if (QUIZ_NAMES.test(name)) return true;
    if (stat.size > PEEK_LIMIT) return false;
    const text = readFileSync(path, 'utf8');
    return DIALECTS.slice(0, -1).some((entry) => entry.detect(text, name));
  } catch {
    return false;
  }
}

/** A folder stands for the quiz files directly in it (Markdown, and any file a known dialect reads), in name order. */
function expand(args: readonly string[], cwd: string): string[] {
  return args.flatMap((arg) => {
    const path = resolve(cwd, arg);
    if (!isDirectory(path)) return [arg];
    const names = readdirSync(path).filter((name) => isQuizFile(join(path, name), name)).sort();
    return names.length > 0 ? names.map((name) => join(arg, name)) : [arg];
  });
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export async function validateCommand(files: readonly string[], io: Io, options: { cache?: boolean; dialect?: string } = {}): Promise<number> {
  const load = loadOptions(io.env, options.cache, options.dialect);
  const unreadable: CliError[] = [];
  let errors = 0;
  let warnings = 0;
  let failing = 0;
  const checked = expand(files, io.cwd);
  for (const file of checked) {
    let text: string;
    try {
      if (isDirectory(resolve(io.cwd, file))) throw new CliError('file-unreadable', `${file}: is a folder with no quiz files in it (Markdown, or a format --dialect names); give quiz files`);
      text = readTextFile(resolve(io.cwd, file), file, 'quiz');
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      unreadable.push(error);
      continue;
    }
    const result = await readQuizFor({ text, file, source: file, dir: io.cwd }, load);
    // Which dialect read the file: said for every format but the native one (and for it too when forced).
    if ((result.dialect ?? 'markdown') !== 'markdown' || options.dialect !== undefined) {
      const count = result.quiz?.questions.length ?? 0;
      io.stdout.write(`${sanitize(file)}: read as ${result.dialect ?? 'markdown'}, ${plural(count, 'question')}\n`);
    }
    for (const finding of findings(result)) io.stdout.write(`${sanitize(finding)}\n`);
    errors += result.errors.length;
    warnings += result.warnings.length;
    if (result.errors.length > 0) failing += 1;
  }
  const read = checked.length - unreadable.length;
  const summary = errors > 0 ? `${plural(errors, 'error')} in ${failing} of ${plural(read, 'file')}` : `no errors in ${plural(read, 'file')}`;
  io.stderr.write(`mlops-quiz validate: ${summary}, ${plural(warnings, 'warning')}${unreadable.length > 0 ? `; ${unreadable.length} not read` : ''}\n`);
  if (unreadable.length === 1) throw unreadable[0];
  if (unreadable.length > 1) {
    throw new CliError(unreadable[0]!.code, `${unreadable.length} files could not be read:`, { details: unreadable.map((error) => error.message) });
  }
  return errors > 0 ? 1 : 0;
}
