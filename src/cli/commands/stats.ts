/**
 * `mlops-quiz stats [quiz] [--format text|json|csv]`: saved progress (docs/DESIGN.md section 9). With a
 * quiz: that quiz; without one: every quiz with saved progress (the bundled default when there is none).
 */
import { CliError, UsageError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { loadOptions, loadQuiz, resolveQuizTarget } from '../../store/quizzes.js';
import { asked, chronological, type AskedQuestion, type Attempt } from '../../core/progress/attempt.js';
import { questionsFromHistory, quizStats, type QuizStats } from '../../core/progress/stats.js';
import { STATS_REPORTERS } from '../../reporters/index.js';
import { renderStatsCsvRows } from '../../reporters/stats.js';
import type { StatsOptions } from '../options.js';
import { ProgressStore, stateDir } from '../../store/attempts.js';
import { safeJson, sanitize } from '../../core/sanitize.js';

/** The store of this environment, warnings to stderr; null (with a note) when there is no home folder. */
export function openStore(io: Io, now: () => Date = () => new Date()): ProgressStore | null {
  const dir = stateDir(io.env);
  if (dir === null) return null;
  return new ProgressStore(dir, (message) => io.stderr.write(`mlops-quiz: warning: ${message}\n`), now);
}

interface Known {
  quiz: { id: string; title: string };
  questions: AskedQuestion[];
  history: Attempt[];
  /** How to name the quiz on the command line. */
  shown: string;
}

export async function statsCommand(quizArg: string | undefined, options: StatsOptions, io: Io, now: () => Date = () => new Date()): Promise<number> {
  const store = openStore(io, now);
  if (store === null) throw new UsageError('stats needs a folder for saved progress: set HOME or XDG_STATE_HOME to an absolute path');
  const at = now();
  const ids = quizArg === undefined ? store.quizIds() : [];
  const known = quizArg === undefined && ids.length > 0 ? await Promise.all(ids.map((id) => fromHistory(id, store, io))) : [await named(quizArg, store, io)];
  const all = known.map((item): [QuizStats, string] => [quizStats(item.quiz, item.questions, item.history, at), `mlops-quiz run ${item.shown} --review`]);
  if (options.format === 'csv') {
    io.stdout.write(renderStatsCsvRows(all.map(([stats]) => stats)));
  } else if (options.format === 'json') {
    // One quiz named: its statistics; every quiz (plain `stats`): an array of them.
    io.stdout.write(quizArg === undefined && ids.length > 0 ? `${safeJson(all.map(([stats]) => stats))}\n` : STATS_REPORTERS.json(all[0]![0], 0, { reviewCommand: all[0]![1] }));
  } else {
    io.stdout.write(all.map(([stats, reviewCommand]) => STATS_REPORTERS.text(stats, 0, { reviewCommand })).join('\n'));
    const only = all.length === 1 ? all[0]![0] : null;
    const others = only === null ? [] : store.quizIds().filter((id) => id !== only.quiz.id);
    if (only !== null && only.attempts + only.reviews === 0 && others.length > 0) io.stdout.write(sanitize(`Saved progress exists for: ${others.join(', ')} (\`mlops-quiz stats ID\`)\n`));
  }
  return 0;
}

/** The quiz named on the command line (or the bundled default), or a quiz id with saved progress. */
async function named(quizArg: string | undefined, store: ProgressStore, io: Io): Promise<Known> {
  try {
    const target = resolveQuizTarget(quizArg, io.cwd);
    if (target.kind === 'folder') throw new UsageError(`${target.shown}: is a folder; stats are per quiz, so give one quiz's Markdown file, name or id`);
    const loaded = (await loadQuiz(target, loadOptions(io.env, undefined))).quiz;
    return { quiz: { id: loaded.id, title: loaded.title }, questions: loaded.questions.map(asked), history: store.load(loaded.id), shown: target.shown };
  } catch (error) {
    // Not a file nor a bundled quiz: maybe the id of a quiz with saved progress (`stats docker`).
    if (!(error instanceof CliError) || error.code !== 'file-not-found' || quizArg === undefined) throw error;
    const history = store.load(quizArg);
    const known = questionsFromHistory(history, quizArg);
    if (known === null) {
      const ids = store.quizIds();
      throw new CliError('file-not-found', `${error.message}; nor is it the id of a quiz with saved progress${ids.length ? ` (saved progress: ${ids.join(', ')})` : ''}`);
    }
    return { ...known, history, shown: sourceOf(history) ?? quizArg };
  }
}

/** A quiz with saved progress: as its file has it now when the file is still where it was, else as saved. */
async function fromHistory(id: string, store: ProgressStore, io: Io): Promise<Known> {
  const history = store.load(id);
  const source = sourceOf(history);
  if (source !== null) {
    try {
      const target = resolveQuizTarget(source, io.cwd);
      if (target.kind === 'file') {
        const loaded = (await loadQuiz(target, loadOptions(io.env, undefined))).quiz;
        if (loaded.id === id) return { quiz: { id, title: loaded.title }, questions: loaded.questions.map(asked), history, shown: target.shown };
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
    }
  }
  const known = questionsFromHistory(history, id) ?? { quiz: { id, title: id }, questions: [] };
  return { ...known, history, shown: source ?? id };
}

/** The quiz's source (path as given, or bundled name) in its latest attempt. */
function sourceOf(history: readonly Attempt[]): string | null {
  return chronological(history).at(-1)?.quiz.source ?? null;
}

