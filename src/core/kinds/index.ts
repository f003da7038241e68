/**
 * The question kinds: the one list of them. A new kind is a module beside this one and a line here,
 * then its asker (src/tui/askers/) and its Markdown section (src/dialects/markdown/read.ts).
 */
import * as z from 'zod/mini';
import type { Kind } from './base.js';
import { blank } from './blank.js';
import { match } from './match.js';
import { multiple } from './multiple.js';
import { numeric } from './numeric.js';
import { order } from './order.js';
import { self } from './self.js';
import { single } from './single.js';
import { text } from './text.js';

export const KINDS = { single, multiple, order, match, text, self, numeric, blank } as const;

type Kinds = typeof KINDS;
type QuestionOf<K extends keyof Kinds> = Kinds[K] extends Kind<infer Q, infer _R> ? Q : never;
type ResponseOf<K extends keyof Kinds> = Kinds[K] extends Kind<infer _Q, infer R> ? R : never;

export type QuestionKind = keyof Kinds;
/** A question of any kind. */
export type Question = { [K in QuestionKind]: QuestionOf<K> }[QuestionKind];
/** A learner's response to a question of any kind: what sessions produce, answers files are read into, and attempts save. */
export type Response = { [K in QuestionKind]: ResponseOf<K> }[QuestionKind];

export const KIND_NAMES = Object.keys(KINDS) as [QuestionKind, ...QuestionKind[]];

type Schemas = [z.ZodMiniObject, ...z.ZodMiniObject[]];
/** The zod schema of any question, from each kind's. */
export const Question = z.discriminatedUnion('kind', Object.values(KINDS).map((kind) => kind.schema) as unknown as Schemas) as unknown as z.ZodMiniType<Question>;
/** The zod schema of any response (saved attempts), from each kind's. */
export const Response = z.discriminatedUnion('kind', Object.values(KINDS).map((kind) => kind.response) as unknown as Schemas) as unknown as z.ZodMiniType<Response>;

/** The module of a question's kind. */
export function kindOf(question: Question): Kind<Question, Response> {
  return KINDS[question.kind] as unknown as Kind<Question, Response>;
}

/** Whether a response is of the question's own kind (a saved or read response always is; anything else scores 0). */
export function sameKind(question: Question, response: Response): boolean {
  return question.kind === response.kind;
}

/** Questions an answers file can score (every kind but self-assessed). */
export function isGradable(question: Question): boolean {
  return kindOf(question).gradedFromAnswers;
}

export type { Fail, Given, Kind, Option, Position } from './base.js';
export type { SingleQuestion } from './single.js';
export type { MultipleQuestion } from './multiple.js';
export type { OrderQuestion } from './order.js';
export type { MatchQuestion } from './match.js';
export type { TextQuestion } from './text.js';
export type { SelfQuestion } from './self.js';
export type { NumericQuestion, NumericAnswer } from './numeric.js';
export type { BlankQuestion } from './blank.js';
export type ChoiceQuestion = QuestionOf<'single'> | QuestionOf<'multiple'>;
