/** `mlops-quiz run`: an interactive session, or grading an answers file (DESIGN.md section 8). */
import type { RunOptions } from '../options.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { resolveQuizTarget } from '../quiz/load.js';
import { runAnswersCommand } from './run-answers.js';

export { exitCodeOf, renderReport, writeReport } from './run-answers.js';

export async function runCommand(quizArg: string | undefined, options: RunOptions, io: Io): Promise<number> {
  if (options.answers !== undefined) return runAnswersCommand(quizArg, { ...options, answers: options.answers }, io);
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new UsageError('run needs a terminal to ask questions; to grade without prompts, use --answers FILE (see `mlops-quiz template` for a blank answers file)');
  }
  // The bundle runs the session from its code-cached script (src/scripts.ts, docs/SPEED.md).
  if (!__MQ_CODE_CACHE__) return (await import('../session/run-interactive.js')).runInteractive(target, options, io);
  const { loadScript } = await import('../scripts.js');
  return loadScript('session').runInteractive(target, options, io);
}
