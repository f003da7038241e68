/**
 * The interactive session (docs/DESIGN.md sections 1, 3 and 6): asks each question with an Inquirer prompt,
 * gives feedback after each answer, and returns the responses and the report from `grade()`.
 *
 * Every prompt gets `{input: io.stdin, output: io.stdout, signal}`, so tests drive it with
 * @inquirer/testing and SIGTERM (io.signal) stops it. Keys the session adds to the prompts: `h` hint,
 * `s` skip (the question stays unanswered), `q` quit (as Ctrl+C). Every step advances with Enter alone.
 */
import type { Context } from '@inquirer/type';
import { formatGiven, formatNumber } from '../core/format.js';
import select from '@inquirer/select';
import { grade, gradeQuestion } from '../core/grade.js';
import type { Question, Response } from '../core/kinds/index.js';
import { displayOrder } from '../core/plan.js';
import type { Quiz } from '../core/quiz.js';
import type { QuestionResult, Report } from '../core/report.js';
import { sanitize } from '../core/sanitize.js';
import type { Io } from '../cli/io.js';
import type { Style } from '../reporters/style.js';
import { askerOf, type Action, type AskContext, type Step } from './askers/index.js';
import { readNumbers, type PlainContext } from './askers/asker.js';
import { LineReader } from './line-reader.js';
import pressEnter from './press-enter.js';
import { promptOutput } from './prompt-output.js';
import { loadDisplay, plainTexts, textsOf } from './display-markdown.js';
import { renderHanging, renderMarkdown } from './render-markdown.js';
import { actionOf, keyHelp, type KeyPress } from './keys.js';
import { promptTheme } from './theme.js';
import { measure, wrapText, type Paint } from './wrap.js';

/** Why a session stopped before its end: `q`, Ctrl+C, Ctrl+D (end of input), or a signal from outside. */
export type StopReason = 'quit' | 'SIGINT' | 'EOF' | 'SIGTERM' | 'SIGHUP';

/** How a question was answered, beside the response: whether the hint was shown, and the seconds it took. */
export interface AnswerInfo {
  hinted: boolean;
  seconds: number;
}

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
  /**
   * Called after each question is answered, before the feedback is drawn. `null`: skipped, and its right
   * answer is then shown, so it counts as answered with 0 points (docs/DECISIONS.md, "fair scoring").
   */
  onAnswer?: (questionId: string, response: Response | null, info: AnswerInfo) => void | Promise<void>;
  /** Columns to draw in; default io.stdout.columns, else 80. */
  width?: number;
  /** The clock for the time per question, in milliseconds; default Date.now. */
  clock?: () => number;
  /**
   * Line by line (--plain, TERM=dumb): no prompt library and no cursor movement; options numbered,
   * answers typed as numbers or text, one line at a time.
   */
  plain?: boolean;
  /**
   * Exam mode (`run --exam`): no feedback until the end; `p`/`n` (PgUp/PgDn at a typed answer) move
   * between questions, an answer can be changed, a skip leaves the question unanswered (nothing is
   * shown), and "Finish? n unanswered" ends it.
   */
  exam?: boolean;
}

export interface SessionResult {
  /** By question id; `null` for a skipped question. */
  responses: Map<string, Response | null>;
  /** The questions answered or skipped, in the session's order. */
  done: Question[];
  /** Why the session stopped early, or null when every question was asked. */
  stopped: StopReason | null;
  /** Seconds each question asked in this session took, by question id. */
  seconds: Map<string, number>;
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

type KeyEvent = KeyPress;

export async function runSession(io: Io, options: SessionOptions): Promise<SessionResult> {
  const session = new Session(io, options);
  return session.run();
}

class Session {
  private readonly style: Style;
  private readonly width: number;
  private readonly questions: readonly Question[];
  private readonly responses: Map<string, Response | null>;
  private active: { controller: AbortController; keys: ReadonlySet<Action>; typed: boolean } | null = null;
  private readonly seconds = new Map<string, number>();
  private readonly clock: () => number;
  /** A plain session's lines, and what stops its read (Ctrl+C as SIGINT, a signal). */
  private reader: LineReader | null = null;
  private readonly plainStop = new AbortController();

  constructor(
    private readonly io: Io,
    private readonly options: SessionOptions,
  ) {
    this.style = options.style;
    this.width = options.width ?? measure(io.stdout.columns ?? 80);
    this.questions = options.questions ?? options.quiz.questions;
    this.responses = new Map(options.responses ?? []);
    this.clock = options.clock ?? Date.now;
  }

  async run(): Promise<SessionResult> {
    const onKey = (_text: unknown, key: KeyEvent | undefined): void => this.onKey(key);
    const onSignal = (): void => {
      this.active?.controller.abort(this.signalAbort());
      this.plainStop.abort(this.signalReason());
    };
    this.io.stdin.on('keypress', onKey);
    this.io.signal?.addEventListener('abort', onSignal);
    let unlisten = (): void => {};
    if (this.options.plain) {
      this.reader = new LineReader(this.io);
      unlisten = this.io.onInterrupt?.(() => this.plainStop.abort('SIGINT')) ?? unlisten;
    }
    let stopped: StopReason | null = null;
    // The Markdown display pipeline loads while the first question is on screen, when its texts are plain:
    // nothing else is drawn before a prompt returns, and every prompt waits for the pipeline before it does.
    const display = loadDisplay();
    const first = this.questions.find((question) => !this.responses.has(question.id));
    if (!plainTexts(textsOf(first ?? []))) await display;
    try {
      await this.loop();
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      stopped = error.reason;
    } finally {
      this.io.stdin.removeListener('keypress', onKey);
      this.io.signal?.removeEventListener('abort', onSignal);
      unlisten();
      this.reader?.close();
    }
    await display;
    const done = this.questions.filter((question) => this.responses.has(question.id));
    const report = grade(this.options.quiz, this.responses, {
      mode: 'interactive',
      questions: stopped ? done : this.questions,
      ...(this.options.passMark === undefined ? {} : { passMark: this.options.passMark }),
    });
    return { responses: this.responses, done, stopped, report, seconds: this.seconds };
  }

  private async loop(): Promise<void> {
    if (this.options.exam) return this.examLoop();
    const total = this.questions.length;
    for (const [position, question] of this.questions.entries()) {
      if (this.responses.has(question.id)) continue;
      this.drawQuestion(question, position, total);
      const started = this.clock();
      const asked = await this.askQuestion(question);
      if ('move' in asked) continue; // no moves outside an exam
      const { response, hinted } = asked;
      const seconds = Math.max(0, (this.clock() - started) / 1000);
      this.seconds.set(question.id, seconds);
      this.responses.set(question.id, response);
      await this.options.onAnswer?.(question.id, response, { hinted, seconds });
      this.drawFeedback(question, response);
      if (position < total - 1) {
        if (this.reader) await this.readPlain('Press Enter for the next question (q quits): ', false, ['quit']);
        else await this.ask((context) => pressEnter({ message: 'Press Enter for the next question', theme: this.theme(['quit']), columns: this.io.stdout.columns ?? 80 }, context), ['quit']);
      }
    }
  }

  // ---- prompts ------------------------------------------------------------------------------------

  private onKey(key: KeyEvent | undefined): void {
    const active = this.active;
    // Ctrl+D, end of input, stops the session as such (readline alone would close the prompt silently).
    if (active && key?.ctrl === true && key.name === 'd') active.controller.abort({ kind: 'signal', reason: 'EOF' } satisfies Abort);
    if (!active) return;
    const action = actionOf(key, active.typed);
    if (action && active.keys.has(action)) active.controller.abort({ kind: action } satisfies Abort);
  }

  private signalReason(): StopReason {
    return this.io.signal?.reason === 'SIGHUP' ? 'SIGHUP' : 'SIGTERM';
  }

  private signalAbort(): Abort {
    return { kind: 'signal', reason: this.signalReason() };
  }

  /** The extra keys' help, in the prompts' own help line (the footer), wrapped to the terminal. */
  private theme(keys: readonly Action[], typed = false) {
    return promptTheme(this.style, keyHelp(keys, typed), this.io.stdout.columns ?? 80);
  }

  /**
   * Runs one prompt; `keys` are the session keys it accepts. A hint or skip key ends the prompt with that
   * step; `q`, Ctrl+C and SIGTERM stop the session.
   */
  private async ask<T>(run: (context: Context) => Promise<T>, keys: readonly Action[], typed = false): Promise<Step<T>> {
    const controller = new AbortController();
    if (this.io.signal?.aborted) throw new Stop(this.signalReason());
    this.active = { controller, keys: new Set(keys), typed };
    try {
      const value = await run({ input: this.io.stdin, output: promptOutput(this.io.stdout), signal: controller.signal, clearPromptOnDone: true });
      await loadDisplay();
      return { kind: 'value', value };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'ExitPromptError') throw new Stop('SIGINT');
      if (name !== 'AbortPromptError') throw error;
      const reason = controller.signal.reason as Abort;
      if (reason.kind === 'signal') throw new Stop(reason.reason);
      if (reason.kind === 'quit') throw new Stop('quit');
      await loadDisplay();
      return { kind: reason.kind };
    } finally {
      this.active = null;
    }
  }

  private hintKeys(question: Question, hintShown: boolean): Action[] {
    const keys: Action[] = question.hint !== null && !hintShown ? ['hint', 'skip', 'quit'] : ['skip', 'quit'];
    return this.options.exam ? [...keys.slice(0, -1), 'back', 'forward', 'quit'] : keys;
  }

  /** Exam mode: ask in any order, change answers, no feedback; finish when the learner says so. */
  private async examLoop(): Promise<void> {
    const total = this.questions.length;
    const unanswered = (): number[] => this.questions.flatMap((question, index) => (this.responses.has(question.id) ? [] : [index]));
    let position = unanswered()[0] ?? total;
    for (;;) {
      if (position >= total) {
        const open = unanswered();
        const target = await this.finishExam(open);
        if (target === null) return;
        position = target;
        continue;
      }
      const question = this.questions[position]!;
      this.drawQuestion(question, position, total);
      if (this.responses.has(question.id)) {
        const given = gradeQuestion(question, this.responses.get(question.id) ?? null, 'interactive').given;
        this.print(this.labelled('Your answer so far: ', formatGiven(given), (text) => this.style.dim(text)));
      }
      const started = this.clock();
      const asked = await this.askQuestion(question);
      if ('move' in asked) {
        position = asked.move === 'back' ? Math.max(0, position - 1) : position + 1;
        continue;
      }
      if (asked.response !== null) {
        const seconds = Math.max(0, (this.clock() - started) / 1000) + (this.seconds.get(question.id) ?? 0);
        this.seconds.set(question.id, seconds);
        this.responses.set(question.id, asked.response);
        await this.options.onAnswer?.(question.id, asked.response, { hinted: asked.hinted, seconds });
        this.print([this.style.dim('Answer kept (you can come back to change it).')]);
      }
      // On to the next question still unanswered (or the finish when none is left after this one).
      position = unanswered().find((index) => index > position) ?? total;
    }
  }

  /** "Finish? n unanswered": null finishes; else the position to go back to. */
  private async finishExam(open: number[]): Promise<number | null> {
    const total = this.questions.length;
    const question = `Finish? ${open.length} unanswered${open.length ? ` (${open.map((index) => index + 1).join(', ')})` : ''}`;
    if (this.reader) {
      for (;;) {
        const step = await this.readPlain(`${question}: y to finish, or a question's number to go to: `, false, ['quit']);
        if (step.kind !== 'value') continue;
        if (/^y(es)?$/i.test(step.value.trim())) return null;
        const number = readNumbers(step.value, total);
        if (number?.length === 1) return number[0]!;
      }
    }
    const choices = [
      { value: -1, name: 'Finish: see the results' },
      ...(open.length ? [{ value: open[0]!, name: `Go to question ${open[0]! + 1} (the first unanswered)` }] : []),
      { value: total - 1, name: `Back to question ${total} (the last)` },
      { value: 0, name: 'Back to question 1' },
    ];
    const step = await this.ask((context) => select({ message: question, choices, loop: false, theme: this.theme(['quit']) }, context), ['quit']);
    if (step.kind !== 'value') return total - 1;
    return step.value === -1 ? null : step.value;
  }

  /** Asks until answered or skipped (null); a hint is drawn when asked for and the question asked again. */
  private async askQuestion(question: Question): Promise<{ response: Response | null; hinted: boolean } | { move: 'back' | 'forward' }> {
    let hintShown = false;
    const asker = askerOf(question);
    const prompt = asker.start(question);
    const plain = this.reader && asker.plain ? asker.plain.bind(asker) : null;
    const shown = displayOrder(question, this.options.seed, this.options.shuffleOptions);
    for (;;) {
      const context = this.context(question, shown, this.hintKeys(question, hintShown));
      const step = plain ? await plain(question as never, this.plainContext(context)) : await prompt(context);
      if (step.kind === 'hint') {
        hintShown = true;
        this.print(this.labelled('Hint: ', question.hint ?? '', (text) => this.style.yellow(text)));
        continue;
      }
      if (step.kind === 'back' || step.kind === 'forward') return { move: step.kind };
      if (step.kind === 'skip') return { response: null, hinted: hintShown };
      return { response: step.value, hinted: hintShown };
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
      theme: (accepted, typed) => this.theme(accepted, typed),
      ask: (run, accepted, typed) => this.ask(run, accepted, typed),
      print: (lines) => this.print(lines),
      labelled: (label, markdown, paint) => this.labelled(label, markdown, paint),
      optionLabel: (markdown, indent) => this.optionLabel(markdown, indent),
      pageSize: (names) => listPage(names, this.io.stdout.rows ?? 24),
    };
  }

  /** What a plain asker is given (askers/asker.ts). */
  private plainContext(context: AskContext): PlainContext {
    let told = false;
    return {
      ...context,
      read: (prompt, typed) => {
        // The keys once per question, before its first line is read.
        if (!told) this.print([this.style.dim(plainKeys(context.keys, typed, this.options.exam))]);
        told = true;
        return this.readPlain(prompt, typed, context.keys);
      },
      list: (texts) => {
        const width = String(texts.length).length + 2;
        return texts.flatMap((text, index) => this.labelled(`${`${index + 1})`.padEnd(width)}`, text, (label) => label));
      },
    };
  }

  /** Reads a line; `h`/`s`/`q` (not in typed answers) and `:hint`/`:skip`/`:quit` are the session's keys. */
  private async readPlain(prompt: string, typed: boolean, keys: readonly Action[]): Promise<Step<string>> {
    for (;;) {
      if (this.io.signal?.aborted) throw new Stop(this.signalReason());
      const line = await this.reader!.read(prompt, this.plainStop.signal);
      await loadDisplay();
      if (line === null) {
        const reason = this.plainStop.signal.reason as StopReason | undefined;
        this.io.stdout.write('\n');
        throw new Stop(this.plainStop.signal.aborted && reason ? reason : 'EOF');
      }
      const word = line.trim().toLowerCase();
      const commands = { ':hint': 'hint', ':skip': 'skip', ':quit': 'quit', ':back': 'back', ':next': 'forward' };
      const action = ({ ...commands, ...(typed ? {} : { h: 'hint', s: 'skip', q: 'quit', p: 'back', n: 'forward' }) } as Record<string, Action>)[word];
      if (action === 'quit' && keys.includes('quit')) throw new Stop('quit');
      if (action !== undefined && action !== 'quit' && keys.includes(action)) return { kind: action };
      if (action !== undefined && !keys.includes(action)) {
        this.print([this.style.yellow(action === 'hint' ? 'No hint here (or it is shown already).' : `Not here: ${word}.`)]);
        continue;
      }
      return { kind: 'value', value: line };
    }
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
    // An exam shows no score until its end.
    const score = this.options.exam ? null : this.scoreSoFar();
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
      return style.yellow.bold('↷ Skipped: 0 points, counted as answered');
  }
}

/**
 * The lines a list prompt may show (Inquirer's page size counts lines): the terminal's rows less the
 * prompt's message, the blank line and the footer (two lines at most), but never less than the tallest
 * option (an option holding a code block is shown whole) and never more than the list.
 */
export function listPage(names: readonly string[], rows: number): number {
  const heights = names.map((name) => name.split('\n').length);
  const total = heights.reduce((sum, height) => sum + height, 0);
  return Math.max(3, Math.max(...heights, 1), Math.min(total, rows - 5));
}

/** A plain session's keys, as typed lines: `Keys: h hint · s skip (shows the answer) · q quit`. */
export function plainKeys(keys: readonly Action[], typed: boolean, exam = false): string {
  const word = { hint: 'hint', skip: exam ? 'skip' : 'skip (shows the answer)', quit: 'quit', back: 'previous', forward: 'next' } as const;
  const typedWord = { hint: ':hint', skip: ':skip', quit: ':quit', back: ':back', forward: ':next' } as const;
  const letter = { hint: 'h', skip: 's', quit: 'q', back: 'p', forward: 'n' } as const;
  return `Keys: ${keys.map((action) => `${typed ? typedWord[action] : letter[action]} ${word[action]}`).join(' · ')}`;
}
