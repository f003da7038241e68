/**
 * The answers file (docs/DESIGN.md section 5): its zod schema (the source of the published JSON Schema)
 * and reading it from text into a validated object, every problem one line with its JSON path.
 */
// zod/mini: the same zod 4 core and JSON Schema, a twentieth of the start-up cost of the classic API
// (the answers file is read on every `run --answers`; docs/SPEED.md).
import * as z from 'zod/mini';
import './kinds/base.js'; // zod's English messages
import { quote } from './sanitize.js';
import { findJsonProblem } from './json-error.js';
import { scanJsonSource } from './json-source.js';

const Pick = z.union([z.string(), z.number()]);

export const AnswerValue = z
  .union([
    z.null(),
    z.boolean(),
    z.string(),
    z.number(),
    z.array(Pick),
    z.record(z.string(), z.union([z.string(), z.null()])),
  ])
  .check(
    z.describe(
      'single choice: a letter ("B"), a 1-based number (2) or the option text; multiple choice: an array of those; ' +
        'ordering: an array of the item texts; matching: an object {"left item": "right value"}; short answer: a string; ' +
        'numeric: a number or a string holding one; fill in the blanks: an array of strings, one per gap (a string for one gap); ' +
        'self-assessed: a boolean (not scored); null: unanswered',
    ),
  );
export type AnswerValue = z.infer<typeof AnswerValue>;

export const AnswerSheet = z
  .object({
    $schema: z.optional(z.string().check(z.describe('Optional, ignored by grading.'))),
    quiz: z.optional(z.string().check(z.describe('Optional quiz id; a mismatch is an input error.'))),
    answers: z
      .record(z.string(), AnswerValue)
      .check(z.describe('Keyed by question id, or by its number as a string ("1" for the first question).')),
  })
  .check(z.describe('An mlops-quiz answers file.'));
export type AnswerSheet = z.infer<typeof AnswerSheet>;

/** One problem in an answers file: `path` is a JSON path such as `answers["3"]` (or `line:column`). */
export interface AnswersProblem {
  path: string;
  message: string;
}

/**
 * An answers file that cannot be graded. `path` and `message` are its first problem; `problems` holds
 * every problem found in one reading, that one first (docs/DESIGN.md section 5; issue 17).
 */
export class AnswersError extends Error {
  override name = 'AnswersError';
  readonly path: string;
  readonly problems: readonly AnswersProblem[];
  constructor(path: string, message: string, more: readonly AnswersProblem[] = []) {
    super(message);
    this.path = path;
    this.problems = [{ path, message }, ...more];
  }

  /** The error of one or more problems (the first is the error's own). */
  static of(problems: readonly AnswersProblem[]): AnswersError {
    const [first, ...more] = problems;
    return new AnswersError(first!.path, first!.message, more);
  }
}

/** `answers["key"]`-style path for a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key) && out === '') out += key;
    else out += `[${quote(String(key))}]`;
  }
  return out || '(top level)';
}

/** Line and column of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON numbers beyond 1.8e308 parse as Infinity: in the value or among its items (not deeper: a value may nest 100,000 levels). */
function containsInfinity(value: unknown): boolean {
  const infinite = (one: unknown): boolean => typeof one === 'number' && !Number.isFinite(one);
  if (infinite(value)) return true;
  return typeof value === 'object' && value !== null && Object.values(value).some(infinite);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isFiniteNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/** What zod's record accepts as an object: not null, not an array (every object JSON.parse makes is plain). */
const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** AnswerValue's union, branch by branch (a record of `__proto__` alone is left to zod, like the sheet's). */
function isAnswerValue(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) {
        for (const pick of value as unknown[]) if (typeof pick !== 'string' && !isFiniteNumber(pick)) return false;
        return true;
      }
      if (Object.hasOwn(value, '__proto__')) return false;
      const pairs = value as Record<string, unknown>;
      for (const key of Object.keys(pairs)) {
        const right = pairs[key];
        if (right !== null && typeof right !== 'string') return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * The AnswerSheet schema's verdict without zod, for the common case: the sheet as zod would give it
 * when the data is valid, null when it is not (or holds a `__proto__` key, which zod's records skip).
 * zod itself is consulted on null, so that it alone phrases every error (and has the last word);
 * tests/core/answers-check.test.ts checks the two agree. Grading a class reads 10,000 sheets.
 */
export function checkAnswerSheet(data: Record<string, unknown>): AnswerSheet | null {
  const { $schema, quiz, answers } = data;
  if ($schema !== undefined && typeof $schema !== 'string') return null;
  if (quiz !== undefined && typeof quiz !== 'string') return null;
  if (!isJsonObject(answers) || Object.hasOwn(answers, '__proto__')) return null;
  for (const key of Object.keys(answers)) if (!isAnswerValue(answers[key])) return null;
  const sheet: AnswerSheet = { answers: answers as Record<string, AnswerValue> };
  if ($schema !== undefined) sheet.$schema = $schema;
  if (quiz !== undefined) sheet.quiz = quiz;
  return sheet;
}

/** A zod issue of the sheet's shape as one problem, with what is accepted there. */
function shapeProblem(data: Record<string, unknown>, issue: { path: readonly PropertyKey[]; message: string }): AnswersProblem {
  if (issue.path.length === 1 && issue.path[0] === 'answers') {
    const got = data.answers;
    return {
      path: 'answers',
      message:
        got === undefined
          ? 'missing: expected "answers": an object keyed by question id or number'
          : `is ${describe(got)}; expected an object keyed by question id or number`,
    };
  }
  if (issue.path[0] === 'answers' && issue.path.length >= 2) {
    const value: unknown = (data as { answers: Record<string, unknown> }).answers[String(issue.path[1])];
    const huge = containsInfinity(value);
    return {
      path: jsonPath(issue.path.slice(0, 2)),
      message: `${huge ? 'holds a number too large to read' : 'cannot be read as an answer'}; accepted: a string, a number, an array of them, an object of strings (matching), a boolean or null`,
    };
  }
  return { path: jsonPath(issue.path), message: `${issue.message.toLowerCase()}; "$schema" and "quiz" are optional strings` };
}

/**
 * Reads an answers file's text. Returns the raw parsed object (own keys kept as they are, so that
 * `__proto__` stays a plain key) once its shape is valid; throws AnswersError otherwise, with every
 * problem of the shape.
 */
export function readAnswerSheet(
  text: string,
  /** Whether to keep the written form of numbers given as answers (`numbers`; else it is empty). */
  numbers = true,
): { sheet: AnswerSheet; raw: Record<string, unknown>; warnings: string[]; numbers: ReadonlyMap<string, string> } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const problem = findJsonProblem(body);
    const place = lineColumn(body, problem.offset);
    throw new AnswersError(`${place.line}:${place.column}`, `not valid JSON (${problem.reason}); expected an object like {"answers": {"1": "B"}}`);
  }
  // JSON.parse keeps the last of a key given twice, silently: an input error naming both places.
  const source = scanJsonSource(body, numbers);
  if (source.duplicate !== null) {
    const { path, first, second } = source.duplicate;
    const at = (offset: number): string => {
      const place = lineColumn(body, offset);
      return `${place.line}:${place.column}`;
    };
    throw new AnswersError(jsonPath(path), `the key ${quote(String(path.at(-1)))} is given twice, at ${at(first)} and at ${at(second)}; keep one`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AnswersError('(top level)', `the file holds ${describe(data)}; expected an object like {"answers": {"1": "B"}}`);
  }
  const checked = checkAnswerSheet(data as Record<string, unknown>);
  const parsed = checked === null ? AnswerSheet.safeParse(data) : { success: true as const, data: checked };
  if (!parsed.success) {
    // Every issue zod found, one problem per place (an answer that fails every branch of the union
    // gives several issues at one path).
    const problems = new Map<string, AnswersProblem>();
    for (const issue of parsed.error.issues) {
      const problem = shapeProblem(data as Record<string, unknown>, issue);
      if (!problems.has(problem.path)) problems.set(problem.path, problem);
    }
    throw AnswersError.of([...problems.values()]);
  }
  const raw = data as Record<string, unknown>;
  const warnings: string[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== '$schema' && key !== 'quiz' && key !== 'answers') warnings.push(`unknown key ${quote(key)} is ignored (known: "$schema", "quiz", "answers")`);
  }
  return { sheet: parsed.data, raw, warnings, numbers: source.numbers };
}
