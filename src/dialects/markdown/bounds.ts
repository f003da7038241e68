/**
 * The nesting guard's idea (nesting.ts) for other text that exhausts remark (docs/HOSTILE-INPUT.md,
 * "Bounded work"): one pass over the lines before remark sees them, refusing with a place
 *
 * - a line over 1 MiB (a 15 MiB line took 2.3 GiB of memory),
 * - a paragraph (lines with no blank line between them) over 1 MiB (remark's inline pass over one
 *   block grows faster than its size: 4 MiB of words in one paragraph took 12 s and 740 MB, 1 MiB 2.4 s),
 * - more than 2,000 emphasis marks (`*`, `_`) in one paragraph: unclosed runs (`*a_*a_...`) make the
 *   delimiter matching search back over every opener left.
 *
 * Fenced code is not inline text: only its line length counts. Pure: text in, a place or null out.
 */

export const MAX_LINE = 1024 * 1024;
export const MAX_BLOCK = 1024 * 1024;
export const MAX_EMPHASIS = 2000;

export interface BoundPlace {
  line: number;
  column: number;
  message: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function findUnboundedWork(text: string): BoundPlace | null {
  let line = 1;
  let lineStart = 0;
  let fence: string | null = null;
  let blockLine = 0;
  let blockSize = 0;
  let marks = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    const length = end - lineStart;
    // A long line of white space only is a blank line to remark, and cheap.
    const blank = length < 40 ? /^[ \t\r]*$/.test(text.slice(lineStart, end)) : length > MAX_LINE && /^[ \t\r]*$/.test(text.slice(lineStart, end));
    if (length > MAX_LINE && !blank) {
      return { line, column: 1, message: `line ${line} is ${(length / 1048576).toFixed(1)} MiB long; lines over 1 MiB are refused (break it into lines and paragraphs)` };
    }
    const head = text.slice(lineStart, Math.min(end, lineStart + 40));
    const fenceMark = FENCE.exec(head)?.[1];
    if (fence !== null) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    } else if (fenceMark !== undefined) {
      fence = fenceMark;
      blockSize = 0;
      marks = 0;
    } else if (blank) {
      blockSize = 0;
      marks = 0;
    } else {
      if (blockSize === 0) blockLine = line;
      blockSize += length + 1;
      if (blockSize > MAX_BLOCK) {
        return { line: blockLine, column: 1, message: `the paragraph that starts here is over 1 MiB without a blank line; paragraphs over 1 MiB are refused (separate it with blank lines)` };
      }
      for (let index = lineStart; index < end; index += 1) {
        const code = text.charCodeAt(index);
        if (code === 0x2a || code === 0x5f) {
          marks += 1;
          if (marks > MAX_EMPHASIS) {
            return { line, column: index - lineStart + 1, message: `more than ${MAX_EMPHASIS} emphasis marks (\`*\`, \`_\`) in one paragraph here; at most ${MAX_EMPHASIS} are accepted (separate it with blank lines, or put code in a code block)` };
          }
        }
      }
    }
    line += 1;
    lineStart = end + 1;
  }
  return null;
}
