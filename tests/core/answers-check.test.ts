/**
 * checkAnswerSheet (src/core/answers.ts) is the AnswerSheet zod schema's verdict without zod: grading
 * a class asks it 10,000 times, and consults zod only when it says no. It must never accept what zod
 * refuses, and when it accepts, it gives the sheet zod gives. Checked on every answers fixture and on
 * generated JSON texts close to answers files (read with JSON.parse, as files are: `__proto__` is then
 * a plain own key, and 1e999 is Infinity).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AnswerSheet, checkAnswerSheet } from '../../src/core/answers.js';

function agree(text: string): { zod: boolean; check: boolean } {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { zod: false, check: false };
  const parsed = AnswerSheet.safeParse(data);
  const checked = checkAnswerSheet(data as Record<string, unknown>);
  if (checked !== null) {
    expect(parsed.success, text).toBe(true);
    expect(checked, text).toEqual(parsed.data);
  }
  return { zod: parsed.success, check: checked !== null };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

// JSON texts: scalars (including numbers too large for a double), arrays and objects of them, with the
// keys that matter to an answers file and to JavaScript objects.
const key = fc.constantFrom('$schema', 'quiz', 'answers', '__proto__', 'constructor', 'toString', '1', '2', 'a', '');
const scalar = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '2', '-1.5', '1e999', '-1e999', '""', '"B"', '"__proto__"'),
  fc.string({ maxLength: 6 }).map((text) => JSON.stringify(text)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
}));
const objectOf = (item: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(fc.tuple(fc.oneof(key, fc.string({ maxLength: 4 })), item), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
// Mostly shaped like answers (picks, orderings, matchings), so that both verdicts come up often.
const answerValue = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  objectOf(fc.oneof(fc.constantFrom('null', '"x"', '"__proto__"'), scalar)),
  value,
);
const answerObject = fc.array(fc.tuple(fc.oneof(key, fc.string({ maxLength: 4 })), answerValue), { maxLength: 5 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
const sheetText = fc
  .tuple(fc.option(fc.oneof(scalar, value)), fc.option(fc.oneof(scalar, value)), fc.oneof({ arbitrary: answerObject, weight: 4 }, { arbitrary: value, weight: 1 }), fc.option(fc.tuple(key, value)))
  .map(([schema, quiz, answers, extra]) => {
    const entries = [`"answers":${answers}`];
    if (schema !== null) entries.push(`"$schema":${schema}`);
    if (quiz !== null) entries.push(`"quiz":${quiz}`);
    if (extra !== null) entries.push(`${JSON.stringify(extra[0])}:${extra[1]}`);
    return `{${entries.join(',')}}`;
  });

describe('checkAnswerSheet agrees with the AnswerSheet schema', () => {
  test.each(jsonFiles('tests/fixtures'))('%s', (file) => {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    if (!valid) return; // not JSON: neither is asked
    const { zod, check } = agree(text);
    // Leaving a valid sheet to zod is allowed only for the `__proto__` case; fixtures have none otherwise.
    if (!text.includes('__proto__')) expect(check).toBe(zod);
  });

  test.each([
    ['{"answers": {}}', true],
    ['{"answers": {"1": "B", "2": 3, "3": ["a", 2], "4": {"x": "y", "z": null}, "5": true, "6": null}, "quiz": "q", "$schema": "s"}', true],
    ['{"answers": {"1": 1e999}}', false],
    ['{"answers": {"1": [1e999]}}', false],
    ['{"answers": {"1": [null]}}', false],
    ['{"answers": {"1": [[]]}}', false],
    ['{"answers": {"1": {"x": 1}}}', false],
    ['{"answers": {"1": {"x": {}}}}', false],
    ['{"answers": []}', false],
    ['{"answers": null}', false],
    ['{"answers": {}, "quiz": null}', false],
    ['{"answers": {}, "$schema": 1}', false],
    ['{}', false],
    ['{"answers": {"constructor": "B", "toString": {"constructor": null}}}', true],
  ])('%s: %s', (text, valid) => {
    const { zod, check } = agree(text);
    expect(zod).toBe(valid);
    expect(check).toBe(valid);
  });

  test('a `__proto__` key is left to zod, which has the last word', () => {
    expect(agree('{"answers": {"__proto__": 5}}')).toEqual({ zod: true, check: false });
    expect(agree('{"answers": {"1": {"__proto__": 5}}}')).toEqual({ zod: true, check: false });
  });

  test('on any generated sheet: never accepts what zod refuses, and accepts what zod accepts unless `__proto__` is in it', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(sheetText, (text) => {
        const { zod, check } = agree(text);
        if (!text.includes('"__proto__":')) expect(check).toBe(zod);
        if (check) accepted += 1;
        else refused += 1;
      }),
      { numRuns: 3000 },
    );
    // Both outcomes are exercised, or the property proves little.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });
});
