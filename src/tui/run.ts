/**
 * `mlops-quiz run [quiz]` without --answers: plan the session (shuffle, seed, limit), take it, then
 * summarise and write the report (--format, --output). Exit 0 passed, 1 below the pass mark, 130 after
 * Ctrl+C or `q`, 143 after SIGTERM (129 SIGHUP), what was answered summarised first.
 */
import { randomInt } from 'node:crypto';
import { formatDiagnostic } from '../core/diagnostics.js';
import { planQuestions } from '../core/plan.js';
import { MAX_SEED } from '../core/random.js';
import { sanitize, sanitizeLine } from '../core/sanitize.js';
import { exitCodeOf } from '../cli/exit.js';
import type { Io } from '../cli/io.js';
import type { RunOptions } from '../cli/options.js';
import { checkOutput, stdoutColor, writeReport } from '../cli/output.js';
import { REPORTERS } from '../reporters/index.js';
import { makeStyle, type Style } from '../reporters/style.js';
import { loadOptions, loadQuiz, type QuizTarget } from '../store/quizzes.js';
import { chooseQuiz, folderQuizzes, type FolderQuiz } from './menu.js';
import { startProgress } from './progress.js';
import { promptOutput } from './prompt-output.js';
import { runSession, type StopReason } from './session.js';
import { renderSummary } from './summary.js';
import { measure, wrapText, type Paint } from './wrap.js';

const STOP_EXIT: Record<StopReason, 130 | 143 | 129> = { quit: 130, SIGINT: 130, EOF: 130, SIGTERM: 143, SIGHUP: 129 };
const STOP_TEXT: Record<StopReason, string> = { quit: 'you quit', SIGINT: 'Ctrl+C', EOF: 'Ctrl+D', SIGTERM: 'SIGTERM', SIGHUP: 'the terminal closed' };

export async function runInteractive(target: QuizTarget, options: RunOptions, io: Io): Promise<number> {
  const style = makeStyle(stdoutColor(io));
  const width = measure(io.stdout.columns ?? 80);
  const lines = (text: string, paint?: Paint): string => `${wrapText(text, width, paint).join('\n')}\n`;
  let file: Extract<QuizTarget, { kind: 'file' }>;
  if (target.kind === 'folder') {
    const chosen = await menu(await folderQuizzes(target.path, target.shown, loadOptions(io.env, options.cache, options.dialect)), style, io);
    if (typeof chosen === 'number') return chosen;
    file = { kind: 'file', path: chosen.path, shown: chosen.shown };
  } else {
    file = target;
  }

  checkOutput(io, options.output, [{ path: file.path, what: 'the quiz file' }]);
  const { quiz, warnings, dir } = await loadQuiz(file, loadOptions(io.env, options.cache, options.dialect));
  for (const warning of warnings) io.stderr.write(`${sanitizeLine(formatDiagnostic(warning))}\n`);
  const shuffle = options.shuffle ?? (options.seed !== undefined || quiz.shuffle);
  const planSeed = options.seed ?? randomInt(0, MAX_SEED);
  const planned = planQuestions(quiz, { shuffle, seed: planSeed, ...(options.limit === undefined ? {} : { limit: options.limit }) });
  // Saved progress (docs/DESIGN.md section 9): "Last time", --resume, --review; saved after every answer.
  const progress = startProgress(quiz, io, {
    planned,
    shown: file.shown,
    resume: options.resume === true,
    review: options.review === true,
    save: options.history !== false,
    seed: planSeed,
    shuffleOptions: shuffle,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  if (progress.kind === 'nothing-due') {
    io.stdout.write(`${lines(sanitize(quiz.title), style.bold)}${progress.notes.map((note) => lines(sanitize(note))).join('')}`);
    return 0;
  }
  const { questions, seed } = progress;
  // Line by line, no cursor movement: --plain, or a terminal that cannot move the cursor (TERM=dumb).
  const plain = options.plain === true || io.env.TERM === 'dumb';
  io.stdout.write(intro(quiz.title, questions.length, options.passMark ?? quiz.passMark, progress.shuffleOptions ? seed : null, style, plain, options.exam === true).map(([text, paint]) => lines(text, paint)).join(''));
  for (const note of progress.notes) io.stdout.write(lines(sanitize(note)));

  const result = await runSession(io, {
    quiz,
    dir,
    questions,
    seed,
    shuffleOptions: progress.shuffleOptions,
    style,
    ...(options.passMark === undefined ? {} : { passMark: options.passMark }),
    responses: progress.responses,
    onAnswer: progress.onAnswer,
    plain,
    exam: options.exam === true,
  });
  const saved = progress.end(result.stopped !== null);

  const { report, stopped } = result;
  io.stdout.write('\n');
  if (stopped) {
    const reached = result.done.length;
    io.stdout.write(lines(`Stopped (${STOP_TEXT[stopped]}) after ${reached} of ${questions.length} question${questions.length === 1 ? '' : 's'}; the summary counts those only.`, style.yellow));
    if (saved) io.stdout.write(lines(sanitize(saved)));
  }
  // The learner always sees the summary (an unfinished attempt is not judged); --format and --output
  // choose the report written as well.
  const summary = (): string =>
    `${renderSummary(report, { style, width, unfinished: stopped !== null, total: questions.length, seconds: new Map([...progress.seconds, ...result.seconds]) }).join('\n')}\n`;
  if (options.output !== undefined) {
    io.stdout.write(summary());
    writeReport(report, options.format, options.output, io, { hideAnswers: options.hideAnswers });
    io.stdout.write(style.dim(lines(`Report written to ${sanitize(options.output)}`)));
  } else if (options.format === 'text') {
    io.stdout.write(summary());
  } else {
    io.stdout.write(REPORTERS[options.format](report, stdoutColor(io), { hideAnswers: options.hideAnswers }));
  }
  return stopped ? STOP_EXIT[stopped] : exitCodeOf(report);
}

/** The folder menu; `q`, Ctrl+C and signals end it with their exit code. */
async function menu(quizzes: FolderQuiz[], style: Style, io: Io): Promise<FolderQuiz | number> {
  const controller = new AbortController();
  const onKey = (_text: unknown, key?: { name?: string; ctrl?: boolean; meta?: boolean }): void => {
    if (key?.name === 'q' && !key.ctrl && !key.meta) controller.abort('quit');
  };
  const onSignal = (): void => controller.abort(io.signal?.reason);
  io.stdin.on('keypress', onKey);
  io.signal?.addEventListener('abort', onSignal);
  if (io.signal?.aborted) onSignal();
  try {
    return await chooseQuiz(quizzes, style, { input: io.stdin, output: promptOutput(io.stdout), signal: controller.signal });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ExitPromptError') return 130;
    if (name !== 'AbortPromptError') throw error;
    const reason = controller.signal.reason as unknown;
    return reason === 'SIGHUP' ? 129 : reason === 'quit' ? 130 : 143;
  } finally {
    io.stdin.removeListener('keypress', onKey);
    io.signal?.removeEventListener('abort', onSignal);
  }
}

function intro(title: string, count: number, passMark: number, seed: number | null, style: Style, plain: boolean, exam: boolean): [string, Paint][] {
  const parts = [`${count} question${count === 1 ? '' : 's'}`, `pass mark ${passMark}%`];
  if (seed !== null) parts.push(`shuffled with --seed ${seed}`);
  return [
    [sanitize(title), style.bold],
    [parts.join(' · '), style.dim],
    ...(exam ? [['Exam: no feedback until you finish; p previous · n next (PgUp/PgDn while typing); change any answer before you finish', style.dim] as [string, Paint]] : []),
    [
      plain
        ? 'Line by line: type the option numbers (or your answer) and Enter; h hint, s skip, q quit (:hint, :skip, :quit at a typed answer), or Ctrl+C'
        : 'Keys: ↑↓ move · Enter answer · h hint · s skip · q quit (or Ctrl+C)',
      style.dim,
    ],
  ];
}
