/**
 * The one place where errors become exit codes and one-line messages (DESIGN.md section 8). Apart from
 * cli.ts so that `--version` loads neither it nor the error classes (docs/SPEED.md).
 */
import type { CommanderError } from 'commander';
import { CliError, InterruptedError } from './errors.js';
import type { Io } from './io.js';
import { sanitizeLine } from './render/sanitize.js';

export function exitCodeFor(error: unknown, io: Io): number {
  if (isCommanderError(error)) {
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

/** commander is loaded lazily, so its errors are known by their `commander.*` code, not their class. */
function isCommanderError(error: unknown): error is CommanderError {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}
