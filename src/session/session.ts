/**
 * The interactive session (DESIGN.md sections 1, 3 and 6): asks each question with an Inquirer prompt,
 * gives feedback after each answer, and returns the responses and the report from `grade()`.
 *
 * Every prompt gets `{input: io.stdin, output: io.stdout, signal}`, so tests drive it with
 * @inquirer/testing and SIGTERM (io.signal) stops it. Keys the session adds to the prompts: `h` hint,
 * `s` skip (the question stays unanswered), `q` quit (as Ctrl+C). Every step advances with Enter alone.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import checkbox from '@inquirer/checkbox';
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Context } from '@inquirer/type';
import { grade, gradeQuestion } from '../grade/grade.js';
import type { Response } from '../grade/response.js';
import type { Io } from '../io.js';
import type { Question, Quiz } from '../quiz/model.js';
import { matchChoices } from '../quiz/questions.js';
import { normalizeText } from '../quiz/text.js';
import { renderHanging, renderInlineMarkdown, renderMarkdown } from '../render/render-markdown.js';
import { plain, wrapText } from '../render/wrap.js';
import { sanitize } from '../render/sanitize.js';
import type { Style } from '../render/style.js';
import { formatNumber } from '../report/text.js';
import type { QuestionResult, Report } from '../report/report.js';
import orderPrompt from './order-prompt.js';
import { displayOrder } from './plan.js';
import pressEnter from './press-enter.js';
import { promptOutput } from './prompt-output.js';
import { promptTheme, type KeyHelp } from './theme.js';

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

type Action = 'hint' | 'skip' | 'quit';
type Step<T> = { kind: 'value'; value: T } | { kind: 'hint' } | { kind: 'skip' };
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
    const showHint = (): void => {
      hintShown = true;
      this.print(this.labelled('Hint: ', question.hint ?? '', (text) => this.style.yellow(text)));
    };
    // Matching keeps the picks made before a hint was asked for.
    const picks: (number | null)[] = question.kind === 'match' ? question.pairs.map(() => null) : [];
    for (;;) {
      const step = await this.askOnce(question, this.hintKeys(question, hintShown), picks);
      if (step.kind === 'hint') {
        showHint();
        continue;
      }
      if (step.kind === 'skip') return null;
      return step.value;
    }
  }

  private async askOnce(question: Question, keys: Action[], picks: (number | null)[]): Promise<Step<Response>> {
    const { seed, shuffleOptions } = this.options;
    const theme = this.theme(keys);
    const pageSize = (count: number): number => Math.max(5, Math.min(count, (this.io.stdout.rows ?? 24) - 4));
    switch (question.kind) {
      case 'single': {
        const choices = displayOrder(question, seed, shuffleOptions).map((index) => ({ value: index, name: this.optionLabel(question.options[index]?.text ?? '', 2) }));
        const step = await this.ask((context) => select({ message: 'Your answer', choices, loop: false, pageSize: pageSize(choices.length), theme }, context), keys);
        if (step.kind !== 'value') return step;
        this.print(this.labelled('Your answer: ', question.options[step.value]?.text ?? ''));
        return { kind: 'value', value: { kind: 'single', choice: step.value } };
      }
      case 'multiple': {
        const choices = displayOrder(question, seed, shuffleOptions).map((index) => ({ value: index, name: this.optionLabel(question.options[index]?.text ?? '', 3) }));
        let warned = false;
        const validate = (picked: readonly unknown[]): true | string => {
          if (picked.length > 0 || warned) return true;
          warned = true;
          return 'Pick at least one with space, or press Enter again to skip';
        };
        const step = await this.ask(
          (context) =>
            checkbox({ message: 'Pick all that apply', choices, loop: false, pageSize: pageSize(choices.length), shortcuts: { all: null, invert: null }, validate, theme }, context),
          keys,
        );
        if (step.kind !== 'value') return step;
        if (step.value.length === 0) return { kind: 'skip' };
        const chosen = [...step.value].sort((a, b) => a - b);
        this.print(this.labelled('Your answer: ', chosen.map((index) => question.options[index]?.text ?? '').join(' | ')));
        return { kind: 'value', value: { kind: 'multiple', choices: chosen } };
      }
      case 'order': {
        const shown = displayOrder(question, seed, shuffleOptions);
        const items = shown.map((index) => this.optionLabel(question.items[index] ?? '', 6));
        const step = await this.ask((context) => orderPrompt({ message: 'Put these in order, first at the top', items, theme }, context), keys);
        if (step.kind !== 'value') return step;
        const order = step.value.map((position) => shown[position] as number);
        return { kind: 'value', value: { kind: 'order', order } };
      }
      case 'match': {
        const values = matchChoices(question);
        const shown = displayOrder(question, seed, shuffleOptions);
        const [leftLabel, rightLabel] = question.labels.map((label) => renderInlineMarkdown(label, this.style));
        if (picks.every((pick) => pick === null)) {
          this.print([this.style.dim(`Match each ${leftLabel || 'item'} to its ${rightLabel || 'value'}:`)]);
        }
        for (const [index, pair] of question.pairs.entries()) {
          if (picks[index] !== null) continue;
          const choices = shown.map((value) => ({ value, name: this.optionLabel(values[value] ?? '', 2) }));
          const message = `${renderInlineMarkdown(pair.left, this.style)} →`;
          const step = await this.ask((context) => select({ message, choices, loop: false, pageSize: pageSize(choices.length), theme }, context), keys);
          if (step.kind !== 'value') return step;
          picks[index] = step.value;
          this.print(this.labelled('  ', `${pair.left} → ${values[step.value] ?? ''}`));
        }
        return { kind: 'value', value: { kind: 'match', picks: [...picks] } };
      }
      case 'text': {
        const hint = keys.includes('hint');
        const message = `Your answer ${this.style.dim(`(Enter alone skips${hint ? ', ? shows the hint' : ''}, Ctrl+C quits)`)}`;
        const step = await this.ask((context) => input({ message, theme }, context), []);
        if (step.kind !== 'value') return step;
        const text = step.value;
        if (text.trim() === '') return { kind: 'skip' };
        if (hint && text.trim() === '?') return { kind: 'hint' };
        this.print(wrapText(sanitize(`Your answer: ${text.trim()}`), this.width));
        return { kind: 'value', value: { kind: 'text', text } };
      }
      case 'self': {
        const reveal = await this.ask((context) => pressEnter({ message: 'Think of your answer, then press Enter to reveal it', theme }, context), keys);
        if (reveal.kind !== 'value') return reveal;
        this.drawImageAnswer(question.image);
        const knew = await this.ask((context) => confirm({ message: 'Did you know it?', default: false, theme: this.theme(['skip', 'quit']) }, context), ['skip', 'quit']);
        if (knew.kind !== 'value') return knew;
        return { kind: 'value', value: { kind: 'self', knew: knew.value } };
      }
    }
  }

  // ---- drawing ------------------------------------------------------------------------------------

  private print(lines: readonly string[]): void {
    if (lines.length) this.io.stdout.write(`${lines.join('\n')}\n`);
  }

  /** Markdown after a label, wrapped to the width, continuation lines under the text. */
  private labelled(label: string, markdown: string, paint: (text: string) => string = (text) => this.style.dim(text)): string[] {
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

  private drawImageAnswer(image: string): void {
    const path = resolve(this.options.dir, image);
    const found = existsSync(path);
    this.print([
      `${this.style.bold('Answer:')} an image, ${sanitize(image)}`,
      `  ${sanitize(path)} ${found ? this.style.green('(found: open it to compare)') : this.style.yellow('(not found next to the quiz)')}`,
    ]);
  }

  private drawFeedback(question: Question, response: Response | null): void {
    const style = this.style;
    const result = gradeQuestion(question, response, 'interactive');
    const lines: string[] = [verdict(result, question, style)];
    lines.push(...this.rightAnswer(question, response, result));
    if (question.explanation) lines.push('', ...renderMarkdown(question.explanation, { style, width: this.width }));
    this.print(lines);
  }

  private rightAnswer(question: Question, response: Response | null, result: QuestionResult): string[] {
    const style = this.style;
    const mark = (ok: boolean): string => (ok ? style.green('✔ ') : style.red('✘ '));
    if (result.status === 'correct' && question.kind !== 'order' && question.kind !== 'match') return [];
    switch (question.kind) {
      case 'single':
        return this.labelled('Right answer: ', question.options.find((option) => option.correct)?.text ?? '');
      case 'multiple':
        return [style.dim('Right answers:'), ...question.options.filter((option) => option.correct).flatMap((option) => this.labelled('  • ', option.text, plain))];
      case 'text':
        return this.labelled(question.accepted.length > 1 ? 'Accepted answers: ' : 'Right answer: ', question.accepted.join(' | '));
      case 'self':
        return [];
      case 'order': {
        const lines: string[] = [];
        if (response?.kind === 'order') {
          lines.push(style.dim('Your order:'));
          response.order.forEach((item, position) => lines.push(...this.labelled(`  ${position + 1}. `, question.items[item] ?? '', plain).map((line, index) => (index === 0 ? `${line} ${mark(item === position).trim()}` : line))));
        }
        if (result.status !== 'correct') {
          lines.push(style.dim('Right order:'));
          question.items.forEach((item, position) => lines.push(...this.labelled(`  ${position + 1}. `, item, plain)));
        }
        return lines;
      }
      case 'match': {
        const values = matchChoices(question);
        const picks = response?.kind === 'match' ? response.picks : null;
        if (!picks) return [style.dim('Right matches:'), ...question.pairs.flatMap((pair) => this.labelled('  ', `${pair.left} → ${pair.right}`, plain))];
        return [
          style.dim('Your matches:'),
          ...question.pairs.flatMap((pair, index) => {
            const pick = picks[index];
            const chosen = pick === null || pick === undefined ? null : (values[pick] ?? '');
            const ok = chosen !== null && normalizeText(chosen) === normalizeText(pair.right);
            const text = `${pair.left} → ${chosen ?? '(none)'}${ok ? '' : ` (right: ${pair.right})`}`;
            return this.labelled(`  ${ok ? '✔' : '✘'} `, text, (label) => label.replace(/[✔✘]/, (sign) => (ok ? style.green(sign) : style.red(sign))));
          }),
        ];
      }
    }
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
