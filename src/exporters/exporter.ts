/**
 * What every export format shares (issue 17): an exporter turns a quiz into a file for another system
 * (Moodle, Canvas), question by question, with one piece per question kind. `PerKind` is a map keyed
 * by every kind, so a new kind in src/core/kinds/index.ts does not compile until each exporter says
 * how it writes that kind, or why it leaves it out. Pure.
 */
import type { Option, Question, QuestionKind } from '../core/kinds/index.js';
import type { Quiz } from '../core/quiz.js';
import { stripInlineMarkdown } from '../core/text.js';

/** A question the target cannot hold: left out of the export, with a warning that names it. */
export class Skip {
  constructor(readonly reason: string) {}
}

/** One kind's piece: the question written for the target, or why it is left out. */
export type Piece<K extends QuestionKind, T> = (question: Extract<Question, { kind: K }>, quiz: Quiz) => T | Skip;

/** A piece for every kind (TypeScript makes the map complete). */
export type PerKind<T> = { [K in QuestionKind]: Piece<K, T> };

export interface Skipped {
  number: number;
  id: string;
  title: string;
  reason: string;
}

export interface Exported {
  /** The file: text (GIFT, Moodle XML) or bytes (a QTI package). */
  data: string | Uint8Array;
  /** How many questions it holds. */
  count: number;
  /** The questions left out, in quiz order. */
  skipped: Skipped[];
}

export interface Exporter {
  /** For `--help` and the README: what the format is for. */
  readonly description: string;
  /** A file name extension for it (`.gift`, `.xml`, `.zip`). */
  readonly extension: string;
  exportQuiz(quiz: Quiz): Exported;
}

/** Each question through its kind's piece: the pieces written, and the questions left out. */
export function eachQuestion<T>(quiz: Quiz, perKind: PerKind<T>): { pieces: { question: Question; piece: T }[]; skipped: Skipped[] } {
  const pieces: { question: Question; piece: T }[] = [];
  const skipped: Skipped[] = [];
  for (const question of quiz.questions) {
    const piece = (perKind[question.kind] as Piece<QuestionKind, T>)(question as never, quiz);
    if (piece instanceof Skip) skipped.push({ number: question.number, id: question.id, title: question.title, reason: piece.reason });
    else pieces.push({ question, piece });
  }
  return { pieces, skipped };
}

/**
 * An option's own feedback, when the quiz gives one (the dialects issue adds per-option feedback to
 * the model; until then there is none). Read without assuming the field, so that it flows into every
 * export as soon as the model has it.
 */
export function optionFeedback(option: Option): string | null {
  const feedback = (option as Option & { feedback?: unknown }).feedback;
  return typeof feedback === 'string' && feedback.trim() !== '' ? feedback : null;
}

/** A question's text for a target that needs one: its prompt, or its title when it has none. */
export function questionText(question: Question): string {
  return question.prompt.trim() === '' ? question.title : question.prompt;
}

/** Each right option's weight in percent, as Moodle writes it (5 decimals at most): 100 / right options. */
export function weight(parts: number): string {
  return String(Number((100 / parts).toFixed(5)));
}

/** A sum's binary noise removed (15 significant digits, what a double holds of a decimal): 3.14 - 0.01 is 3.13. */
export function decimal(value: number): number {
  return Number(value.toPrecision(15));
}

/** Why a self-assessed question is left out of every export. */
export const SELF_REASON = 'self-assessed (its answer is a picture the learner compares): no LMS question type grades it';

/**
 * Both readings a learner may type of each accepted answer (`kubectl apply`, or with its backticks),
 * each once, on one line: an answer wrapped over lines in the quiz file is typed with a space, and this
 * program compares it so (normalizeText); an LMS compares the text as written.
 */
export function readings(accepted: readonly string[]): string[] {
  const line = (text: string): string => text.replace(/\s+/g, ' ').trim();
  return [...new Set(accepted.flatMap((one) => [line(one), line(stripInlineMarkdown(one))]))].filter((one) => one !== '');
}
