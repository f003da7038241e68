/**
 * What an asker is: how the terminal session asks one kind of question and shows its right answer
 * (docs/ARCHITECTURE.md, "a new kind"). The session (session.ts) gives it the tools below.
 */
import type { Context } from '@inquirer/type';
import type { Question, Response } from '../../core/kinds/index.js';
import type { QuestionResult } from '../../core/report.js';
import type { Style } from '../../reporters/style.js';
import type { Paint } from '../wrap.js';

/** The keys the session adds to a prompt: `h` hint, `s` skip, `q` quit. */
export type Action = 'hint' | 'skip' | 'quit';

/** How a prompt ended: with a value, or with the hint or skip key. */
export type Step<T> = { kind: 'value'; value: T } | { kind: 'hint' } | { kind: 'skip' };

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
  /** The prompts' theme for these keys. */
  theme(keys: readonly Action[]): ReturnType<typeof import('../theme.js').promptTheme>;
  /** Runs one Inquirer prompt; the hint and skip keys end it with that step, `q`, Ctrl+C and signals stop the session. */
  ask<T>(run: (context: Context) => Promise<T>, keys: readonly Action[]): Promise<Step<T>>;
  /** Writes lines below the prompt (they stay in the transcript). */
  print(lines: readonly string[]): void;
  /** Markdown after a label, wrapped to the width, continuation lines under the text. */
  labelled(label: string, markdown: string, paint?: Paint): string[];
  /** An option's Markdown wrapped to the width, continuation lines indented by `indent`. */
  optionLabel(markdown: string, indent: number): string;
  /** How many rows a list prompt may take for `count` choices. */
  pageSize(count: number): number;
  /** The quiz file's folder: answer images resolve against it. */
  dir: string;
}

export interface Asker<Q extends Question> {
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
