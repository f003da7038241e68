/**
 * Reads an answers file's values into responses for a quiz (DESIGN.md section 5). Every value that
 * cannot be read for its question is an AnswersError naming the question and what is accepted.
 */
import type { ChoiceQuestion, Question, Quiz } from '../quiz/model.js';
import { choiceNamed, itemNamed, leftNamed, matchChoices, optionNamed } from '../quiz/questions.js';
import { letterFor, normalizeText } from '../quiz/text.js';
import { AnswersError, type AnswerSheet } from './answers.js';
import type { Response } from './response.js';
import { quote } from '../render/sanitize.js';

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

/** Reads every answer; throws the first AnswersError (nothing is graded from a file with one). */
export function interpretAnswers(quiz: Quiz, sheet: AnswerSheet, raw: Record<string, unknown>): Map<string, Response | null> {
  if (sheet.quiz !== undefined && sheet.quiz !== quiz.id) {
    throw new AnswersError('quiz', `is ${quote(sheet.quiz)} but this quiz's id is ${quote(quiz.id)}; remove "quiz" or set it to ${quote(quiz.id)}`);
  }
  const answers = raw.answers as Record<string, unknown>;
  const given = new Map<string, Response | null>();
  const keys = Object.keys(answers);
  for (const key of keys) {
    const question = questionFor(quiz, key);
    if (!question) {
      throw new AnswersError(
        keyPath(key),
        `no question has the id or number ${quote(key)}; accepted: a question id (${listIds(quiz)}) or a number from 1 to ${quiz.questions.length}`,
      );
    }
    if (given.has(question.id)) {
      const earlier = keys.find((one) => questionFor(quiz, one)?.id === question.id)!;
      throw new AnswersError(keyPath(key), `${label(question)} is answered twice, as ${quote(earlier)} and as ${quote(key)}; keep one`);
    }
    given.set(question.id, readAnswer(question, answers[key], key));
  }
  return given;
}

/**
 * One value (given under `key` in the answers file) for one question; null when it is left unanswered
 * (null, or a self-assessed boolean). Messages are built only on an error.
 */
export function readAnswer(question: Question, value: unknown, key: string): Response | null {
  if (value === null || value === undefined) return null;
  if (question.kind === 'single') return { kind: 'single', choice: readChoice(question, value, key) };
  if (question.kind === 'multiple') {
    const values = Array.isArray(value) ? value : [value];
    const choices = [...new Set(values.map((one) => readChoice(question, one, key)))];
    return { kind: 'multiple', choices };
  }
  const fail = (reason: string, accepted: string): never => failure(question, key, reason, accepted);
  switch (question.kind) {
    case 'order': {
      const accepted = (): string => `an array of the item texts in your order (${question.items.length} items)`;
      if (!Array.isArray(value)) return fail(`${describe(value)} is not an ordering`, accepted());
      const order: number[] = [];
      for (const one of value) {
        if (typeof one !== 'string') return fail(`${describe(one)} in the ordering is not an item text`, accepted());
        const index = itemNamed(question, normalizeText(one));
        if (index < 0) return fail(`${quote(one)} names no item`, accepted());
        if (order.includes(index)) return fail(`${quote(one)} is given twice`, `${accepted()}, each once`);
        order.push(index);
      }
      return { kind: 'order', order };
    }
    case 'match': {
      const accepted = (): string =>
        `an object {"left item": "right value"} with left items from (${question.pairs.map((pair) => pair.left).join(', ')}) and right values from (${matchChoices(question).join(', ')})`;
      if (typeof value !== 'object' || Array.isArray(value)) return fail(`${describe(value)} is not a matching`, accepted());
      const picks: (number | null)[] = question.pairs.map(() => null);
      const seen = new Set<number>();
      for (const [left, right] of Object.entries(value as Record<string, unknown>)) {
        const index = leftNamed(question, normalizeText(left));
        if (index < 0) return fail(`${quote(left)} names no left item`, accepted());
        if (seen.has(index)) return fail(`the left item ${quote(left)} is given twice`, accepted());
        seen.add(index);
        if (right === null) continue;
        if (typeof right !== 'string') return fail(`${describe(right)} for ${quote(left)} is not a right value`, accepted());
        const pick = choiceNamed(question, normalizeText(right));
        if (pick < 0) return fail(`${quote(right)} names no right value`, accepted());
        picks[index] = pick;
      }
      return { kind: 'match', picks };
    }
    case 'text':
      if (typeof value === 'string') return { kind: 'text', text: value };
      if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'text', text: String(value) };
      return fail(`${describe(value)} is not a short answer`, 'a string');
    case 'self':
      if (typeof value === 'boolean') return null;
      return fail(`${describe(value)} cannot be read for a self-assessed question`, 'true, false, null, or leaving it out (it is not scored)');
  }
}

function failure(question: Question, key: string, reason: string, accepted: string): never {
  throw new AnswersError(keyPath(key), `${label(question)}: ${reason}; accepted: ${accepted}`);
}

function acceptedChoices(question: ChoiceQuestion): string {
  const count = question.options.length;
  return `a letter ${count > 1 ? `A-${letterFor(Math.min(count, 26) - 1)}` : 'A'}, a number from 1 to ${count}, or an option's text${question.kind === 'multiple' ? ' (or an array of those)' : ''}`;
}

function readChoice(question: ChoiceQuestion, value: unknown, key: string): number {
  const count = question.options.length;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= count) return value - 1;
    return failure(question, key, `there is no option ${value}`, acceptedChoices(question));
  }
  if (typeof value === 'string') {
    const given = normalizeText(value);
    const byText = optionNamed(question, given);
    if (byText >= 0) return byText;
    if (/^[a-z]$/.test(given)) {
      const index = given.charCodeAt(0) - 97;
      if (index < count) return index;
      return failure(question, key, `there is no option ${value.trim()}`, acceptedChoices(question));
    }
    return failure(question, key, `${quote(value)} names no option`, acceptedChoices(question));
  }
  return failure(question, key, `${describe(value)} cannot name an option`, acceptedChoices(question));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return quote(value);
  return String(value);
}
