/**
 * A cheap guard run before remark: remark's time grows far faster than linearly with the nesting of
 * lists and block quotes (8,000 levels in a 16 KB file take it 25 s, and past a few thousand it
 * overflows the stack), so quizzes nested deeper than any real one are refused before they are parsed.
 *
 * Each line's container depth is bounded from above without parsing: every list item or block quote a
 * line continues costs it at least two columns of indentation or one `>`, and every container it opens
 * costs a marker (`>`, `-`, `+`, `*`, `1.`, `1)`). So `markers + floor(indentation / 2)` is never less
 * than the real depth (the one space after a marker is part of it; a blank line opens nothing); it may
 * overcount (indented code, extra spaces after markers), which only matters for a line indented by
 * 200 columns. Pure: text in, a place or null out, one pass over the text.
 */

/** Far deeper than any quiz needs (the seed nests 1 level), far below where remark slows (see docs/HOSTILE-INPUT.md). */
export const MAX_NESTING = 100;

export interface DeepPlace {
  line: number;
  column: number;
  depth: number;
}

/** The first line whose container nesting may exceed `limit`, with the column where it does; else null. */
export function findDeepNesting(text: string, limit = MAX_NESTING): DeepPlace | null {
  let line = 1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const found = lineDepth(text, lineStart, end, limit);
    if (found !== null) return { line, column: found.column, depth: found.depth };
    line += 1;
    lineStart = end + 1;
  }
  return null;
}

function lineDepth(text: string, from: number, to: number, limit: number): { column: number; depth: number } | null {
  let markers = 0;
  let columns = 0;
  let index = from;
  let afterMarker = false;
  const breaks = new ThematicBreaks(text, to);
  while (index < to) {
    const at = index;
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x09) {
      // The one space after a marker belongs to it; further white space is indentation.
      if (!afterMarker) columns += code === 0x09 ? 4 - (columns % 4) : 1;
      index += 1;
      afterMarker = false;
    } else if (code === 0x3e /* > */) {
      markers += 1;
      index += 1;
      afterMarker = true;
    } else {
      const width = listMarkerWidth(text, index, to);
      if (width === 0 || breaks.startsAt(index)) break;
      markers += 1;
      index += width;
      afterMarker = true;
    }
    const depth = markers + Math.floor(columns / 2);
    if (depth > limit) {
      // White space alone opens nothing: a line that is blank from here on is as deep as its markers.
      if (markers <= limit && isBlank(text, index, to)) return null;
      return { column: at - from + 1, depth };
    }
  }
  return null;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (!isSpace(text.charCodeAt(index))) return false;
  return true;
}

/** The width of a list marker (`-`, `+`, `*`, or up to 9 digits and `.` or `)`) followed by a space, tab or the line's end; 0 if none. */
function listMarkerWidth(text: string, index: number, to: number): number {
  const code = text.charCodeAt(index);
  let end = index;
  if (code === 0x2d || code === 0x2b || code === 0x2a) {
    end = index + 1;
  } else {
    while (end < to && end - index < 9 && isDigit(text.charCodeAt(end))) end += 1;
    if (end === index || end >= to) return 0;
    const delimiter = text.charCodeAt(end);
    if (delimiter !== 0x2e && delimiter !== 0x29) return 0;
    end += 1;
  }
  if (end < to && !isSpace(text.charCodeAt(end))) return 0;
  return end - index;
}

/**
 * `- - -` and `* * *` are thematic breaks, not nested lists: a `-` or `*` starts one when the rest of
 * the line holds only that character (three or more) and white space. Linear in the line's length.
 */
class ThematicBreaks {
  private readonly suffix = new Map<number, number>();
  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  startsAt(index: number): boolean {
    const code = this.text.charCodeAt(index);
    if (code !== 0x2d && code !== 0x2a) return false;
    let from = this.suffix.get(code);
    if (from === undefined) {
      from = this.to;
      while (from > 0 && (this.text.charCodeAt(from - 1) === code || isSpace(this.text.charCodeAt(from - 1)))) from -= 1;
      this.suffix.set(code, from);
    }
    if (index < from) return false;
    let count = 0;
    for (let at = index; at < this.to && count < 3; at += 1) if (this.text.charCodeAt(at) === code) count += 1;
    return count >= 3;
  }
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}
