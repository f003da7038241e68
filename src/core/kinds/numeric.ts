/**
 * Numeric: a typed number, right when it falls within one of the accepted answers, each a value with a
 * tolerance (`3.14 ± 0.01`) or a range (`1 to 5`) (docs/DESIGN.md section 12).
 */
import * as z from 'zod/mini';
import { quote } from '../sanitize.js';
import { describeValue, questionFields, type Kind } from './base.js';

export const NumericAnswer = z.union([
  z.object({ value: z.number(), tolerance: z.number().check(z.minimum(0)) }),
  z.object({ min: z.number(), max: z.number() }),
]);
export type NumericAnswer = z.infer<typeof NumericAnswer>;

export const NumericQuestion = z.object({ ...questionFields, kind: z.literal('numeric'), answers: z.array(NumericAnswer).check(z.minLength(1)) });
export type NumericQuestion = z.infer<typeof NumericQuestion>;
export const NumericResponse = z.object({ kind: z.literal('numeric'), value: z.number() });
export type NumericResponse = z.infer<typeof NumericResponse>;

/** A number as people write it: `3.14`, `-2`, `1e3`, `1_000` not; a comma decimal (`3,14`) read as a point. */
export function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(/^\+/, '');
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** `3.14 ± 0.01`, `1822` (no tolerance), `1 to 5`. */
export function numericText(answer: NumericAnswer): string {
  if ('min' in answer) return `${answer.min} to ${answer.max}`;
  return answer.tolerance > 0 ? `${answer.value} ± ${answer.tolerance}` : String(answer.value);
}

/** Reads `3.14 ± 0.01`, `3.14 +- 0.01`, `3.14 +/- 0.01`, `3.14:0.01`, `1 to 5`, `1..5`, `42`; null for anything else. */
export function parseNumericAnswer(text: string): NumericAnswer | null {
  const source = text.trim();
  // Found by position, not by a backtracking pattern: a long text is read in linear time.
  const split = (marks: readonly string[]): [string, string] | null => {
    for (const mark of marks) {
      const at = source.indexOf(mark, 1);
      if (at > 0) return [source.slice(0, at), source.slice(at + mark.length)];
    }
    return null;
  };
  const tolerance = split(['±', '+/-', '+-', ':']);
  if (tolerance) {
    const value = readNumber(tolerance[0]);
    const plusMinus = readNumber(tolerance[1]);
    return value !== null && plusMinus !== null && plusMinus >= 0 ? { value, tolerance: plusMinus } : null;
  }
  const range = split(['..', ' to ']);
  if (range) {
    const min = readNumber(range[0]);
    const max = readNumber(range[1]);
    return min !== null && max !== null && min <= max ? { min, max } : null;
  }
  const value = readNumber(source);
  return value === null ? null : { value, tolerance: 0 };
}

// Decimal inputs such as 3.15 against 3.14 ± 0.01 must count as inside: a relative slack.
const SLACK = 1e-9;

export function withinAnswer(answer: NumericAnswer, value: number): boolean {
  const [low, high] = 'min' in answer ? [answer.min, answer.max] : [answer.value - answer.tolerance, answer.value + answer.tolerance];
  const slack = SLACK * Math.max(1, Math.abs(low), Math.abs(high));
  return value >= low - slack && value <= high + slack;
}

const ACCEPTED = 'a number (such as 3.14), or a string holding one ("3.14")';

export const numeric: Kind<NumericQuestion, NumericResponse> = {
  name: 'numeric',
  schema: NumericQuestion,
  response: NumericResponse,
  gradedFromAnswers: true,
  readAnswer: (_question, value, fail) => {
    if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'numeric', value };
    if (typeof value === 'string') {
      const number = readNumber(value);
      if (number !== null) return { kind: 'numeric', value: number };
      return fail(`${quote(value)} is not a number`, ACCEPTED);
    }
    return fail(`${describeValue(value, quote)} is not a number`, ACCEPTED);
  },
  points: (question, response) => (question.answers.some((answer) => withinAnswer(answer, response.value)) ? 1 : 0),
  given: (_question, response) => response.value,
  expected: (question) => numericText(question.answers[0]!),
  fits: () => true,
  displayOrder: () => [],
};
