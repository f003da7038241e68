/**
 * What an asker is: how the terminal session asks one kind of question and shows its right answer
 * (docs/ARCHITECTURE.md, "a new kind"). The session (session.ts) gives it the tools below.
 */
import type { Context } from '@inquirer/type';
import type { Question, Response } from '../../core/kinds/index.js';
import type { QuestionResult } from '../../core/report.js';
import type { Style } from '../../reporters/style.js';
import type { Paint } from '../wrap.js';

/** The keys the session adds to a prompt (keys.ts): hint, skip, quit. */
export type Action = 'hint' | 'skip' | 'quit' | 'back' | 'forward';

/** How a prompt ended: with a value, or with the hint or skip key. */
export type Step<T> = { kind: 'value'; value: T } | { kind: 'hint' } | { kind: 'skip' } | { kind: 'back' } | { kind: 'forward' };

export interface Theme {
  keys: readonly Action[];
}

/** The session's tools for an asker. */
export interface AskContext {
  style: Style;
  /** Columns to draw in. */
  width: number;
  /** The display order of the question's choices, as indices into the model (core/plan.ts). */
  shown: readonly number[];
  /** The session keys this prompt accepts (hint only while the hint is not shown). */
  keys: Action[];
  /** The prompts' theme for these keys; `typed`: a prompt that takes text (keys of keys.ts that cannot be typed). */
  theme(keys: readonly Action[], typed?: boolean): ReturnType<typeof import('../theme.js').promptTheme>;
  /**
   * Runs one Inquirer prompt; the hint and skip keys end it with that step, quit, Ctrl+C and signals stop
   * the session. `typed`: the prompt takes text, so only keys that cannot be typed act (Tab, Esc).
   */
  ask<T>(run: (context: Context) => Promise<T>, keys: readonly Action[], typed?: boolean): Promise<Step<T>>;
  /** Writes lines below the prompt (they stay in the transcript). */
  print(lines: readonly string[]): void;
  /** Markdown after a label, wrapped to the width, continuation lines under the text. */
  labelled(label: string, markdown: string, paint?: Paint): string[];
  /** An option's Markdown wrapped to the width, continuation lines indented by `indent`. */
  optionLabel(markdown: string, indent: number): string;
  /** How many lines a list prompt may take for choices of these (rendered) names. */
  pageSize(names: readonly string[]): number;
  /** The quiz file's folder: answer images resolve against it. */
  dir: string;
}

/**
 * The session's tools for a plain session (--plain, TERM=dumb): lines out, lines in, no cursor movement.
 * `read` writes the prompt and returns the line, or the hint or skip step when the learner typed `h` or
 * `s` (at a choice) or `:hint` / `:skip` (anywhere); `q`, `:quit`, Ctrl+C, Ctrl+D and signals stop the
 * session.
 */
export interface PlainContext extends Pick<AskContext, 'style' | 'width' | 'shown' | 'keys' | 'dir' | 'print' | 'labelled'> {
  read(prompt: string, typed: boolean): Promise<Step<string>>;
  /** The options as numbered lines, `1) text`, wrapped under themselves. */
  list(texts: readonly string[]): string[];
}

export interface Asker<Q extends Question> {
  /**
   * Asks the question line by line (a plain session). Optional: a kind without it is asked with its
   * prompt even in a plain session.
   */
  plain?(question: Q, context: PlainContext): Promise<Step<Response>>;
  /**
   * Starts asking a question: returns the prompt to run, once or again after a hint (state such as a
   * matching's picks so far lives in the closure).
   */
  start(question: Q): (context: AskContext) => Promise<Step<Response>>;
  /** The lines after the verdict: the right answer, and for some kinds the learner's answer marked. */
  rightAnswer(question: Q, response: Response | null, result: QuestionResult, context: Pick<AskContext, 'style' | 'labelled'>): string[];
}

/** A response of the question's kind, or null. */
export function own<R extends Response>(response: Response | null, kind: R['kind']): R | null {
  return response?.kind === kind ? (response as R) : null;
}

/**
 * A list's choices numbered on screen (`1) `), as number keys choose them; each option's text wrapped
 * under itself. `indent`: the columns the prompt puts before a choice (cursor, checkbox).
 */
export function numbered<V>(context: Pick<AskContext, 'optionLabel'>, options: readonly { value: V; text: string }[], indent: number): { value: V; name: string }[] {
  const width = String(options.length).length + 2;
  return options.map((option, index) => ({ value: option.value, name: `${`${index + 1})`.padEnd(width)}${context.optionLabel(option.text, indent + width)}` }));
}

/**
 * A list prompt's message and page size: when the choices take more lines than the page, the message
 * says how many there are and that ↑↓ scrolls (Inquirer's list shows no sign of more).
 */
export function listOf(context: Pick<AskContext, 'pageSize' | 'style'>, message: string, choices: readonly { name: string }[]): { message: string; pageSize: number } {
  const names = choices.map((choice) => choice.name);
  const pageSize = context.pageSize(names);
  const lines = names.reduce((sum, name) => sum + name.split('\n').length, 0);
  return { message: lines > pageSize ? `${message} ${context.style.dim(`(${choices.length} options, ↑↓ for more)`)}` : message, pageSize };
}

/** Reads numbers from 1 to `count` (separated by spaces or commas); null when the line is not such a list. */
export function readNumbers(line: string, count: number): number[] | null {
  const parts = line.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const numbers = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
  return numbers.every((value) => Number.isInteger(value) && value >= 1 && value <= count) ? numbers.map((value) => value - 1) : null;
}

/** Asks until the line reads as `parse` wants (else `again` is printed); hint and skip pass through. */
export async function readUntil<T>(context: PlainContext, prompt: string, typed: boolean, parse: (line: string) => T | null, again: string): Promise<Step<T>> {
  for (;;) {
    const step = await context.read(prompt, typed);
    if (step.kind !== 'value') return step;
    const value = parse(step.value);
    if (value !== null) return { kind: 'value', value };
    context.print([context.style.yellow(again)]);
  }
}
