/**
 * `mlops-quiz grade QUIZ SUBMISSION...` (docs/DESIGN.md section 8): every answers file given, or in the
 * folders given, graded against one quiz by the same code as `run --answers`. A file with an input
 * error gets it in its row and the others are still graded; the exit code is then 2, else 0.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GradeOptions } from '../options.js';
import { AnswersFileError, CliError, UsageError } from '../../core/errors.js';
import { isDirectory } from '../../store/files.js';
import { ClassTally, type Submission } from '../../core/class.js';
import type { Io } from '../io.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { gradingLoad, loadQuiz, resolveQuizTarget } from '../../store/quizzes.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { CLASS_REPORTERS } from '../../reporters/index.js';
import { gradeAnswersFile } from './answers-file.js';
import { checkOutput, writeOutput } from '../output.js';

export interface SubmissionFile {
  /** As shown in the report: as given, or the folder as given joined with the file's name. */
  shown: string;
  /** Absolute. */
  path: string;
}

/**
 * `join(dir, name)` for every plain file name (no separator, not `.` or `..`, as readdir gives them):
 * normalising leaves the last segment alone, so the joined prefix is the same for every name. One
 * join per folder instead of two per file (10,000 files).
 */
export function joinerFor(dir: string): (name: string) => string {
  const prefix = join(dir, 'x').slice(0, -1);
  return (name) => prefix + name;
}

/**
 * The answers files to grade: files as given, folders expanded in place to their `*.json` files in
 * code-point order of their names. A path given twice is graded once.
 */
export function submissionFiles(args: readonly string[], io: Io): SubmissionFile[] {
  const files: SubmissionFile[] = [];
  const seen = new Set<string>();
  const add = (shown: string, path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ shown, path });
  };
  for (const arg of args) {
    const path = resolve(io.cwd, arg);
    if (!isDirectory(path)) {
      add(arg, path);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(path).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
      throw new CliError('file-unreadable', `${arg}: the folder cannot be read (${code})`);
    }
    if (names.length === 0) io.stderr.write(`${sanitizeLine(`mlops-quiz: warning: ${arg}: holds no *.json answers files`)}\n`);
    const shown = joinerFor(arg);
    const absolute = joinerFor(path);
    for (const name of names) add(shown(name), absolute(name));
  }
  return files;
}

export async function gradeCommand(quizArg: string, args: readonly string[], options: GradeOptions, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (target.kind === 'folder') throw new UsageError(`${target.shown}: is a folder; grade grades one quiz, so give the quiz's Markdown file`);
  const { quiz, warnings } = await loadQuiz(target, gradingLoad(options.dialect));
  for (const warning of warnings) io.stderr.write(`${sanitizeLine(formatDiagnostic(warning))}\n`);

  const files = submissionFiles(args, io);
  if (files.length === 0) throw new UsageError('no answers files to grade; give answers files (JSON) or folders that hold *.json files');
  if (options.output !== undefined) {
    checkOutput(io, options.output, [{ path: target.path, what: 'the quiz file' }, ...files.map((file) => ({ path: file.path, what: `a submission (${file.shown})` }))]);
  }
  // Each report goes into the tally as it is made, and is let go.
  const passMark = options.passMark ?? quiz.passMark;
  const tally = new ClassTally(quiz, passMark);
  for (const { shown, path } of files) {
    let submission: Submission;
    try {
      submission = { file: shown, report: gradeAnswersFile(quiz, shown, io, passMark, path) };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      // Every problem of the file, a line each, in its row (issue 17).
      submission = { file: shown, error: error instanceof AnswersFileError ? error.problems.join('\n') : error.message };
    }
    tally.add(submission);
  }

  const report = tally.report();
  writeOutput(io, options.output, (color) => CLASS_REPORTERS[options.format](report, color, {}));

  const { errors } = report.summary;
  if (errors > 0) {
    throw new CliError('answers-invalid', `${errors} of ${files.length} submission${files.length === 1 ? '' : 's'} could not be graded; ${errors === 1 ? 'its row gives' : 'their rows give'} the error`);
  }
  return 0;
}
