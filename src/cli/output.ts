/**
 * Where a report goes: stdout, in colour as the terminal allows, or to `--output` without colour,
 * written atomically (the one writer, src/store/files.ts). Shared by `run`, `grade` and the session.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from '../core/errors.js';
import type { FailedReport, Report } from '../core/report.js';
import { FAILURE_REPORTERS, REPORTERS, type ReportFormat } from '../reporters/index.js';
import type { RunReportOptions } from '../reporters/machine.js';
import { colorLevel, type ColorLevel } from '../reporters/style.js';
import { errnoCode, writeFileAtomic } from '../store/files.js';
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
    throw new CliError('output-unwritable', `${output}: cannot write the report there (${errnoCode(error) ?? 'error'}); give a path in a folder that can be made and written`);
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
