/**
 * Where a report goes: stdout, in colour as the terminal allows, or to `--output` without colour,
 * written atomically (the one writer, src/store/files.ts). Shared by `run`, `grade` and the session.
 */
import { resolve } from 'node:path';
import { CliError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { REPORTERS, type ReportFormat } from '../reporters/index.js';
import { colorLevel, type ColorLevel } from '../reporters/style.js';
import { errnoCode, writeFileAtomic } from '../store/files.js';
import type { Io } from './io.js';

/** The colour level of this run's stdout (docs/DESIGN.md section 8). */
export function stdoutColor(io: Io): ColorLevel {
  return colorLevel({ isTTY: io.stdout.isTTY, env: io.env });
}

export function writeOutput(io: Io, output: string | undefined, render: (color: ColorLevel) => string): void {
  if (output === undefined) {
    io.stdout.write(render(stdoutColor(io)));
    return;
  }
  try {
    writeFileAtomic(resolve(io.cwd, output), render(0));
  } catch (error) {
    throw new CliError('output-unwritable', `${output}: cannot write the report there (${errnoCode(error) ?? 'error'}); give a path in a folder that exists and is writable`);
  }
}

/** A run's report in `format`, to `--output` or stdout. */
export function writeReport(report: Report, format: ReportFormat, output: string | undefined, io: Io): void {
  writeOutput(io, output, (color) => REPORTERS[format](report, color, {}));
}
