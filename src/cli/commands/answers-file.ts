/** Reading and grading one answers file at the edge: used by `run --answers` and by `grade` alike. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AnswersFileError, CliError } from '../../core/errors.js';
import { readTextFile } from '../../store/files.js';
import { AnswersError } from '../../core/answers.js';
import { gradeAnswerText } from '../../core/grade-answers.js';
import type { Io } from '../io.js';
import type { Quiz } from '../../core/quiz.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { Report } from '../../core/report.js';

// `{` after white space (as trimStart reads it), without a trimmed copy of every path (`grade`: 10,000 of them).
const INLINE = /^\s*\{/;

/**
 * Reads, validates and grades an answers file (`path` relative to the working folder, and shown as
 * given; `absolute` when the caller has resolved it already); any input error is an AnswersFileError
 * (exit 2) with every problem, each naming the file, and nothing is graded.
 */
export function gradeAnswersFile(quiz: Quiz, path: string, io: Io, passMark?: number, absolute = resolve(io.cwd, path)): Report {
  // `--answers '{"answers":{}}'`: a JSON object given inline, when no file has that name.
  const inline = INLINE.test(path) && !existsSync(absolute);
  let text: string;
  try {
    text = inline ? path : readTextFile(absolute, path, 'answers file');
  } catch (error) {
    if (error instanceof CliError) throw new AnswersFileError(error.code, path, [error.message]);
    throw error;
  }
  try {
    const { report, warnings } = gradeAnswerText(quiz, text, passMark);
    for (const warning of warnings) io.stderr.write(`${sanitizeLine(`${path}: warning: ${warning}`)}\n`);
    return report;
  } catch (error) {
    if (error instanceof AnswersError) {
      throw new AnswersFileError('answers-invalid', path, error.problems.map((problem) => `${path}: ${problem.path}: ${problem.message}`));
    }
    throw error;
  }
}
