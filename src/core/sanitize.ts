/**
 * Text from a quiz or an answers file is never written to a terminal raw (docs/DESIGN.md section 8).
 * Escape sequences (CSI, OSC, DCS/SOS/PM/APC, 7-bit and 8-bit) are removed whole, then every
 * remaining control character but tab and newline: C0, DEL and C1.
 *
 * One rule for invisible characters (docs/HOSTILE-INPUT.md): those that change direction (the bidi
 * embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, and the marks LRM U+200E, RLM
 * U+200F, ALM U+061C) and those that hide text (zero width space U+200B, word joiner and invisible
 * operators U+2060-U+2064, a BOM inside text U+FEFF) are shown to people as `<U+XXXX>` and removed for
 * machines; the line and paragraph separators U+2028 and U+2029 are line breaks (a space in a one-line
 * text). The joiners U+200C and U+200D are kept: emoji and several scripts need them.
 */

// ESC-introduced strings (OSC ], DCS P, SOS X, PM ^, APC _) and their 8-bit forms, ended by BEL or ST.
const STRING_SEQUENCE = /(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// CSI: ESC [ or 8-bit 0x9b, parameters, intermediates, one final byte.
const CSI_SEQUENCE = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
// Other escapes: ESC followed by intermediates and one final character.
const ESC_SEQUENCE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SEPARATOR = /[\u2028\u2029]/g;

// Every sequence above starts with, and every change below needs, one of these: a text without them is
// returned as it is, without five regular-expression passes (a class report sanitises every file name).
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Removes escape sequences and control characters; keeps tab and newline; `\r\n` becomes `\n`. */
export function stripControls(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(/\r\n/g, '\n')
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(ESC_SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(SEPARATOR, '\n');
}

/** For people: controls removed, bidirectional controls shown as `<U+XXXX>`. */
export function sanitize(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return stripControls(text).replace(BIDI, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** For one-line messages (errors, warnings): `sanitize`, with line breaks and tabs shown as one space. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/[\t\n]+/g, ' ');
}

/** For machine formats that cannot show them (JUnit, TAP): controls and bidi characters removed. */
export function stripForMachines(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return stripControls(text).replace(BIDI, '');
}

/**
 * JSON for a terminal or a file: `JSON.stringify` leaves DEL, C1, bidirectional controls and line
 * separators raw; write them as `\u` escapes (they only ever occur inside strings).
 */
export function safeJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string in double quotes for a message, as JSON writes it, with DEL, C1 and bidi controls escaped too. */
export function quote(text: string): string {
  return safeJson(text, 0);
}
