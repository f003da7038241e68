/** Reading and grading one answers file at the edge: used by `run --answers` and by `grade` alike. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../../core/errors.js';
import { readTextFile } from '../../store/files.js';
import { AnswersError } from '../../core/answers.js';
import { gradeAnswerText } from '../../core/grade-answers.js';
import type { Io } from '../io.js';
import type { Quiz } from '../../core/quiz.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { Report } from '../../core/report.js';

/**
 * Reads, validates and grades an answers file (`path` relative to the working folder, and shown as
 * given; `absolute` when the caller has resolved it already); any input error is a CliError (exit 2)
 * naming the file, and nothing is graded.
 */
export function gradeAnswersFile(quiz: Quiz, path: string, io: Io, passMark?: number, absolute = resolve(io.cwd, path)): Report {
  // `--answers '{"answers":{}}'`: a JSON object given inline, when no file has that name.
  const inline = path.trimStart().startsWith('{') && !existsSync(absolute);
  const text = inline ? path : readTextFile(absolute, path, 'answers file');
  try {
    const { report, warnings } = gradeAnswerText(quiz, text, passMark);
    for (const warning of warnings) io.stderr.write(`${sanitizeLine(`${path}: warning: ${warning}`)}\n`);
    return report;
  } catch (error) {
    if (error instanceof AnswersError) throw new CliError('answers-invalid', `${path}: ${error.path}: ${error.message}`);
    throw error;
  }
}
