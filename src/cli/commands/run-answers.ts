/** `mlops-quiz run [quiz] --answers FILE`: grading one answers file (docs/DESIGN.md section 8). */
import { resolve } from 'node:path';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { AnswersFileError, CliError, UsageError } from '../../core/errors.js';
import { quizInfo } from '../../core/quiz.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { gradingLoad, loadQuiz, resolveQuizTarget, usageFolderWithAnswers } from '../../store/quizzes.js';
import { exitCodeOf } from '../exit.js';
import type { Io } from '../io.js';
import type { RunOptions } from '../options.js';
import { checkOutput, writeFailedReport, writeReport } from '../output.js';
import { gradeAnswersFile } from './answers-file.js';

/** `options.answers` is set: grade that file against the quiz, write the report, 0 passed, 1 not. */
export async function runAnswersCommand(quizArg: string | undefined, options: RunOptions & { answers: string }, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (target.kind === 'folder') throw usageFolderWithAnswers(target.shown);
  const interactiveOnly = [options.shuffle !== undefined && '--shuffle', options.seed !== undefined && '--seed', options.limit !== undefined && '--limit', options.resume && '--resume', options.review && '--review', options.plain && '--plain', options.exam && '--exam'].filter(Boolean);
  if (interactiveOnly.length) {
    throw new UsageError(`${interactiveOnly.join(', ')}: only for interactive runs; an answers file is graded over every question, in file order`);
  }
  checkOutput(io, options.output, [
    { path: target.path, what: 'the quiz file' },
    { path: resolve(io.cwd, options.answers), what: 'the answers file' },
  ]);
  const { quiz, warnings } = await loadQuiz(target, gradingLoad(options.dialect));
  for (const warning of warnings) io.stderr.write(`${sanitizeLine(formatDiagnostic(warning))}\n`);
  let report;
  try {
    report = gradeAnswersFile(quiz, options.answers, io, options.passMark);
  } catch (error) {
    if (!(error instanceof AnswersFileError)) throw error;
    // A report for every outcome (issue 17): the machine formats still say what went wrong; exit 2.
    const failure = {
      quiz: quizInfo(quiz),
      passMark: options.passMark ?? quiz.passMark,
      error: { code: error.code, file: error.file, message: error.message, problems: [...error.problems] },
    };
    try {
      writeFailedReport(failure, options.format, options.output, io);
    } catch (writeError) {
      if (!(writeError instanceof CliError)) throw writeError;
      throw new CliError(error.code, error.message, { details: [...error.details, writeError.message] });
    }
    throw error;
  }
  writeReport(report, options.format, options.output, io, { hideAnswers: options.hideAnswers });
  return exitCodeOf(report);
}
