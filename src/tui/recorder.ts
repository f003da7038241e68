/**
 * Saving an interactive attempt as it goes (docs/DESIGN.md section 9): after every answer, the attempt is
 * written whole (src/store/attempts.ts: atomic, one file per attempt); at the end it is marked finished. An attempt
 * stopped by Ctrl+C, `q`, SIGTERM or a closed terminal is simply left unfinished: everything answered is
 * already on disk, and `--resume` continues it. A skipped question shows its right answer, so it is saved
 * as answered with 0 points (`revealed`) and a resume does not ask it again (docs/DECISIONS.md).
 */
import type { Question, Response } from '../core/kinds/index.js';
import type { Quiz } from '../core/quiz.js';
import { finishAttempt, newAttempt, recordAnswer, type AnswerMeta, type Attempt } from '../core/progress/attempt.js';
import { ProgressStore } from '../store/attempts.js';

export interface RecorderOptions {
  quiz: Quiz;
  questions: readonly Question[];
  mode: Attempt['mode'];
  /** A resumed attempt goes on in its own file; null starts a new one at the first answer. */
  resumed: Attempt | null;
  seed?: number | null;
  shuffleOptions?: boolean;
  now?: () => Date;
}

export class AttemptRecorder {
  private attempt: Attempt | null;
  /** Whether the attempt, as it is now, is on disk. */
  saved = false;
  private readonly byId: Map<string, Question>;
  private readonly now: () => Date;

  constructor(
    private readonly store: ProgressStore | null,
    private readonly options: RecorderOptions,
  ) {
    this.attempt = options.resumed;
    this.byId = new Map(options.questions.map((question) => [question.id, question]));
    this.now = options.now ?? (() => new Date());
    // A resumed attempt is saved at once: answers dropped because the quiz changed leave its file now.
    if (this.attempt !== null) this.saved = this.store?.save(this.attempt) ?? false;
  }

  /** The session's `onAnswer`: saves the attempt with this answer (a skip, `null`: revealed, 0 points). */
  answer(questionId: string, response: Response | null, meta: AnswerMeta = {}): void {
    const question = this.byId.get(questionId);
    if (question === undefined) return;
    const now = this.now();
    this.attempt ??= newAttempt({
      quiz: this.options.quiz,
      questions: this.options.questions,
      mode: this.options.mode,
      seed: this.options.seed ?? null,
      shuffleOptions: this.options.shuffleOptions ?? false,
      now,
      random: ProgressStore.random(),
    });
    this.attempt = recordAnswer(this.attempt, question, response, now, meta);
    this.saved = this.store?.save(this.attempt) ?? false;
  }

  /** Every question was asked: the attempt is finished (nothing to resume). */
  finish(): void {
    if (this.attempt === null) return;
    this.attempt = finishAttempt(this.attempt, this.now());
    this.saved = this.store?.save(this.attempt) ?? false;
  }

  get current(): Attempt | null {
    return this.attempt;
  }
}
