/**
 * The fast path of `mlops-quiz run [quiz] --answers FILE` (docs/SPEED.md): main() sends a plain
 * command line here (see `fastRunAnswers` in cli.ts) instead of loading commander. Built as an entry of
 * its own (scripts/build.mjs): one module holding what grading an answers file needs, rather than the
 * dozen chunks that code splitting shares between commands. Errors end as in main(): exit.ts (small,
 * and loaded with the rest rather than as one more file).
 */
import type { Io } from './io.js';
import type { RunOptions } from './cli.js';
import { runAnswersCommand } from './commands/run-answers.js';
import { exitCodeFor } from './exit.js';

export async function runAnswers(quiz: string | undefined, options: RunOptions & { answers: string }, io: Io): Promise<number> {
  try {
    return await runAnswersCommand(quiz, options, io);
  } catch (error) {
    return exitCodeFor(error, io);
  }
}
