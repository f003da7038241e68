/** normalizeText (src/core/text.ts): its shortcut for plain ASCII gives what the full normalisation gives. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalizeText } from '../../src/core/text.js';

const full = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

test.each(['B', 'b', 'Blue/green deployment', ' B', 'B ', 'a  b', 'a\tb', 'e\u0301', 'Ä', '', ' ', 'x\u00a0y', 'İ'])('%j', (text) => {
  expect(normalizeText(text)).toBe(full(text));
});

test('on any text, mostly ASCII with spaces, tabs and combining marks', () => {
  const piece = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u0301', 'É', 'ǅ'), fc.string({ unit: 'binary', maxLength: 3 }));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), (text) => {
      expect(normalizeText(text)).toBe(full(text));
    }),
    { numRuns: 3000 },
  );
});
