/**
 * Where JSON text goes wrong, for a one-line message with line and column. V8's own messages give a
 * position only for some errors ("Unexpected token 'o', "<the whole input>" is not valid JSON" gives
 * none, and quotes the input, newlines and all), so we find the first offending character ourselves.
 * Pure; called only after JSON.parse has failed.
 */
export interface JsonProblem {
  offset: number;
  reason: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function findJsonProblem(text: string): JsonProblem {
  let i = 0;
  const fail = (reason: string): never => {
    throw { offset: i, reason } satisfies JsonProblem;
  };
  const skip = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i += 1;
  };
  const describeHere = (): string => (i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`);
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describeHere());
  };
  const string = (): void => {
    i += 1; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i += 1;
        return;
      }
      if (code < 0x20) fail('a control character (such as a line break) inside a string; write it as \\n');
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('a bad \\u escape in a string');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail('a bad escape in a string');
      } else i += 1;
    }
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail(describeHere());
    i += match![0].length;
  };
  /** `{…}` or `[…]`, the opening bracket at `i`: members separated by commas up to `close`. */
  const sequence = (close: '}' | ']', member: () => void): void => {
    i += 1;
    skip();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      member();
      skip();
      if (text[i] === close) {
        i += 1;
        return;
      }
      if (text[i] !== ',') fail(`${describeHere()}; expected ',' or '${close}'`);
      i += 1;
    }
  };
  const value = (depth: number): void => {
    // Recursive: a bound well inside the stack, whatever the caller has used of it (an answers file nests 3 levels).
    if (depth > 1_000) fail('arrays or objects nested more than 1,000 levels deep');
    skip();
    const ch = text[i];
    if (ch === '{') {
      return sequence('}', () => {
        skip();
        if (text[i] !== '"') fail(`${describeHere()}; expected a double-quoted property name`);
        string();
        skip();
        if (text[i] !== ':') fail(`${describeHere()}; expected ':' after a property name`);
        i += 1;
        value(depth + 1);
      });
    }
    if (ch === '[') return sequence(']', () => value(depth + 1));
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail(describeHere());
  };
  try {
    value(0);
    skip();
    if (i < text.length) fail(`${describeHere()} after the JSON value`);
  } catch (problem) {
    if (typeof problem === 'object' && problem !== null && 'offset' in problem) return problem as JsonProblem;
    throw problem;
  }
  return { offset: 0, reason: 'not valid JSON' };
}
