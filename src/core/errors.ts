/**
 * Errors a user may see. Each has a stable `code`, the exit code it maps to, and a one-line message
 * that already names the place (file:line:col, JSON path, question id) and what is accepted.
 * The command line prints `mlops-quiz: <message>` and returns `exitCode` (src/cli/exit.ts); nothing else is shown.
 */
export type ErrorCode =
  | 'usage'
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-too-large'
  | 'not-utf8'
  | 'quiz-invalid'
  | 'answers-invalid'
  | 'output-unwritable'
  | 'not-a-terminal';

export class CliError extends Error {
  override name = 'CliError';
  readonly code: ErrorCode;
  readonly exitCode: number;
  /** Further lines (every error of a quiz, for example); the first line is `message`. */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, options: { exitCode?: number; details?: readonly string[] } = {}) {
    super(message);
    this.code = code;
    this.exitCode = options.exitCode ?? 2;
    this.details = options.details ?? [];
  }
}

export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super('usage', message);
  }
}

/**
 * An answers file that cannot be graded (missing, unreadable, not JSON, or any problem in its answers):
 * every problem as one line that names the file (issue 17). One problem is the message itself; several
 * are a summary line with each problem in `details`.
 */
export class AnswersFileError extends CliError {
  override name = 'AnswersFileError';
  /** The file as given. */
  readonly file: string;
  /** Each problem: `answers.json: answers["1"]: question 1 "…": …; accepted: …`. */
  readonly problems: readonly string[];

  constructor(code: ErrorCode, file: string, problems: readonly string[]) {
    const many = problems.length > 1;
    super(code, many ? `${file}: ${problems.length} problems, so nothing in it is graded` : problems[0]!, { details: many ? problems : [] });
    this.file = file;
    this.problems = problems;
  }
}

/** Thrown when the learner stops a session (Ctrl+C, `q`, SIGTERM); carries the exit code to use. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  readonly exitCode: number;
  constructor(exitCode: 130 | 143 | 129) {
    super('interrupted');
    this.exitCode = exitCode;
  }
}
