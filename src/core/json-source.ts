/**
 * What JSON.parse forgets about an answers file's text (docs/DESIGN.md section 5, issue 20): a key
 * given twice in one object (JSON.parse keeps the last, silently), and the written form of a number
 * given as an answer (`3.10` parses to 3.1, `1000000000000000000000` to 1e+21). Pure; called only on
 * text JSON.parse has accepted, so it never has to find an error. One pass, no recursion: a value may
 * nest 200,000 levels. Grading a class scans 10,000 files: no object per nesting level or per key
 * beyond the key's text, and the numbers only when asked for.
 */

export interface DuplicateKey {
  /** The keys from the top down to the duplicate one (array positions as numbers). */
  path: (string | number)[];
  /** Offsets of the key's first and second appearance. */
  first: number;
  second: number;
}

export interface JsonSource {
  duplicate: DuplicateKey | null;
  /** `answers.KEY` given as a number: KEY → the number as written (empty unless asked for). */
  numbers: ReadonlyMap<string, string>;
}

const NO_NUMBERS: ReadonlyMap<string, string> = new Map();

/** An object with more keys than this looks its keys up in a Map; fewer are compared one by one. */
const LINEAR_KEYS = 16;

/** A character of a JSON number: `-+.eE` and digits. */
function isNumberChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2b || code === 0x2e || code === 0x65 || code === 0x45;
}

/**
 * `numbers`: also collect the written form of each number given directly as an answer (only a quiz
 * with a short-answer question needs them).
 */
export function scanJsonSource(text: string, numbers = true): JsonSource {
  try {
    return scan(text, numbers);
  } finally {
    // Keep the lists' room for the next file, unless a large or deeply nested text made it large.
    if (at.length > 256 || keys.length > 256) at.length = base.length = index.length = keys.length = offsets.length = 0;
    else index.fill(undefined);
  }
}

// The scanner's working lists, reused from call to call (grading a class scans 10,000 files; the scanner
// runs to its end before it returns, and never calls itself). Per open object or array, from the top
// (`depth` of them): its current key or position, and for an object where its keys begin in `keys`
// (-1 for an array) and, once it has many keys, a Map of them. Then the keys of every open object
// (`count` of them), each object's after its parent's, with their offsets.
const at: (string | number)[] = [];
const base: number[] = [];
const index: (Map<string, number> | undefined)[] = [];
const keys: string[] = [];
const offsets: number[] = [];

function scan(text: string, numbers: boolean): JsonSource {
  let found: Map<string, string> | null = null;
  let depth = 0;
  let count = 0;
  let expectKey = false;
  const length = text.length;
  // The next backslash at or after the string being skipped (`length` for none), found once per backslash.
  let slash = -1;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      // A string: skip to its closing quote, noting an escape. Without a backslash before the next quote
      // (almost every string), indexOf finds the end; else character by character.
      const start = i;
      let escaped = false;
      if (slash < start) slash = text.indexOf('\\', start);
      if (slash < 0) slash = length;
      const quote = text.indexOf('"', start + 1);
      if (quote >= 0 && quote < slash) i = quote + 1;
      else {
        i += 1;
        for (;;) {
          const inside = text.charCodeAt(i);
          if (inside === 0x22) {
            i += 1;
            break;
          }
          if (inside === 0x5c) {
            escaped = true;
            i += 2;
          } else i += 1;
          if (i >= length) {
            i = length;
            break;
          }
        }
      }
      if (!expectKey) continue;
      expectKey = false;
      const top = depth - 1;
      const key = escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
      const from = base[top]!;
      const map = index[top];
      let first = -1;
      if (map !== undefined) first = map.get(key) ?? -1;
      else {
        for (let k = from; k < count; k += 1) {
          if (keys[k] === key) {
            first = offsets[k]!;
            break;
          }
        }
      }
      if (first >= 0) return { duplicate: { path: [...at.slice(0, top), key], first, second: start }, numbers: found ?? NO_NUMBERS };
      keys[count] = key;
      offsets[count] = start;
      count += 1;
      if (map !== undefined) map.set(key, start);
      else if (count - from > LINEAR_KEYS) {
        const made = new Map<string, number>();
        for (let k = from; k < count; k += 1) made.set(keys[k]!, offsets[k]!);
        index[top] = made;
      }
      at[top] = key;
    } else if (code === 0x7b) {
      at[depth] = '';
      base[depth] = count;
      index[depth] = undefined;
      depth += 1;
      expectKey = true;
      i += 1;
    } else if (code === 0x5b) {
      at[depth] = 0;
      base[depth] = -1;
      index[depth] = undefined;
      depth += 1;
      i += 1;
    } else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
      const from = base[depth]!;
      if (from >= 0) {
        count = from;
        index[depth] = undefined;
      }
      expectKey = false;
      i += 1;
    } else if (code === 0x2c) {
      const top = depth - 1;
      if (top >= 0) {
        if (base[top]! >= 0) expectKey = true;
        else at[top] = (at[top] as number) + 1;
      }
      i += 1;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      const start = i;
      i += 1;
      while (i < length && isNumberChar(text.charCodeAt(i))) i += 1;
      if (numbers && depth === 2 && at[0] === 'answers' && base[0]! >= 0 && base[1]! >= 0) (found ??= new Map()).set(String(at[1]), text.slice(start, i));
    } else {
      i += 1; // white space, ':', and the letters of true, false and null
    }
  }
  return { duplicate: null, numbers: found ?? NO_NUMBERS };
}
