/**
 * The interactive session (docs/DESIGN.md sections 1, 3 and 6): asks each question with an Inquirer prompt,
 * gives feedback after each answer, and returns the responses and the report from `grade()`.
 *
 * Every prompt gets `{input: io.stdin, output: io.stdout, signal}`, so tests drive it with
 * @inquirer/testing and SIGTERM (io.signal) stops it. Keys the session adds to the prompts: `h` hint,
 * `s` skip (the question stays unanswered), `q` quit (as Ctrl+C). Every step advances with Enter alone.
 */
import type { Context } from '@inquirer/type';
import { formatNumber } from '../core/format.js';
import { grade, gradeQuestion } from '../core/grade.js';
import type { Question, Response } from '../core/kinds/index.js';
import { displayOrder } from '../core/plan.js';
import type { Quiz } from '../core/quiz.js';
import type { QuestionResult, Report } from '../core/report.js';
import { sanitize } from '../core/sanitize.js';
import type { Io } from '../cli/io.js';
import type { Style } from '../reporters/style.js';
import { askerOf, type Action, type AskContext, type Step } from './askers/index.js';
import pressEnter from './press-enter.js';
import { promptOutput } from './prompt-output.js';
import { renderHanging, renderMarkdown } from './render-markdown.js';
import { promptTheme, type KeyHelp } from './theme.js';
import { wrapText, type Paint } from './wrap.js';

/** Why a session stopped before its end: `q`, Ctrl+C, or a signal from outside. */
export type StopReason = 'quit' | 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export interface SessionOptions {
  quiz: Quiz;
  /** The quiz file's folder: answer images resolve against it. */
  dir: string;
  /** The questions to ask, in order (see planQuestions); default: every question in file order. */
  questions?: readonly Question[];
  /** Seed of the options', items' and match values' display order. */
  seed: number;
  /** Shuffle single and multiple choice options (items and match values are always shuffled). */
  shuffleOptions: boolean;
  style: Style;
  /** Overrides the quiz's pass mark. */
  passMark?: number;
  /** Responses given before the session starts (a resumed attempt): those questions are not asked again. */
  responses?: ReadonlyMap<string, Response | null>;
  /** Called after each question is answered (`null`: skipped), before the feedback is drawn. */
  onAnswer?: (questionId: string, response: Response | null) => void | Promise<void>;
  /** Columns to draw in; default io.stdout.columns, else 80. */
  width?: number;
}

export interface SessionResult {
  /** By question id; `null` for a skipped question. */
  responses: Map<string, Response | null>;
  /** The questions answered or skipped, in the session's order. */
  done: Question[];
  /** Why the session stopped early, or null when every question was asked. */
  stopped: StopReason | null;
  /** Graded in interactive mode over the session's questions, or over `done` when it stopped early. */
  report: Report;
}

/** Raised inside the session when the learner or a signal stops it. */
class Stop extends Error {
  constructor(readonly reason: StopReason) {
    super(reason);
  }
}

type Abort = { kind: Action } | { kind: 'signal'; reason: StopReason };

interface KeyEvent {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

export async function runSession(io: Io, options: SessionOptions): Promise<SessionResult> {
  const session = new Session(io, options);
  return session.run();
}

class Session {
  private readonly style: Style;
  private readonly width: number;
  private readonly questions: readonly Question[];
  private readonly responses: Map<string, Response | null>;
  private active: { controller: AbortController; keys: ReadonlySet<Action> } | null = null;

  constructor(
    private readonly io: Io,
    private readonly options: SessionOptions,
  ) {
    this.style = options.style;
    this.width = Math.max(20, options.width ?? io.stdout.columns ?? 80);
    this.questions = options.questions ?? options.quiz.questions;
    this.responses = new Map(options.responses ?? []);
  }

  async run(): Promise<SessionResult> {
    const onKey = (_text: unknown, key: KeyEvent | undefined): void => this.onKey(key);
    const onSignal = (): void => this.active?.controller.abort(this.signalAbort());
    this.io.stdin.on('keypress', onKey);
    this.io.signal?.addEventListener('abort', onSignal);
    let stopped: StopReason | null = null;
    try {
      await this.loop();
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      stopped = error.reason;
    } finally {
      this.io.stdin.removeListener('keypress', onKey);
      this.io.signal?.removeEventListener('abort', onSignal);
    }
    const done = this.questions.filter((question) => this.responses.has(question.id));
    const report = grade(this.options.quiz, this.responses, {
      mode: 'interactive',
      questions: stopped ? done : this.questions,
      ...(this.options.passMark === undefined ? {} : { passMark: this.options.passMark }),
    });
    return { responses: this.responses, done, stopped, report };
  }

  private async loop(): Promise<void> {
    const total = this.questions.length;
    for (const [position, question] of this.questions.entries()) {
      if (this.responses.has(question.id)) continue;
      this.drawQuestion(question, position, total);
      const response = await this.askQuestion(question);
      this.responses.set(question.id, response);
      await this.options.onAnswer?.(question.id, response);
      this.drawFeedback(question, response);
      if (position < total - 1) {
        await this.ask((context) => pressEnter({ message: 'Press Enter for the next question', theme: this.theme(['quit']) }, context), ['quit']);
      }
    }
  }

  // ---- prompts ------------------------------------------------------------------------------------

  private onKey(key: KeyEvent | undefined): void {
    const active = this.active;
    if (!active || !key?.name || key.ctrl || key.meta) return;
    const action = ({ h: 'hint', s: 'skip', q: 'quit' } as const)[key.name as 'h' | 's' | 'q'];
    if (action && active.keys.has(action)) active.controller.abort({ kind: action } satisfies Abort);
  }

  private signalReason(): StopReason {
    return this.io.signal?.reason === 'SIGHUP' ? 'SIGHUP' : 'SIGTERM';
  }

  private signalAbort(): Abort {
    return { kind: 'signal', reason: this.signalReason() };
  }

  /** The extra keys' help, in the prompts' own help line. */
  private theme(keys: readonly Action[]) {
    const extra: KeyHelp = keys.map((action) => [action.charAt(0), action]);
    return promptTheme(this.style, extra);
  }

  /**
   * Runs one prompt; `keys` are the session keys it accepts. A hint or skip key ends the prompt with that
   * step; `q`, Ctrl+C and SIGTERM stop the session.
   */
  private async ask<T>(run: (context: Context) => Promise<T>, keys: readonly Action[]): Promise<Step<T>> {
    const controller = new AbortController();
    if (this.io.signal?.aborted) throw new Stop(this.signalReason());
    this.active = { controller, keys: new Set(keys) };
    try {
      const value = await run({ input: this.io.stdin, output: promptOutput(this.io.stdout), signal: controller.signal, clearPromptOnDone: true });
      return { kind: 'value', value };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'ExitPromptError') throw new Stop('SIGINT');
      if (name !== 'AbortPromptError') throw error;
      const reason = controller.signal.reason as Abort;
      if (reason.kind === 'signal') throw new Stop(reason.reason);
      if (reason.kind === 'quit') throw new Stop('quit');
      return { kind: reason.kind };
    } finally {
      this.active = null;
    }
  }

  private hintKeys(question: Question, hintShown: boolean): Action[] {
    return question.hint !== null && !hintShown ? ['hint', 'skip', 'quit'] : ['skip', 'quit'];
  }

  /** Asks until answered or skipped (null); a hint is drawn when asked for and the question asked again. */
  private async askQuestion(question: Question): Promise<Response | null> {
    let hintShown = false;
    const prompt = askerOf(question).start(question);
    const shown = displayOrder(question, this.options.seed, this.options.shuffleOptions);
    for (;;) {
      const step = await prompt(this.context(question, shown, this.hintKeys(question, hintShown)));
      if (step.kind === 'hint') {
        hintShown = true;
        this.print(this.labelled('Hint: ', question.hint ?? '', (text) => this.style.yellow(text)));
        continue;
      }
      if (step.kind === 'skip') return null;
      return step.value;
    }
  }

  /** What an asker is given (askers/asker.ts). */
  private context(question: Question, shown: readonly number[], keys: Action[]): AskContext {
    return {
      style: this.style,
      width: this.width,
      shown,
      keys,
      dir: this.options.dir,
      theme: (accepted) => this.theme(accepted),
      ask: (run, accepted) => this.ask(run, accepted),
      print: (lines) => this.print(lines),
      labelled: (label, markdown, paint) => this.labelled(label, markdown, paint),
      optionLabel: (markdown, indent) => this.optionLabel(markdown, indent),
      pageSize: (count) => Math.max(5, Math.min(count, (this.io.stdout.rows ?? 24) - 4)),
    };
  }

  // ---- drawing ------------------------------------------------------------------------------------

  private print(lines: readonly string[]): void {
    if (lines.length) this.io.stdout.write(`${lines.join('\n')}\n`);
  }

  /** Markdown after a label, wrapped to the width, continuation lines under the text. */
  private labelled(label: string, markdown: string, paint: Paint = (text) => this.style.dim(text)): string[] {
    return renderHanging(markdown, label, { style: this.style, width: this.width }, paint);
  }

  /** An option's text wrapped to the width, continuation lines indented under the first. */
  private optionLabel(markdown: string, indent: number): string {
    const lines = renderMarkdown(markdown, { style: this.style, width: this.width - indent - 2 }).filter((line) => line !== '');
    return lines.join(`\n${' '.repeat(indent)}`);
  }

  private scoreSoFar(): string | null {
    let points = 0;
    let count = 0;
    for (const question of this.questions) {
      if (!this.responses.has(question.id)) continue;
      points += gradeQuestion(question, this.responses.get(question.id) ?? null, 'interactive').points;
      count += 1;
    }
    return count === 0 ? null : `score ${formatNumber(points)}/${count}`;
  }

  private drawQuestion(question: Question, position: number, total: number): void {
    const style = this.style;
    const parts = [`Question ${position + 1} of ${total}`];
    if (question.number !== position + 1) parts[0] += ` (no. ${question.number} in the quiz)`;
    const score = this.scoreSoFar();
    if (score) parts.push(score);
    const head = `── ${parts.join(' · ')} `;
    const rule = '─'.repeat(Math.max(0, Math.min(this.width, 72) - head.length));
    const lines = ['', style.dim(head + rule), ...wrapText(sanitize(question.title), this.width, (text) => style.bold(text))];
    const prompt = renderMarkdown(question.prompt, { style, width: this.width });
    if (prompt.length) lines.push('', ...prompt);
    lines.push('');
    this.print(lines);
  }

  private drawFeedback(question: Question, response: Response | null): void {
    const style = this.style;
    const result = gradeQuestion(question, response, 'interactive');
    const lines: string[] = [verdict(result, question, style)];
    lines.push(...askerOf(question).rightAnswer(question, response, result, { style, labelled: (label, markdown, paint) => this.labelled(label, markdown, paint) }));
    if (result.feedback !== null) lines.push(...this.labelled('Feedback: ', result.feedback, (text) => style.cyan(text)));
    if (question.explanation) lines.push('', ...renderMarkdown(question.explanation, { style, width: this.width }));
    this.print(lines);
  }
}

function verdict(result: QuestionResult, question: Question, style: Style): string {
  switch (result.status) {
    case 'correct':
      return style.green.bold(question.kind === 'self' ? '✔ You knew it: 1 point' : '✔ Correct');
    case 'partial':
      return style.yellow.bold(`◐ Partly right: ${formatNumber(result.points)} of 1 point`);
    case 'incorrect':
      return style.red.bold(question.kind === 'self' ? '✘ Not this time: 0 points' : '✘ Wrong');
    default:
      return style.yellow.bold('↷ Skipped (unanswered)');
  }
}
