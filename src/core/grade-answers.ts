/**
 * An answers file's text graded against a quiz: read (section 5), interpret, grade (section 6). The one
 * path shared by `run --answers` and `grade`, so that the two never disagree. Pure: the caller reads
 * the file. Throws AnswersError (nothing is graded from a file with an input error).
 */
import type { Quiz } from './quiz.js';
import type { Report } from './report.js';
import { readAnswerSheet } from './answers.js';
import { grade, type GradeOptions } from './grade.js';
import { interpretAnswers, questionFor } from './interpret.js';

/**
 * A number given for a short answer is compared as it is written (`3.10`, not 3.1; `1000000000000000000000`,
 * not 1e+21): its source text replaces the parsed double. For a choice question a number stays the
 * option's position (docs/DESIGN.md section 5).
 */
function asWritten(quiz: Quiz, raw: Record<string, unknown>, numbers: ReadonlyMap<string, string>): Record<string, unknown> {
  if (numbers.size === 0) return raw;
  const given = raw.answers as Record<string, unknown>;
  // Copied only when a short answer was given as a number (a class of 10,000 files mostly has none).
  let answers: Record<string, unknown> | undefined;
  for (const [key, written] of numbers) {
    if (typeof given[key] === 'number' && questionFor(quiz, key)?.kind === 'text') (answers ??= { ...given })[key] = written;
  }
  return answers === undefined ? raw : { ...raw, answers };
}

/** Only a quiz with a short answer needs the written forms of numbers (no Map per file otherwise). */
function hasShortAnswer(quiz: Quiz): boolean {
  for (const question of quiz.questions) if (question.kind === 'text') return true;
  return false;
}

const ANSWERS: GradeOptions = { mode: 'answers' };

export interface GradedAnswers {
  report: Report;
  /** Unknown top-level keys and the like: worth a line on stderr, not an error. */
  warnings: string[];
}

export function gradeAnswerText(quiz: Quiz, text: string, passMark?: number): GradedAnswers {
  const { sheet, raw, warnings, numbers } = readAnswerSheet(text, hasShortAnswer(quiz));
  const responses = interpretAnswers(quiz, sheet, asWritten(quiz, raw, numbers));
  const report = grade(quiz, responses, passMark === undefined ? ANSWERS : { mode: 'answers', passMark });
  return { report, warnings };
}
