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


/** The exit code after a signal (docs/DESIGN.md section 8): 128 + its number. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** A write to stdout or stderr failed (ENOSPC, EIO, EACCES; EPIPE is a reader that left): the exit code. */
export const STREAM_FAILED_EXIT = 2;

/**
 * What bin/mlops-quiz.js does when stdout or stderr fails: the one line to write to stderr (null: say
 * nothing) and the exit code. A reader that went away (EPIPE on stdout) is no error of ours: the exit
 * code the command already had. A stream that fails after the terminal closed ends as SIGHUP does.
 */
export function streamFailure(stream: 'stdout' | 'stderr', code: string | undefined, current: number | undefined, hungUp: boolean): { line: string | null; exitCode: number } {
  if (hungUp) return { line: null, exitCode: SIGNAL_EXIT.SIGHUP };
  if (stream === 'stdout' && code === 'EPIPE') return { line: null, exitCode: current ?? 0 };
  if (stream === 'stderr') return { line: null, exitCode: STREAM_FAILED_EXIT };
  return { line: `mlops-quiz: cannot write to stdout (${code ?? 'error'}); the output is incomplete\n`, exitCode: STREAM_FAILED_EXIT };
}

/** A graded report's exit code: 0 passed (or nothing gradable), 1 below the pass mark. */
export function exitCodeOf(report: Report): number {
  return report.passed === false ? 1 : 0;
}
