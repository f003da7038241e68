/**
 * `mlops-quiz export QUIZ --to gift|moodle-xml|qti [--output FILE]` (issue 17): a quiz for the LMS where
 * the class lives. Each question the target can hold is written; each it cannot is left out with a
 * warning on stderr naming it. The exporters (src/exporters/) are loaded only here.
 */
import { CliError, UsageError } from '../../core/errors.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { sanitize, sanitizeLine } from '../../core/sanitize.js';
import { EXPORTERS, type ExportFormat } from '../../exporters/index.js';
import { loadOptions, loadQuiz, resolveQuizTarget } from '../../store/quizzes.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output.js';

export interface ExportOptions {
  to: ExportFormat;
  output?: string;
  /** false with `--no-cache`. */
  cache?: boolean;
}

export async function exportCommand(quizArg: string, options: ExportOptions, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (target.kind === 'folder') throw new UsageError(`${target.shown}: is a folder; export writes one quiz, so give the quiz's Markdown file`);
  const exporter = EXPORTERS[options.to];
  if (options.output === undefined && exporter.extension === '.zip' && io.stdout.isTTY) {
    throw new UsageError(`--to ${options.to} writes a .zip package: give --output FILE${exporter.extension}, or send stdout to a file`);
  }
  const { quiz, warnings } = await loadQuiz(target, loadOptions(io.env, options.cache));
  for (const warning of warnings) io.stderr.write(`${sanitize(formatDiagnostic(warning))}\n`);

  const { data, count, skipped } = exporter.exportQuiz(quiz);
  for (const question of skipped) {
    io.stderr.write(`${sanitizeLine(`mlops-quiz: warning: question ${question.number} "${question.title}" (${question.id}) is left out of the ${options.to} export: ${question.reason}`)}\n`);
  }
  if (count === 0) {
    throw new CliError('usage', `${target.shown}: no question of this quiz can be exported to ${options.to}; nothing was written`);
  }
  writeOutput(io, options.output, () => data);
  if (options.output !== undefined) {
    io.stderr.write(`${sanitizeLine(`mlops-quiz: ${count} of ${quiz.questions.length} questions written to ${options.output} (${exporter.description})`)}\n`);
  }
  return 0;
}
