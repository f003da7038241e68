/**
 * `mlops-quiz run` without commander (docs/SPEED.md): main() sends a plain `run` command line here (see
 * `fastRun` in cli.ts). In the bundle, a code-cached script (dist/fast/run.cjs, src/scripts.ts) that
 * grades an answers file by itself; the interactive session is a script of its own. Errors end as in
 * commander's path: one line, by exitCodeFor.
 */
import type { Io } from './io.js';
import type { RunOptions } from './options.js';
import { runCommand } from './commands/run.js';
import { exitCodeFor } from './exit.js';

export async function runFast(quiz: string | undefined, options: RunOptions, io: Io): Promise<number> {
  try {
    return await runCommand(quiz, options, io);
  } catch (error) {
    return exitCodeFor(error, io);
  }
}
