/** `mlops-quiz run [quiz] --answers FILE`: grading one answers file (docs/DESIGN.md section 8). */
import { formatDiagnostic } from '../../core/diagnostics.js';
import { UsageError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { loadOptions, loadQuiz, resolveQuizTarget, usageFolderWithAnswers } from '../../store/quizzes.js';
import { exitCodeOf } from '../exit.js';
import type { Io } from '../io.js';
import type { RunOptions } from '../options.js';
import { writeReport } from '../output.js';
import { gradeAnswersFile } from './answers-file.js';

/** `options.answers` is set: grade that file against the quiz, write the report, 0 passed, 1 not. */
export async function runAnswersCommand(quizArg: string | undefined, options: RunOptions & { answers: string }, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (target.kind === 'folder') throw usageFolderWithAnswers(target.shown);
  const interactiveOnly = [options.shuffle !== undefined && '--shuffle', options.seed !== undefined && '--seed', options.limit !== undefined && '--limit', options.resume && '--resume', options.review && '--review'].filter(Boolean);
  if (interactiveOnly.length) {
    throw new UsageError(`${interactiveOnly.join(', ')}: only for interactive runs; an answers file is graded over every question, in file order`);
  }
  const { quiz, warnings } = await loadQuiz(target, loadOptions(io.env, options.cache, options.dialect));
  for (const warning of warnings) io.stderr.write(`${sanitizeLine(formatDiagnostic(warning))}\n`);
  const report = gradeAnswersFile(quiz, options.answers, io, options.passMark);
  writeReport(report, options.format, options.output, io);
  return exitCodeOf(report);
}
