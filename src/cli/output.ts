/**
 * Where a report goes: stdout, in colour as the terminal allows, or to `--output` without colour,
 * written atomically (the one writer, src/store/files.ts). Shared by `run`, `grade` and the session.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from '../core/errors.js';
import type { FailedReport, Report } from '../core/report.js';
import { FAILURE_REPORTERS, REPORTERS, type ReportFormat } from '../reporters/index.js';
import type { RunReportOptions } from '../reporters/machine.js';
import { colorLevel, type ColorLevel } from '../reporters/style.js';
import { errnoCode, NotRegularFileError, writeFileAtomic, writeTarget } from '../store/files.js';
import type { Io } from './io.js';

/** The colour level of this run's stdout (docs/DESIGN.md section 8). */
export function stdoutColor(io: Io): ColorLevel {
  return colorLevel({ isTTY: io.stdout.isTTY, env: io.env });
}

export function writeOutput(io: Io, output: string | undefined, render: (color: ColorLevel) => string | Uint8Array): void {
  if (output === undefined) {
    io.stdout.write(render(stdoutColor(io)));
    return;
  }
  try {
    const path = resolve(io.cwd, output);
    // `--output reports/quiz.xml` makes `reports/` when it is missing (issue 17).
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      // A file where a folder should be: the write below fails and says why (ENOTDIR).
    }
    writeFileAtomic(path, render(0));
  } catch (error) {
    throw outputError(output, error);
  }
}

function outputError(output: string, error: unknown): CliError {
  if (error instanceof NotRegularFileError) return new CliError('output-unwritable', `${output}: ${error.message}; --output writes a regular file or a new name, so give a file path`);
  if (errnoCode(error) === 'EISDIR') return new CliError('output-unwritable', `${output}: is a folder; --output writes a regular file or a new name, so give a file path`);
  return new CliError('output-unwritable', `${output}: cannot write the report there (${errnoCode(error) ?? 'error'}); give a path in a folder that can be made and written`);
}

/** A path's file identity, or null when there is nothing there. */
function identity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * Refuses an `--output` that would damage what the command did not make, before any work is done:
 * anything but a regular file or a new name (the writer's rule, files.ts `writeTarget`), and a file
 * that is one of the command's inputs (the quiz, an answers file), however it is reached (another
 * spelling, a link, a hard link). `inputs` are absolute paths; each is named by `what`.
 */
export function checkOutput(io: Io, output: string | undefined, inputs: readonly { path: string; what: string }[]): void {
  if (output === undefined) return;
  let target: string;
  try {
    const found = writeTarget(resolve(io.cwd, output));
    if (found.stat === null) return;
    target = identity(found.path) ?? '';
  } catch (error) {
    throw outputError(output, error);
  }
  for (const input of inputs) {
    if (identity(input.path) === target) {
      throw new CliError('output-unwritable', `${output}: is ${input.what} of this command; the report would replace it, so give another path for --output`);
    }
  }
}

/** A run's report in `format`, to `--output` or stdout. */
export function writeReport(report: Report, format: ReportFormat, output: string | undefined, io: Io, options: RunReportOptions = {}): void {
  writeOutput(io, output, (color) => REPORTERS[format](report, color, options));
}

/**
 * The report of an answers file that could not be graded, in `format`, to `--output` or stdout (issue
 * 17); nothing for text, whose one line goes to stderr.
 */
export function writeFailedReport(failure: FailedReport, format: ReportFormat, output: string | undefined, io: Io): void {
  const text = FAILURE_REPORTERS[format](failure);
  if (text !== null) writeOutput(io, output, () => text);
}
