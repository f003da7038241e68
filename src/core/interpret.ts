/**
 * Reads an answers file's values into responses for a quiz (docs/DESIGN.md section 5); each kind reads
 * its own values (kinds/). Every value that cannot be read for its question is a problem naming the
 * question and what is accepted; all of a file's problems are found in one reading and thrown together
 * as one AnswersError (issue 17).
 */
import { AnswersError, type AnswerSheet, type AnswersProblem } from './answers.js';
import { kindOf, type Fail, type Question, type Response } from './kinds/index.js';
import type { Quiz } from './quiz.js';
import { quote } from './sanitize.js';

function listIds(quiz: Quiz): string {
  const ids = quiz.questions.map((question) => question.id);
  const shown = ids.slice(0, 6).join(', ');
  return ids.length > 6 ? `${shown}, … (see \`mlops-quiz template\`)` : shown;
}

function label(question: Question): string {
  return `question ${question.number} "${question.title}"`;
}

function keyPath(key: string): string {
  return `answers[${quote(key)}]`;
}

// Questions by id, remembered per question list (the first of an id wins, as a search in order would).
const byIds = new WeakMap<readonly Question[], { count: number; byId: Map<string, Question> }>();

/** The question a key names: its id first, then its 1-based number. */
export function questionFor(quiz: Quiz, key: string): Question | undefined {
  let index = byIds.get(quiz.questions);
  if (index === undefined || index.count !== quiz.questions.length) {
    const byId = new Map<string, Question>();
    for (const question of quiz.questions) if (!byId.has(question.id)) byId.set(question.id, question);
    index = { count: quiz.questions.length, byId };
    byIds.set(quiz.questions, index);
  }
  const byId = index.byId.get(key);
  if (byId) return byId;
  if (/^[1-9]\d*$/.test(key)) return quiz.questions[Number(key) - 1];
  return undefined;
}

/** Reads every answer; throws an AnswersError with every problem (nothing is graded from a file with one). */
export function interpretAnswers(quiz: Quiz, sheet: AnswerSheet, raw: Record<string, unknown>): Map<string, Response | null> {
  const problems: AnswersProblem[] = [];
  if (sheet.quiz !== undefined && sheet.quiz !== quiz.id) {
    problems.push({ path: 'quiz', message: `is ${quote(sheet.quiz)} but this quiz's id is ${quote(quiz.id)}; remove "quiz" or set it to ${quote(quiz.id)}` });
  }
  const answers = raw.answers as Record<string, unknown>;
  const given = new Map<string, Response | null>();
  const keys = Object.keys(answers);
  for (const key of keys) {
    const question = questionFor(quiz, key);
    if (!question) {
      problems.push({
        path: keyPath(key),
        message: `no question has the id or number ${quote(key)}; accepted: a question id (${listIds(quiz)}) or a number from 1 to ${quiz.questions.length}`,
      });
      continue;
    }
    if (given.has(question.id)) {
      const earlier = keys.find((one) => questionFor(quiz, one)?.id === question.id)!;
      problems.push({ path: keyPath(key), message: `${label(question)} is answered twice, as ${quote(earlier)} and as ${quote(key)}; keep one` });
      continue;
    }
    try {
      given.set(question.id, readAnswer(question, answers[key], key));
    } catch (error) {
      if (!(error instanceof AnswersError)) throw error;
      // Marked as given, so that the same question under its other key is still reported as twice.
      given.set(question.id, null);
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw AnswersError.of(problems);
  return given;
}

/**
 * One value (given under `key` in the answers file) for one question; null when it is left unanswered
 * (null, or a self-assessed boolean). Messages are built only on an error.
 */
export function readAnswer(question: Question, value: unknown, key: string): Response | null {
  if (value === null || value === undefined) return null;
  try {
    return kindOf(question).readAnswer(question, value, fail);
  } catch (error) {
    if (error instanceof Unreadable) throw new AnswersError(keyPath(key), `${label(question)}: ${error.reason}; accepted: ${error.accepted}`);
    throw error;
  }
}

/** What a kind's reader throws through `fail`; readAnswer words it with the question and the key. */
class Unreadable extends Error {
  constructor(
    readonly reason: string,
    readonly accepted: string,
  ) {
    super(reason);
  }
}

// One `fail` for every answer (a class of 10,000 files reads some 60,000 answers: no closure for each).
const fail: Fail = (reason, accepted) => {
  throw new Unreadable(reason, accepted);
};
