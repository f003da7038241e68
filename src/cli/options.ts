/** The options each command's action receives from commander (main.ts), and the parsers of their values. */
import type { ClassFormat, ReportFormat, StatsFormat } from '../reporters/formats.js';

/** The largest seed accepted by `--seed` (seeds are unsigned 32-bit integers). */
export { MAX_SEED } from '../core/random.js';

export interface GradeOptions {
  format: ClassFormat;
  output?: string;
  /** Overrides the quiz's pass mark for every submission (`--pass-mark`). */
  passMark?: number;
  /** false with `--no-cache`: parse the quiz afresh and leave the parsed-quiz cache alone. */
  cache?: boolean;
  /** `--dialect NAME`: read the quiz as this dialect instead of detecting it. */
  dialect?: string;
}

export interface RunOptions {
  answers?: string;
  format: ReportFormat;
  output?: string;
  passMark?: number;
  /** Leave `expected`, explanations and feedback out of the report (`--hide-answers`). */
  hideAnswers?: boolean;
  /** Interactive only: shuffle questions and options (default: the quiz's front matter `shuffle`). */
  shuffle?: boolean;
  /** Interactive only: the seed of every random order (implies --shuffle unless --no-shuffle). */
  seed?: number;
  /** Interactive only: ask the first N questions (after shuffling). */
  limit?: number;
  /** Interactive only: continue the last unfinished attempt (docs/DESIGN.md section 9). */
  resume?: boolean;
  /** Interactive only: ask what is due for review today (FSRS). */
  review?: boolean;
  /** false with --no-history: nothing is saved. */
  history: boolean;
  /** Interactive only: line by line, no cursor movement (also when TERM=dumb). */
  plain?: boolean;
  /** Interactive only: no feedback until the end, questions in any order, answers changeable. */
  exam?: boolean;
  /** false with `--no-cache`: parse the quiz afresh and leave the parsed-quiz cache alone. */
  cache?: boolean;
  /** `--dialect NAME`: read the quiz as this dialect instead of detecting it. */
  dialect?: string;
}

export interface StatsOptions {
  format: StatsFormat;
}

/** `--pass-mark`: a percent from 0 to 100, written `70` or `70%`, else undefined. */
export function percent(value: string): number | undefined {
  const digits = value.trim().replace(/%$/, '').trim();
  const number = Number(digits);
  return digits === '' || !Number.isFinite(number) || number < 0 || number > 100 ? undefined : number;
}

/** `--seed` and `--limit`: a whole number from min to max (spaces around it allowed), else undefined. */
export function wholeNumber(value: string, min: number, max: number): number | undefined {
  const number = Number(value);
  return /^\s*\d+\s*$/.test(value) && Number.isSafeInteger(number) && number >= min && number <= max ? number : undefined;
}
