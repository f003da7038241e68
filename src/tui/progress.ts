/**
 * Saved progress around an interactive run, at the edge (docs/DESIGN.md section 9): reads the quiz's history,
 * plans the run (new, `--resume`, `--review`), says "Last time: ..." and what a resume kept, saves after
 * every answer and marks the attempt finished at the end. `--no-history` saves nothing (the history is
 * still read, so `--review` and "Last time" work).
 */
import type { Io } from '../cli/io.js';
import type { Question, Response } from '../core/kinds/index.js';
import type { Quiz } from '../core/quiz.js';
import { AttemptRecorder } from './recorder.js';
import { planRun } from '../core/progress/run-plan.js';
import type { AnswerMeta } from '../core/progress/attempt.js';
import { ProgressStore, stateDir } from '../store/attempts.js';

export interface ProgressOptions {
  /** What a plain run would ask (after --shuffle, --seed, --limit). */
  planned: readonly Question[];
  /** How the quiz was named on the command line. */
  shown: string;
  resume: boolean;
  review: boolean;
  /** false with --no-history. */
  save: boolean;
  limit?: number;
  seed: number;
  shuffleOptions: boolean;
  now?: () => Date;
}

export type ProgressRun =
  | {
      kind: 'ask';
      questions: Question[];
      /** Answers kept from a resumed attempt (null: revealed by a skip, counted as answered). */
      responses: Map<string, Response | null>;
      /** Seconds each answer kept from a resumed attempt took, by question id. */
      seconds: Map<string, number>;
      /** A resumed attempt's seed and option shuffling, so its questions look as they did. */
      seed: number;
      shuffleOptions: boolean;
      notes: string[];
      onAnswer: (questionId: string, response: Response | null, meta: AnswerMeta) => void;
      /**
       * Call when the session ends; `stopped`: Ctrl+C, q, a signal (the attempt stays unfinished). Returns
       * the line telling how to resume, when a stopped attempt was saved.
       */
      end: (stopped: boolean) => string | null;
    }
  | { kind: 'nothing-due'; notes: string[] };

export function startProgress(quiz: Quiz, io: Io, options: ProgressOptions): ProgressRun {
  const now = options.now ?? (() => new Date());
  const dir = stateDir(io.env);
  const store = dir === null ? null : new ProgressStore(dir, (message) => io.stderr.write(`mlops-quiz: warning: ${message}\n`), now);
  const notes: string[] = [];
  if (store === null && options.save) notes.push('Progress is not saved: set HOME or XDG_STATE_HOME to an absolute path to keep it.');
  const history = store?.load(quiz.id) ?? [];
  const plan = planRun(quiz, history, {
    resume: options.resume,
    review: options.review,
    planned: options.planned,
    shown: options.shown,
    now: now(),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  notes.push(...plan.notes);
  if (plan.kind === 'nothing-due') return { kind: 'nothing-due', notes };
  const seed = plan.resumed?.seed ?? options.seed;
  const shuffleOptions = plan.resumed?.shuffleOptions ?? options.shuffleOptions;
  const recorder = new AttemptRecorder(options.save ? store : null, {
    quiz,
    questions: plan.questions,
    mode: plan.mode,
    resumed: plan.resumed,
    seed,
    shuffleOptions,
    now,
  });
  return {
    kind: 'ask',
    questions: plan.questions,
    responses: plan.responses,
    seconds: new Map(
      Object.entries(plan.resumed?.answers ?? {}).flatMap(([id, answer]) => (answer.seconds === null || !plan.responses.has(id) ? [] : [[id, answer.seconds] as const])),
    ),
    seed,
    shuffleOptions,
    notes,
    onAnswer: (questionId, response, meta) => recorder.answer(questionId, response, meta),
    end: (stopped) => {
      if (!stopped) {
        recorder.finish();
        return null;
      }
      return recorder.saved ? `Your answers are saved: \`mlops-quiz run ${options.shown} --resume\` continues where you stopped.` : null;
    },
  };
}
