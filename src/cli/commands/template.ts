/**
 * `mlops-quiz template [quiz]`: a blank answers file for a quiz (docs/DESIGN.md section 5): every gradable
 * question's id with `null`, the quiz id, and `$schema` pointing at the schema the package ships.
 */
import { UsageError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { loadOptions, loadQuiz, resolveQuizTarget } from '../../store/quizzes.js';
import type { Quiz } from '../../core/quiz.js';
import { isGradable } from '../../core/kinds/index.js';
import { safeJson, sanitizeLine } from '../../core/sanitize.js';
import { SCHEMA_URL } from './schema.js';

export function answersTemplate(quiz: Quiz): { $schema: string; quiz: string; answers: Record<string, null> } {
  // fromEntries defines own properties, so even an id such as `__proto__` stays a plain key.
  const answers: Record<string, null> = Object.fromEntries(quiz.questions.filter(isGradable).map((question) => [question.id, null]));
  return { $schema: SCHEMA_URL, quiz: quiz.id, answers };
}

export async function templateCommand(quizArg: string | undefined, io: Io, options: { dialect?: string } = {}): Promise<number> {
  const target = resolveQuizTarget(quizArg, io.cwd);
  if (target.kind === 'folder') {
    throw new UsageError(`${target.shown}: is a folder; template writes the answers file of one quiz, so give the quiz's Markdown file`);
  }
  const { quiz, warnings } = await loadQuiz(target, loadOptions(io.env, undefined, options.dialect));
  for (const warning of warnings) io.stderr.write(`${sanitizeLine(formatDiagnostic(warning))}\n`);
  io.stdout.write(`${safeJson(answersTemplate(quiz))}\n`);
  return 0;
}
