/**
 * `mlops-quiz preview QUIZ [QUESTION] [--width N]` (docs/FORMAT.md): one question, or every question,
 * as the learner will see it, with its hint, right answer and explanation, wrapped to the terminal (or
 * `--width`). No prompt and no prompt library: it writes to a pipe as well as to a terminal.
 */
import { formatDiagnostic } from '../../core/diagnostics.js';
import { UsageError } from '../../core/errors.js';
import type { Quiz } from '../../core/quiz.js';
import { sanitize } from '../../core/sanitize.js';
import { colorLevel, makeStyle } from '../../reporters/style.js';
import { loadOptions, loadQuiz, resolveQuizTarget } from '../../store/quizzes.js';
import { loadDisplay } from '../../tui/display-markdown.js';
import { previewLines } from '../../tui/preview.js';
import type { Io } from '../io.js';

/** The question a QUESTION argument names: its id, else its number. */
function pick(quiz: Quiz, arg: string, shown: string): number {
  const byId = quiz.questions.findIndex((question) => question.id === arg);
  if (byId >= 0) return byId;
  if (/^\d+$/.test(arg) && Number(arg) >= 1 && Number(arg) <= quiz.questions.length) return Number(arg) - 1;
  throw new UsageError(`${shown}: no question "${arg}"; give a question's id (as \`mlops-quiz template\` lists them) or its number, 1 to ${quiz.questions.length}`);
}

export async function previewCommand(quizArg: string, questionArg: string | undefined, options: { width?: number; cache?: boolean }, io: Io): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (target.kind === 'folder') throw new UsageError(`${target.shown}: is a folder; preview shows one quiz, so give the quiz's Markdown file`);
  const { quiz, warnings, dir } = await loadQuiz(target, loadOptions(io.env, options.cache), { images: true });
  await loadDisplay();
  for (const warning of warnings) io.stderr.write(`${sanitize(formatDiagnostic(warning))}\n`);
  const style = makeStyle(colorLevel({ isTTY: io.stdout.isTTY, env: io.env }));
  const width = Math.max(20, options.width ?? io.stdout.columns ?? 80);
  const indices = questionArg === undefined ? quiz.questions.map((_, index) => index) : [pick(quiz, questionArg, target.shown)];
  const blocks = indices.map((index) => previewLines(quiz.questions[index]!, index, { style, width, dir, total: quiz.questions.length }).join('\n'));
  io.stdout.write(`${blocks.join('\n\n')}\n`);
  return 0;
}
