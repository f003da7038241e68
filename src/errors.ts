/**
 * Errors a user may see. Each has a stable `code`, the exit code it maps to, and a one-line message
 * that already names the place (file:line:col, JSON path, question id) and what is accepted.
 * The CLI prints `mlops-quiz: <message>` and returns `exitCode`; nothing else is shown.
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

/**
 * The bundle runs some modules as scripts of their own (src/scripts.ts, docs/SPEED.md), each with its
 * own copy of these classes: an error thrown in one (the session) and caught in another (`run`) is not
 * an instance of the catcher's class. So each is known by a brand from the global symbol registry,
 * which its `instanceof` asks for; subclasses keep the usual check.
 */
const CLI_ERROR = Symbol.for('mlops-quiz.CliError');
const INTERRUPTED_ERROR = Symbol.for('mlops-quiz.InterruptedError');

function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && brand in value;
}

export class CliError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === CliError ? hasBrand(value, CLI_ERROR) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

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

Object.defineProperty(CliError.prototype, CLI_ERROR, { value: true });

export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string) {
    super('usage', message);
  }
}

/** Thrown when the learner stops a session (Ctrl+C, `q`, SIGTERM); carries the exit code to use. */
export class InterruptedError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === InterruptedError ? hasBrand(value, INTERRUPTED_ERROR) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  override name = 'InterruptedError';
  readonly exitCode: number;
  constructor(exitCode: 130 | 143 | 129) {
    super('interrupted');
    this.exitCode = exitCode;
  }
}
Object.defineProperty(InterruptedError.prototype, INTERRUPTED_ERROR, { value: true });
