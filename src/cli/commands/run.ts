/** `mlops-quiz run`: an interactive session, or grading an answers file (docs/DESIGN.md section 8). */
import { UsageError } from '../../core/errors.js';
import { resolveQuizTarget } from '../../store/quizzes.js';
import type { Io } from '../io.js';
import type { RunOptions } from '../options.js';
import { runAnswersCommand } from './run-answers.js';

export async function runCommand(quizArg: string | undefined, options: RunOptions, io: Io): Promise<number> {
  if (options.answers !== undefined) return runAnswersCommand(quizArg, { ...options, answers: options.answers }, io);
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new UsageError('run needs a terminal to ask questions; to grade without prompts, use --answers FILE (see `mlops-quiz template` for a blank answers file)');
  }
  // The session (Inquirer, the Markdown renderer) is loaded only here.
  const { runInteractive } = await import('../../tui/run.js');
  return runInteractive(target, options, io);
}
