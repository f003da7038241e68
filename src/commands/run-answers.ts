/**
 * `mlops-quiz run [quiz] --answers FILE`: grading one answers file (DESIGN.md section 8), and the
 * report writing that the interactive session shares. Apart from run.ts so that the fast path
 * (src/run-answers.ts, bundled on its own: docs/SPEED.md) loads neither commander nor the session.
 */
import type { ReportFormat, RunOptions } from '../options.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { formatDiagnostic } from '../quiz/diagnostics.js';
import { loadOptions, loadQuiz, resolveQuizTarget, usageFolderWithAnswers } from '../quiz/load.js';
import { colorLevel } from '../render/style.js';
import { sanitizeLine } from '../render/sanitize.js';
import { renderReportAs } from '../report/index.js';
import type { Report } from '../report/report.js';
import { gradeAnswersFile } from './answers-file.js';
import { writeOutput } from './output.js';

/** `options.answers` is set: grade that file against the quiz, write the report, 0 passed, 1 not. */
export async function runAnswersCommand(quizArg: string | undefined, options: RunOptions & { answers: string }, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (target.kind === 'folder') throw usageFolderWithAnswers(target.shown);
  const interactiveOnly = [options.shuffle !== undefined && '--shuffle', options.seed !== undefined && '--seed', options.limit !== undefined && '--limit', options.resume && '--resume', options.review && '--review'].filter(Boolean);
  if (interactiveOnly.length) {
    throw new UsageError(`${interactiveOnly.join(', ')}: only for interactive runs; an answers file is graded over every question, in file order`);
  }
  const { quiz, warnings } = await loadQuiz(target, loadOptions(io.env, options.cache));
  for (const warning of warnings) io.stderr.write(`${sanitizeLine(formatDiagnostic(warning))}\n`);
  const report = gradeAnswersFile(quiz, options.answers, io, options.passMark);
  writeReport(report, options.format, options.output, io);
  return exitCodeOf(report);
}

export function renderReport(report: Report, format: ReportFormat, io: Io, toFile: boolean): string {
  return renderReportAs(report, format, toFile ? 0 : colorLevel({ isTTY: io.stdout.isTTY, env: io.env }));
}

export function writeReport(report: Report, format: ReportFormat, output: string | undefined, io: Io): void {
  writeOutput(io, output, (color) => renderReportAs(report, format, color));
}

/** 0 passed (or nothing gradable), 1 below the pass mark. */
export function exitCodeOf(report: Report): number {
  return report.passed === false ? 1 : 0;
}
