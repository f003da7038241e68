/**
 * What an interactive run asks, given the saved progress (docs/DESIGN.md section 9): a new attempt, a resumed
 * one (`--resume`), or a review of what is due (`--review`); and the lines shown before the first
 * question ("Last time: ...", what a resume kept). Pure: the history and the clock are parameters.
 */
import type { Question, Response } from '../kinds/index.js';
import type { Quiz } from '../quiz.js';
import { sanitize } from '../sanitize.js';
import { dueForReview, formatDue, nextReview } from './schedule.js';
import { describeResume, planResume } from './resume.js';
import type { Attempt } from './attempt.js';
import { formatAgo, lastAttempt, lastTimeLine } from './stats.js';

export interface RunPlanOptions {
  resume: boolean;
  review: boolean;
  /** The questions a plain run would ask (after --shuffle and --limit). */
  planned: readonly Question[];
  /** --limit, applied to a review's due questions too. */
  limit?: number;
  /** How the learner names the quiz on the command line, for the hints (`mlops-quiz run NAME`). */
  shown: string;
  now: Date;
}

export type RunPlan =
  | {
      kind: 'ask';
      mode: Attempt['mode'];
      questions: Question[];
      /** Answers kept from a resumed attempt, by question id (empty otherwise). */
      responses: Map<string, Response | null>;
      /** The attempt that goes on (a resume), or null: a new attempt starts at the first answer. */
      resumed: Attempt | null;
      /** Lines for the learner before the first question. */
      notes: string[];
    }
  | { kind: 'nothing-due'; notes: string[] };

export function planRun(quiz: Quiz, history: readonly Attempt[], options: RunPlanOptions): RunPlan {
  const notes: string[] = [];
  const last = lastTimeLine(history, quiz.id, options.now);
  if (last !== null) notes.push(last);
  const ask = (mode: Attempt['mode'], questions: Question[], responses = new Map<string, Response | null>(), resumed: Attempt | null = null): RunPlan => ({
    kind: 'ask',
    mode,
    questions,
    responses,
    resumed,
    notes,
  });

  if (options.resume) {
    const plan = planResume(quiz, history);
    if (plan !== null) {
      // "Last time" would only repeat what the resume line says about the same attempt.
      if (lastAttempt(history, quiz.id)?.id === plan.attempt.id) notes.length = 0;
      notes.push(describeResume(plan, formatAgo(new Date(plan.attempt.startedAt), options.now)));
      return ask(plan.attempt.mode, plan.questions, plan.responses, plan.attempt);
    }
    notes.push(`Nothing to resume: no unfinished attempt of this quiz, so a new ${options.review ? 'review' : 'attempt'} starts.`);
  }

  if (options.review) {
    const { due, fresh } = dueForReview(quiz.questions, history, options.now, quiz.id);
    if (due.length === 0 && fresh.length === 0) {
      const next = nextReview(quiz.questions, history, options.now, quiz.id);
      const titles = (next?.questions ?? []).map((question) => `${question.number}. ${sanitize(question.title)}`);
      const shownTitles = titles.length > 3 ? `${titles.slice(0, 3).join(', ')} and ${titles.length - 3} more` : titles.join(', ');
      notes.push(
        `Nothing is due for review today.` +
          (next === null ? '' : ` The next review falls due ${formatDue(next.due, options.now)}${shownTitles ? `, with ${shownTitles}` : ''}.`) +
          ` A full run any time: \`mlops-quiz run ${options.shown}\`.`,
      );
      return { kind: 'nothing-due', notes };
    }
    const all = [...due, ...fresh];
    const asked = options.limit === undefined ? all : all.slice(0, options.limit);
    const parts = [`${due.length} due today`];
    if (fresh.length) parts.push(`${fresh.length} never answered`);
    notes.push(`Review: ${parts.join(', ')}${asked.length < all.length ? `; asking the first ${asked.length} (--limit)` : ''}.`);
    return ask('review', asked);
  }
  return ask('full', [...options.planned]);
}
