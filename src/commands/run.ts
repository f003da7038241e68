/** `mlops-quiz run`: an interactive session, or grading an answers file (DESIGN.md section 8). */
import { resolve } from 'node:path';
import type { ReportFormat, RunOptions } from '../cli.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import type { Io } from '../io.js';
import { formatDiagnostic } from '../quiz/diagnostics.js';
import { loadOptions, loadQuiz, resolveQuizTarget, usageFolderWithAnswers } from '../quiz/load.js';
import { colorLevel } from '../render/style.js';
import { sanitizeLine } from '../render/sanitize.js';
import { renderReportAs } from '../report/index.js';
import type { Report } from '../report/report.js';
import { gradeAnswersFile } from './answers-file.js';

export async function runCommand(quizArg: string | undefined, options: RunOptions, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (options.answers !== undefined) {
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
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new UsageError('run needs a terminal to ask questions; to grade without prompts, use --answers FILE (see `mlops-quiz template` for a blank answers file)');
  }
  const { runInteractive } = await import('../session/run-interactive.js');
  return runInteractive(target, options, io);
}

export function renderReport(report: Report, format: ReportFormat, io: Io, toFile: boolean): string {
  return renderReportAs(report, format, toFile ? 0 : colorLevel({ isTTY: io.stdout.isTTY, env: io.env }));
}

export function writeReport(report: Report, format: ReportFormat, output: string | undefined, io: Io): void {
  const text = renderReport(report, format, io, output !== undefined);
  if (output === undefined) io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, output), text, output);
}

/** 0 passed (or nothing gradable), 1 below the pass mark. */
export function exitCodeOf(report: Report): number {
  return report.passed === false ? 1 : 0;
}
