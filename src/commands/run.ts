/** `mlops-quiz run`: an interactive session, or grading an answers file (DESIGN.md section 8). */
import { resolve } from 'node:path';
import type { ReportFormat, RunOptions } from '../cli.js';
import { CliError, UsageError } from '../errors.js';
import { readTextFile, writeFileAtomic } from '../files.js';
import { AnswersError, readAnswerSheet } from '../grade/answers.js';
import { grade } from '../grade/grade.js';
import { interpretAnswers } from '../grade/interpret.js';
import type { Io } from '../io.js';
import { formatDiagnostic } from '../quiz/diagnostics.js';
import { loadQuiz, resolveQuizTarget, usageFolderWithAnswers } from '../quiz/load.js';
import type { Quiz } from '../quiz/model.js';
import { colorLevel, makeStyle } from '../render/style.js';
import { sanitize } from '../render/sanitize.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../report/report.js';
import { renderText } from '../report/text.js';

export async function runCommand(quizArg: string | undefined, options: RunOptions, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (options.answers !== undefined) {
    if (target.kind === 'folder') throw usageFolderWithAnswers(target.shown);
    const { quiz, warnings } = loadQuiz(target);
    for (const warning of warnings) io.stderr.write(`${sanitize(formatDiagnostic(warning))}\n`);
    const report = gradeAnswersFile(quiz, options.answers, io, options.passMark);
    writeReport(report, options.format, options.output, io);
    return exitCodeOf(report);
  }
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new UsageError('run needs a terminal to ask questions; to grade without prompts, use --answers FILE (see `mlops-quiz template` for a blank answers file)');
  }
  throw new UsageError('interactive sessions are not available in this build; use --answers FILE');
}

/** Reads, validates and grades an answers file; any input error is exit 2 and nothing is graded. */
export function gradeAnswersFile(quiz: Quiz, path: string, io: Io, passMark?: number): Report {
  const text = readTextFile(resolve(io.cwd, path), path, 'answers file');
  try {
    const { sheet, raw, warnings } = readAnswerSheet(text);
    for (const warning of warnings) io.stderr.write(`${sanitize(`${path}: warning: ${warning}`)}\n`);
    const responses = interpretAnswers(quiz, sheet, raw);
    return grade(quiz, responses, { mode: 'answers', ...(passMark === undefined ? {} : { passMark }) });
  } catch (error) {
    if (error instanceof AnswersError) throw new CliError('answers-invalid', `${path}: ${error.path}: ${error.message}`);
    throw error;
  }
}

export function renderReport(report: Report, format: ReportFormat, io: Io, toFile: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'text':
      return renderText(report, makeStyle(toFile ? 0 : colorLevel({ isTTY: io.stdout.isTTY, env: io.env })));
  }
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
