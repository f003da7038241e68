/** `mlops-quiz stats [quiz] [--format text|json|csv]`: saved progress of one quiz (docs/DESIGN.md section 9). */
import { CliError, UsageError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { loadOptions, loadQuiz, resolveQuizTarget } from '../../store/quizzes.js';
import { asked, type AskedQuestion, type Attempt } from '../../core/progress/attempt.js';
import { questionsFromHistory, quizStats } from '../../core/progress/stats.js';
import { STATS_REPORTERS } from '../../reporters/index.js';
import type { StatsOptions } from '../options.js';
import { ProgressStore, stateDir } from '../../store/attempts.js';
import { sanitize } from '../../core/sanitize.js';

/** The store of this environment, warnings to stderr; null (with a note) when there is no home folder. */
export function openStore(io: Io, now: () => Date = () => new Date()): ProgressStore | null {
  const dir = stateDir(io.env);
  if (dir === null) return null;
  return new ProgressStore(dir, (message) => io.stderr.write(`mlops-quiz: warning: ${message}\n`), now);
}

export async function statsCommand(quizArg: string | undefined, options: StatsOptions, io: Io, now: () => Date = () => new Date()): Promise<number> {
  const store = openStore(io, now);
  if (store === null) throw new UsageError('stats needs a folder for saved progress: set HOME or XDG_STATE_HOME to an absolute path');
  let quiz: { id: string; title: string };
  let questions: AskedQuestion[];
  let history: Attempt[] | undefined;
  let shown = quizArg;
  try {
    const target = resolveQuizTarget(quizArg, io.cwd);
    if (target.kind === 'folder') throw new UsageError(`${target.shown}: is a folder; stats are per quiz, so give one quiz's Markdown file, name or id`);
    const loaded = (await loadQuiz(target, loadOptions(io.env, undefined))).quiz;
    quiz = { id: loaded.id, title: loaded.title };
    questions = loaded.questions.map(asked);
    shown = target.shown;
  } catch (error) {
    // Not a file nor a bundled quiz: maybe the id of a quiz with saved progress (`stats docker`).
    if (!(error instanceof CliError) || error.code !== 'file-not-found' || quizArg === undefined) throw error;
    history = store.load(quizArg);
    const known = questionsFromHistory(history, quizArg);
    if (known === null) {
      const ids = store.quizIds();
      throw new CliError('file-not-found', `${error.message}; nor is it the id of a quiz with saved progress${ids.length ? ` (saved progress: ${ids.join(', ')})` : ''}`);
    }
    ({ quiz, questions } = known);
  }
  const stats = quizStats(quiz, questions, history ?? store.load(quiz.id), now());
  const reviewCommand = `mlops-quiz run ${shown === undefined ? '' : `${shown} `}--review`;
  io.stdout.write(STATS_REPORTERS[options.format](stats, 0, { reviewCommand }));
  if (options.format === 'text') {
    const others = store.quizIds().filter((id) => id !== quiz.id);
    if (stats.attempts === 0 && others.length > 0) io.stdout.write(sanitize(`Saved progress exists for: ${others.join(', ')} (\`mlops-quiz stats ID\`)\n`));
  }
  return 0;
}
