/**
 * `run --resume`: which attempt continues, which of its answers are kept, where it starts again. Pure.
 * An answer is kept when its question is still in the quiz with the same content hash (and the saved
 * response still fits the question); the others are dropped and the learner is told which. A question
 * skipped with its right answer shown is kept as answered (0 points): a resume never asks it again.
 */
import { kindOf, sameKind, type Question, type Response } from '../kinds/index.js';
import type { Quiz } from '../quiz.js';
import { asked, type Attempt } from './attempt.js';

export interface DroppedAnswer {
  id: string;
  number: number;
  title: string;
  /** `changed`: the question's content changed since; `removed`: it is no longer in the quiz. */
  reason: 'changed' | 'removed';
}

export interface ResumePlan {
  /** The attempt to continue (same id, so it is saved over its own file), reconciled with the quiz. */
  attempt: Attempt;
  /** The attempt's questions as the quiz has them now, in the attempt's order. */
  questions: Question[];
  /** The kept answers, by question id; null: skipped with its right answer shown (counts as answered, 0 points). */
  responses: Map<string, Response | null>;
  /** Index in `questions` of the first question without an answer (questions.length: all answered). */
  start: number;
  dropped: DroppedAnswer[];
}

/** The most recently updated unfinished attempt of the quiz, or null. */
export function lastUnfinished(history: readonly Attempt[], quizId: string): Attempt | null {
  let last: Attempt | null = null;
  for (const attempt of history) {
    if (attempt.quiz.id !== quizId || attempt.finishedAt !== null) continue;
    if (last === null || Date.parse(attempt.updatedAt) > Date.parse(last.updatedAt) || (attempt.updatedAt === last.updatedAt && attempt.id > last.id)) last = attempt;
  }
  return last;
}

/** Whether a saved response can be read against the question (its kind, and indices in range). */
export function fits(question: Question, response: Response): boolean {
  return sameKind(question, response) && kindOf(question).fits(question, response);
}

export function planResume(quiz: Quiz, history: readonly Attempt[]): ResumePlan | null {
  const attempt = lastUnfinished(history, quiz.id);
  if (attempt === null) return null;
  const current = new Map(quiz.questions.map((question) => [question.id, question]));
  const questions: Question[] = [];
  const dropped: DroppedAnswer[] = [];
  for (const saved of attempt.questions) {
    const question = current.get(saved.id);
    if (question === undefined) {
      if (attempt.answers[saved.id] !== undefined) dropped.push({ id: saved.id, number: saved.number, title: saved.title, reason: 'removed' });
      continue;
    }
    questions.push(question);
  }
  if (attempt.whole) {
    const present = new Set(questions.map((question) => question.id));
    questions.push(...quiz.questions.filter((question) => !present.has(question.id)));
  }
  const responses = new Map<string, Response | null>();
  const answers: Attempt['answers'] = {};
  for (const question of questions) {
    const answer = attempt.answers[question.id];
    if (answer === undefined) continue;
    if (answer.hash === question.hash && (answer.response === null || fits(question, answer.response))) {
      responses.set(question.id, answer.response);
      answers[question.id] = answer;
    } else {
      dropped.push({ id: question.id, number: question.number, title: question.title, reason: 'changed' });
    }
  }
  dropped.sort((a, b) => a.number - b.number);
  const start = questions.findIndex((question) => !responses.has(question.id));
  if (questions.length === 0) return null;
  return {
    attempt: { ...attempt, quiz: { id: quiz.id, title: quiz.title, source: quiz.source }, questions: questions.map(asked), answers },
    questions,
    responses,
    start: start === -1 ? questions.length : start,
    dropped,
  };
}

/** One line on what a resume kept, for stderr: `Resuming your attempt from 2 hours ago: 3 answers kept, ...`. */
export function describeResume(plan: ResumePlan, startedAgo: string): string {
  const kept = plan.responses.size;
  const parts = [`Resuming your attempt from ${startedAgo}: ${kept} answer${kept === 1 ? '' : 's'} kept`];
  if (plan.dropped.length > 0) {
    const changed = plan.dropped.filter((item) => item.reason === 'changed').map((item) => item.number);
    const removed = plan.dropped.filter((item) => item.reason === 'removed').map((item) => item.number);
    const said: string[] = [];
    if (changed.length) said.push(`question${changed.length === 1 ? '' : 's'} ${changed.join(', ')} changed since, so ${changed.length === 1 ? 'it is' : 'they are'} asked again`);
    if (removed.length) said.push(`${removed.length} answered question${removed.length === 1 ? ' is' : 's are'} no longer in the quiz`);
    parts.push(`the quiz changed: ${said.join('; ')}`);
  }
  const next = plan.questions[plan.start];
  parts.push(next === undefined ? 'every question is answered' : `continuing at question ${next.number}`);
  return `${parts.join('; ')}.`;
}
