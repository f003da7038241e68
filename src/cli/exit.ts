/** The one place where errors become exit codes and one-line messages (docs/DESIGN.md section 8). */
import { CommanderError } from 'commander';
import { CliError, InterruptedError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import type { Io } from './io.js';
import { sanitizeLine } from '../core/sanitize.js';

export function exitCodeFor(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    return 2;
  }
  if (error instanceof CliError) {
    io.stderr.write(`mlops-quiz: ${sanitizeLine(error.message)}\n`);
    for (const line of error.details) io.stderr.write(`  ${sanitizeLine(line)}\n`);
    return error.exitCode;
  }
  if (error instanceof InterruptedError) return error.exitCode;
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`mlops-quiz: internal error: ${sanitizeLine(message.split('\n')[0] ?? '')} (please report it)\n`);
  return 70;
}


/** A graded report's exit code: 0 passed (or nothing gradable), 1 below the pass mark. */
export function exitCodeOf(report: Report): number {
  return report.passed === false ? 1 : 0;
}
