/**
 * `mlops-quiz convert FILE [--dialect NAME] [--output FILE]` (docs/DESIGN.md section 12): a quiz in any
 * known format written as native Markdown that reads back to the same questions. Warnings of the read
 * (questions left out) go to stderr; a quiz that cannot be read is refused as `run` refuses it.
 */
import { resolve } from 'node:path';
import { CliError, UsageError } from '../../core/errors.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { sanitize } from '../../core/sanitize.js';
import { writeMarkdown } from '../../dialects/markdown/write.js';
import { errnoCode, writeFileAtomic } from '../../store/files.js';
import { loadOptions, loadQuiz, resolveQuizTarget } from '../../store/quizzes.js';
import type { Io } from '../io.js';

export async function convertCommand(file: string, options: { dialect?: string; output?: string }, io: Io): Promise<number> {
  const target = resolveQuizTarget(file, io.cwd);
  if (target.kind === 'folder') throw new UsageError(`${target.shown}: is a folder; convert writes one quiz, so give the quiz's file`);
  const { quiz, warnings } = await loadQuiz(target, loadOptions(io.env, undefined, options.dialect));
  for (const warning of warnings) io.stderr.write(`${sanitize(formatDiagnostic(warning))}\n`);
  const markdown = writeMarkdown(quiz);
  if (options.output === undefined) {
    io.stdout.write(markdown);
    return 0;
  }
  try {
    writeFileAtomic(resolve(io.cwd, options.output), markdown);
  } catch (error) {
    throw new CliError('output-unwritable', `${options.output}: cannot write the Markdown there (${errnoCode(error) ?? 'error'}); give a path in a folder that exists and is writable`);
  }
  return 0;
}
