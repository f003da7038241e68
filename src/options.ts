/**
 * What the command line accepts (DESIGN.md section 8), shared by the fast path (cli.ts) and commander's
 * wiring (program.ts): the report formats and the options each command's action receives.
 */
export { MAX_SEED } from './session/random.js';
export const REPORT_FORMATS = ['text', 'json', 'junit', 'tap', 'gradescope'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const GRADE_FORMATS = ['text', 'csv', 'json'] as const;
export type GradeFormat = (typeof GRADE_FORMATS)[number];

export interface GradeOptions {
  format: GradeFormat;
  output?: string;
  /** false with `--no-cache`: parse the quiz afresh and leave the parsed-quiz cache alone. */
  cache?: boolean;
}

export interface RunOptions {
  answers?: string;
  format: ReportFormat;
  output?: string;
  passMark?: number;
  /** Interactive only: shuffle questions and options (default: the quiz's front matter `shuffle`). */
  shuffle?: boolean;
  /** Interactive only: the seed of every random order (implies --shuffle unless --no-shuffle). */
  seed?: number;
  /** Interactive only: ask the first N questions (after shuffling). */
  limit?: number;
  /** Interactive only: continue the last unfinished attempt (DESIGN.md section 9). */
  resume?: boolean;
  /** Interactive only: ask only the questions due for review (Leitner boxes). */
  review?: boolean;
  /** false with --no-history: nothing is saved. */
  history: boolean;
  /** false with `--no-cache`: parse the quiz afresh and leave the parsed-quiz cache alone. */
  cache?: boolean;
}

/** `--pass-mark`: a percent from 0 to 100, else undefined. */
export function percent(value: string): number | undefined {
  const number = Number(value);
  return value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 100 ? undefined : number;
}

/** `--seed` and `--limit`: a whole number from min to max (spaces around it allowed), else undefined. */
export function wholeNumber(value: string, min: number, max: number): number | undefined {
  const number = Number(value);
  return /^\s*\d+\s*$/.test(value) && Number.isSafeInteger(number) && number >= min && number <= max ? number : undefined;
}

