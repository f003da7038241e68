/**
 * Word wrapping of styled text for the terminal: lines never wider than the width, never broken inside a
 * word (a word wider than the line gets a line of its own). Pieces carry their own style, so a bold word
 * next to a comma stays one word. Pure: the style functions are given.
 */
import stringWidth from 'fast-string-width';

/** How many terminal columns a plain string takes (wide characters 2, combining marks 0). */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** The text without its SGR colour sequences. */
export function stripStyle(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

export type Paint = (text: string) => string;
export const plain: Paint = (text) => text;

/** A run of text in one style; `text: '\n'` with `hard` is a forced line break. */
export interface Piece {
  text: string;
  paint: Paint;
  hard?: boolean;
}

interface Word {
  pieces: Piece[];
  width: number;
}

function paintWord(word: Word): string {
  return word.pieces.map((piece) => piece.paint(piece.text)).join('');
}

/** Splits pieces into lines of words: white space separates words, a hard break ends a line. */
function toLines(pieces: readonly Piece[]): Word[][] {
  const lines: Word[][] = [[]];
  let word: Word = { pieces: [], width: 0 };
  const endWord = (): void => {
    if (word.pieces.length) lines[lines.length - 1]!.push(word);
    word = { pieces: [], width: 0 };
  };
  for (const piece of pieces) {
    if (piece.hard) {
      endWord();
      lines.push([]);
      continue;
    }
    for (const part of piece.text.split(/(\s+)/)) {
      if (part === '') continue;
      if (/^\s+$/.test(part)) {
        endWord();
        continue;
      }
      word.pieces.push({ text: part, paint: piece.paint });
      word.width += textWidth(part);
    }
  }
  endWord();
  return lines;
}

/** Wraps to `width` columns; returns the painted lines (no trailing spaces). */
export function wrapPieces(pieces: readonly Piece[], width: number): string[] {
  const out: string[] = [];
  for (const words of toLines(pieces)) {
    let line = '';
    let used = 0;
    for (const word of words) {
      if (used > 0 && used + 1 + word.width > width) {
        out.push(line);
        line = '';
        used = 0;
      }
      line += (used > 0 ? ' ' : '') + paintWord(word);
      used += (used > 0 ? 1 : 0) + word.width;
    }
    out.push(line);
  }
  return out;
}

/** Wraps plain text (already sanitised) to `width`, keeping its line breaks. */
export function wrapText(text: string, width: number, paint: Paint = plain): string[] {
  const pieces: Piece[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) pieces.push({ text: '\n', paint, hard: true });
    pieces.push({ text: line, paint });
  });
  return wrapPieces(pieces, width);
}

/**
 * Wraps `text` after `label`: the first line starts with the label, the others are indented by its width
 * (the label's own style is kept; `text` is plain, already sanitised).
 */
export function wrapHanging(label: string, text: string, width: number, paint: Paint = plain): string[] {
  const indent = textWidth(stripStyle(label));
  const lines = wrapText(text, Math.max(10, width - indent), paint);
  return lines.map((line, index) => (index === 0 ? label : ' '.repeat(indent)) + line);
}

/** The widest prose runs on a wide terminal: lines of about 100 columns read best. */
export const MEASURE = 100;

/** The columns to draw prose in: the terminal's width, held to MEASURE. */
export function measure(columns: number): number {
  return Math.max(20, Math.min(columns, MEASURE));
}

/**
 * A path (one long word) cut into lines of at most `width` columns after its `/`s, so that it never
 * runs past the terminal's edge; a part without a `/` wider than the line is cut where it must.
 */
export function wrapPath(path: string, width: number): string[] {
  const parts = path.split(/(?<=\/)/);
  const lines: string[] = [];
  let line = '';
  for (let part of parts) {
    while (textWidth(part) > width) {
      if (line) lines.push(line);
      line = '';
      let cut = part.length;
      while (cut > 1 && textWidth(part.slice(0, cut)) > width) cut -= 1;
      lines.push(part.slice(0, cut));
      part = part.slice(cut);
    }
    if (textWidth(line + part) > width && line) {
      lines.push(line);
      line = '';
    }
    line += part;
  }
  if (line) lines.push(line);
  return lines;
}
