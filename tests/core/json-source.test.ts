/**
 * scanJsonSource (src/core/json-source.ts) finds a key given twice and keeps the written form of numbers
 * given as answers, in one pass over the text. It was rewritten for speed (grading a class scans
 * 10,000 files: no Map and no object per nesting level); `reference` below is the scanner as it was
 * (issue 20), and the two must agree on every answers fixture and on generated JSON texts: nested
 * objects and arrays, repeated keys (spelt with escapes too), objects of many keys (past the point where
 * the scanner switches from comparing keys one by one to a Map), numbers at every depth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scanJsonSource, type JsonSource } from '../../src/core/json-source.js';

/** The scanner before the speed work, as the reference. */
function reference(text: string): JsonSource {
  interface Frame {
    keys: Map<string, number> | null;
    at: string | number;
  }
  const endOfString = (start: number): number => {
    let i = start + 1;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === 0x22) return i + 1;
      i += code === 0x5c ? 2 : 1;
      if (i >= text.length) return text.length;
    }
  };
  const numbers = new Map<string, string>();
  const stack: Frame[] = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x7b) {
      stack.push({ keys: new Map(), at: '' });
      expectKey = true;
      i += 1;
    } else if (code === 0x5b) {
      stack.push({ keys: null, at: 0 });
      i += 1;
    } else if (code === 0x7d || code === 0x5d) {
      stack.pop();
      expectKey = false;
      i += 1;
    } else if (code === 0x2c) {
      const top = stack.at(-1);
      if (top?.keys) expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
      i += 1;
    } else if (code === 0x22) {
      const start = i;
      i = endOfString(i);
      const top = stack.at(-1);
      if (expectKey && top?.keys) {
        const written = text.slice(start, i);
        const key = written.includes('\\') ? (JSON.parse(written) as string) : written.slice(1, -1);
        const first = top.keys.get(key);
        if (first !== undefined) return { duplicate: { path: [...stack.slice(0, -1).map((frame) => frame.at), key], first, second: start }, numbers };
        top.keys.set(key, start);
        top.at = key;
        expectKey = false;
      }
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      const start = i;
      while (i < text.length && /[-+.eE0-9]/.test(text[i]!)) i += 1;
      if (stack.length === 2 && stack[0]!.at === 'answers' && stack[1]!.keys !== null) numbers.set(String(stack[1]!.at), text.slice(start, i));
    } else {
      i += 1;
    }
  }
  return { duplicate: null, numbers };
}

const seen = { duplicates: 0, numbers: 0, manyKeys: 0 };

/** The most keys of any object in a parsed value. */
function widest(data: unknown): number {
  let most = 0;
  const todo = [data];
  while (todo.length > 0) {
    const one = todo.pop();
    if (typeof one !== 'object' || one === null) continue;
    const values = Object.values(one);
    if (!Array.isArray(one)) most = Math.max(most, values.length);
    todo.push(...values);
  }
  return most;
}

function agree(text: string): void {
  const data: unknown = JSON.parse(text); // the scanner is only ever given text JSON.parse accepts
  const expected = reference(text);
  if (expected.duplicate !== null) seen.duplicates += 1;
  if (expected.numbers.size > 0) seen.numbers += 1;
  if (widest(data) > 16) seen.manyKeys += 1;
  const got = scanJsonSource(text);
  expect(got.duplicate, text).toEqual(expected.duplicate);
  expect([...got.numbers], text).toEqual([...expected.numbers]);
  // Without the numbers asked for, the same duplicate and no numbers.
  const bare = scanJsonSource(text, false);
  expect(bare.duplicate, text).toEqual(expected.duplicate);
  expect(bare.numbers.size, text).toBe(0);
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

// Keys that collide often (an escape spells "1" or "a" too), and many distinct ones for big objects.
const keyText = fc.oneof(
  fc.constantFrom('"answers"', '"quiz"', '"1"', '"\\u0031"', '"a"', '"\\u0061"', '"__proto__"', '""', '"x\\"y"', '"\\\\"'),
  fc.integer({ min: 0, max: 40 }).map((n) => `"k${n}"`),
);
const scalar = fc.oneof(
  fc.constantFrom('null', 'true', 'false', '0', '3.10', '-1.5e+3', '1000000000000000000000', '"B"', '"1, 2"', '"{\\"a\\": 1}"'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 5 }).map((text) => JSON.stringify(text)),
);
const space = fc.constantFrom('', ' ', '\n  ', '\t');
const { value } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(keyText, space, tie('value')), { maxLength: 24 })
      .map((pairs) => `{${pairs.map(([key, gap, item]) => `${gap}${key}${gap}:${gap}${item}`).join(',')}}`),
  ),
}));
// Shaped like an answers file: {"answers": {...}} with numbers given directly as answers.
const answersFile = fc
  .array(fc.tuple(keyText, fc.oneof(scalar, value)), { maxLength: 30 })
  .map((pairs) => `{"answers": {${pairs.map(([key, item]) => `${key}: ${item}`).join(', ')}}}`);

// Objects of many distinct keys (the Map path), with at most one key given again, at any place.
const wide = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 17, maxLength: 60 }),
    fc.option(fc.tuple(fc.nat(), fc.nat())),
    fc.array(fc.oneof(scalar, value), { minLength: 60, maxLength: 60 }),
  )
  .map(([ids, twice, items]) => {
    const keys = ids.map((id) => `"w${id}"`);
    if (twice !== null) {
      const [a, b] = [twice[0] % keys.length, twice[1] % keys.length];
      if (a !== b) keys[Math.max(a, b)] = keys[Math.min(a, b)]!.replace('w', '\\u0077');
    }
    return `{"answers": {${keys.map((key, index) => `${key}: ${items[index]}`).join(', ')}}}`;
  });

describe('scanJsonSource agrees with the scanner it replaced', () => {
  test('on every answers fixture', () => {
    let count = 0;
    for (const file of jsonFiles('tests/fixtures')) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      try {
        JSON.parse(text);
      } catch {
        continue;
      }
      agree(text);
      count += 1;
    }
    expect(count).toBeGreaterThan(10);
  });

  test('on generated JSON texts', () => {
    const before = { ...seen };
    fc.assert(fc.property(fc.oneof(value, answersFile, wide), (text) => agree(text)), { numRuns: 2000 });
    // The draws reach what matters: duplicates, numbers kept, and objects of many keys.
    expect(seen.duplicates - before.duplicates).toBeGreaterThan(100);
    expect(seen.numbers - before.numbers).toBeGreaterThan(100);
    expect(seen.manyKeys - before.manyKeys).toBeGreaterThan(50);
  });

  test('a duplicate among many keys (looked up in a Map) names both places', () => {
    const keys = Array.from({ length: 40 }, (_, n) => `"k${n}": ${n}`);
    const text = `{"answers": {${keys.join(', ')}, "k7": 1}}`;
    const { duplicate } = scanJsonSource(text);
    expect(duplicate).toEqual({ path: ['answers', 'k7'], first: text.indexOf('"k7"'), second: text.lastIndexOf('"k7"') });
    agree(text);
  });

  test('nothing carries over from one text to the next (the scanner reuses its working lists)', () => {
    const keys = Array.from({ length: 40 }, (_, n) => `"k${n}": ${n}`).join(', ');
    // Left in the middle of a wide object (its keys in a Map) and of a deep one.
    expect(scanJsonSource(`{"answers": {${keys}, "k3": 0}}`).duplicate).not.toBeNull();
    expect(scanJsonSource(`{"a": {"b": {"c": [{"d": 1, "d": 2}]}}}`).duplicate?.path).toEqual(['a', 'b', 'c', 0, 'd']);
    expect(scanJsonSource(`{"answers": {${keys}}}`).duplicate).toBeNull();
    expect(scanJsonSource('{"d": 1, "answers": {"k3": 1}}').duplicate).toBeNull();
    expect([...scanJsonSource('{"answers": {"k3": 3.10}}').numbers]).toEqual([['k3', '3.10']]);
  });

  test('a key given again after a nested object closed is still a duplicate; one inside it is not', () => {
    agree('{"answers": {"1": {"1": 2, "2": [{"1": 1}]}, "2": 3, "1": 4}}');
    expect(scanJsonSource('{"answers": {"1": {"1": 2}, "2": 3}}').duplicate).toBeNull();
  });
});
