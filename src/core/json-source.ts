/**
 * What JSON.parse forgets about an answers file's text (docs/DESIGN.md section 5, issue 20): a key
 * given twice in one object (JSON.parse keeps the last, silently), and the written form of a number
 * given as an answer (`3.10` parses to 3.1, `1000000000000000000000` to 1e+21). Pure; called only on
 * text JSON.parse has accepted, so it never has to find an error. One pass, no recursion: a value may
 * nest 200,000 levels.
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
  /** `answers.KEY` given as a number: KEY → the number as written. */
  numbers: Map<string, string>;
}

interface Frame {
  /** Keys seen so far (an object), or null (an array). */
  keys: Map<string, number> | null;
  /** The current key (an object) or position (an array). */
  at: string | number;
}

/** The offset just past the string that starts (with its quote) at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    i += code === 0x5c ? 2 : 1;
    if (i >= text.length) return text.length;
  }
}

const NUMBER_CHAR = /[-+.eE0-9]/;

export function scanJsonSource(text: string): JsonSource {
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
      i = endOfString(text, i);
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
      while (i < text.length && NUMBER_CHAR.test(text[i]!)) i += 1;
      if (stack.length === 2 && stack[0]!.at === 'answers' && stack[1]!.keys !== null) numbers.set(String(stack[1]!.at), text.slice(start, i));
    } else {
      i += 1; // white space, ':', and the letters of true, false and null
    }
  }
  return { duplicate: null, numbers };
}
