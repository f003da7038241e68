/**
 * An answers file's text graded against a quiz: read (section 5), interpret, grade (section 6). The one
 * path shared by `run --answers` and `grade`, so that the two never disagree. Pure: the caller reads
 * the file. Throws AnswersError (nothing is graded from a file with an input error).
 */
import type { Quiz } from './quiz.js';
import type { Report } from './report.js';
import { readAnswerSheet } from './answers.js';
import { grade } from './grade.js';
import { interpretAnswers } from './interpret.js';

export interface GradedAnswers {
  report: Report;
  /** Unknown top-level keys and the like: worth a line on stderr, not an error. */
  warnings: string[];
}

export function gradeAnswerText(quiz: Quiz, text: string, passMark?: number): GradedAnswers {
  const { sheet, raw, warnings } = readAnswerSheet(text);
  const responses = interpretAnswers(quiz, sheet, raw);
  const report = grade(quiz, responses, { mode: 'answers', ...(passMark === undefined ? {} : { passMark }) });
  return { report, warnings };
}
