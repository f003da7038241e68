/**
 * Plain lines read without remark: the tree remark builds for a text made only of plain lines (ATX
 * headings, paragraphs, flat `-` and `1.` lists, GFM task items, indented and fenced code, an answer
 * image alone on its line, code spans of single backticks, simple emphasis and strong emphasis, inline
 * links of plain text, blank lines), or null for anything else, which remark then reads (remark.ts).
 * remark reads about 0.2-0.3 MB/s here; most questions of a large bank are plain, and a line scan reads
 * them many times faster (100,000 short questions: 33 s of CPU -> 5 s; docs/SPEED.md and
 * docs/DECISIONS.md, "Plain lines").
 *
 * The grammar is kept small enough to be sure of: outside code no character that can start inline
 * markup (`\`, `<`, `&`, `|`; `[` only as an inline link, `*` and `_` only as simple emphasis), no tab,
 * no control, no white space at a line's ends, no line that starts with a space but code, and every
 * construct that CommonMark could read another way (a list right after a paragraph, text right after a
 * list item, a list marker that changes without a blank line, a fence that might close otherwise, an
 * ordered list after code) declined. When in doubt it declines: a decline costs only remark's time.
 * tests/dialects/plain.test.ts checks that every tree it builds equals remark's, node for node and
 * position for position, over every fixture's chunks and generated text.
 */
import type { Code, Heading, Image, InlineCode, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A character that can start markup, a control, or white space other than a space. */
const UNSAFE = /[\\`*_[\]<&|\0-\x1f\x7f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const HEADING = /^(#{1,6})( +)(.*)$/;
const ORDERED = /^(\d{1,9})([.)]) /;
const TASK = /^\[([ xX])\] /;
/** A blank line that is not empty: spaces only (a tab's width depends on its column: left to remark). */
const BLANK = /^ +$/;
/** An image alone on a line: `![alt](path)`, a path without spaces, brackets, quotes or escapes. */
const IMAGE = /^!\[([^\]]*)\]\(([^\s()<>\\&`'"]+)\)$/;
/** A fence that opens code at the margin, with a one-word language or none. */
const FENCE_OPEN = /^(`{3,}|~{3,})([\w+.#-]*)$/;
/** A line that may close a fence (indented by up to three spaces, white space after). */
const FENCE_LIKE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** What code may not hold: a tab or a control. */
const CODE_UNSAFE = /[\0-\x1f\x7f]/;
/** What may begin a paragraph line or a list item's text: a letter, a digit, or a mark that starts no block. */
const STARTS_TEXT = /^[\p{L}\p{N}"'(),.;:?!$%@^{}/]/u;

/** Text of one line that reads as itself: no markup, no white space at its ends. */
function plain(text: string): boolean {
  return text !== '' && !UNSAFE.test(text) && text[0] !== ' ' && text[text.length - 1] !== ' ';
}

/** A letter or a digit: what emphasis must have just inside its marks. */
const ALNUM = /^[\p{L}\p{N}]$/u;
/** An inline link `[text](destination)` of plain text to a destination with nothing to decode in it. */
const LINK = /^\[([^\\`*_[\]<>&|\0-\x1f\x7f]+)\]\(([^\s()<>\\&`'"[\]]+)\)/;
/** What may follow emphasis that closes: nothing, a space, or a mark that ends a sentence. */
const AFTER_EMPHASIS = /^[ .,;:!?]?$/;

/**
 * The phrasing of one line's text that starts at column `from` (`at` makes the line's points), or null:
 * plain text, code spans of single backticks (inside, anything but a backtick, a tab or a control is
 * literal; remark strips one space from each end when both ends have one), and emphasis or strong
 * emphasis (`*a*`, `_a_`, `**a**`, `__a__`) of plain text that opens after a space or at the start and
 * closes before a space, a stop or the end, with a letter or digit just inside each mark: the cases
 * where CommonMark's delimiter rules cannot read it otherwise.
 */
function phrasing(text: string, at: (column: number) => Point, from: number): PhrasingContent[] | null {
  if (text === '' || text[0] === ' ' || text[text.length - 1] === ' ') return null;
  const nodes: PhrasingContent[] = [];
  let plainFrom = 0;
  /** The plain text from plainFrom to `end`; false when it holds markup. */
  const flush = (end: number): boolean => {
    if (end === plainFrom) return true;
    const value = text.slice(plainFrom, end);
    if (UNSAFE.test(value)) return false;
    nodes.push({ type: 'text', value, position: { start: at(from + plainFrom), end: at(from + end) } } satisfies Text);
    return true;
  };
  let index = 0;
  while (index < text.length) {
    const mark = text[index]!;
    if (mark === '`') {
      const close = text.indexOf('`', index + 1);
      if (close === -1 || close === index + 1 || text[close + 1] === '`') return null;
      const part = text.slice(index + 1, close);
      if (CODE_UNSAFE.test(part) || !flush(index)) return null;
      const value = part.length > 2 && part[0] === ' ' && part[part.length - 1] === ' ' && part.trim() !== '' ? part.slice(1, -1) : part;
      nodes.push({ type: 'inlineCode', value, position: { start: at(from + index), end: at(from + close + 1) } } satisfies InlineCode);
      index = close + 1;
      plainFrom = index;
    } else if (mark === '[') {
      // A link: its text plain, not an image's (`![`), no white space just inside its brackets.
      const link = LINK.exec(text.slice(index));
      const label = link?.[1];
      if (!link || label === undefined || text[index - 1] === '!' || /^\s|\s$/.test(label) || UNSAFE.test(label) || !flush(index)) return null;
      const content: Text = { type: 'text', value: label, position: { start: at(from + index + 1), end: at(from + index + 1 + label.length) } };
      nodes.push({ type: 'link', title: null, url: link[2]!, children: [content], position: { start: at(from + index), end: at(from + index + link[0].length) } } satisfies Link);
      index += link[0].length;
      plainFrom = index;
    } else if (mark === '*' || mark === '_') {
      const run = text[index + 1] === mark ? 2 : 1;
      const marks = mark.repeat(run);
      const before = text[index - 1];
      if ((before !== undefined && before !== ' ') || !ALNUM.test(text[index + run] ?? '')) return null;
      const close = text.indexOf(marks, index + run);
      if (close === -1) return null;
      const inner = text.slice(index + run, close);
      if (UNSAFE.test(inner) || !ALNUM.test(inner[inner.length - 1]!) || !AFTER_EMPHASIS.test(text[close + run] ?? '') || !flush(index)) return null;
      const content: Text = { type: 'text', value: inner, position: { start: at(from + index + run), end: at(from + close) } };
      const position = { start: at(from + index), end: at(from + close + run) };
      nodes.push(run === 2 ? { type: 'strong', children: [content], position } : { type: 'emphasis', children: [content], position });
      index = close + run;
      plainFrom = index;
    } else {
      index += 1;
    }
  }
  return flush(text.length) ? nodes : null;
}

/** Where a paragraph's or a list item's text may start: a letter, a digit, a code span, or a mark that starts no block. */
function startsText(text: string): boolean {
  return (STARTS_TEXT.test(text) || text[0] === '`' || text[0] === '[' || /^(?:\*\*?|__?)[\p{L}\p{N}]/u.test(text)) && !/^\d{1,9}[.)](?: |$)/.test(text);
}

/** The tree remark builds for `source`, or null when `source` is not made of plain lines only. */
export function parsePlain(source: string): Root | null {
  const children: RootContent[] = [];
  let paragraph: Paragraph | null = null;
  /** An open indented code block, and its blank lines not yet known to be inside it. */
  let code: Code | null = null;
  let codeLines: string[] = [];
  let codeBlanks: string[] = [];
  /** An open fenced code block: its fence, and its lines. */
  let fence: { marks: string; node: Code; lines: string[] } | null = null;
  let list: List | null = null;
  /** The list's marker: `-`, or `.` / `)` for an ordered list. */
  let marker = '';
  /** Whether the line before was blank, and whether a blank line came since the list's last item. */
  let blank = false;
  let line = 1;
  let start = 0;
  const at = (column: number): Point => ({ line, column, offset: start + column - 1 });
  const closeList = (): void => {
    if (list) {
      list.position!.end = { ...list.children.at(-1)!.position!.end };
      children.push(list);
      list = null;
    }
  };
  const closeCode = (): void => {
    if (code) {
      // remark drops one line ending at the end of the code's text.
      code.value = codeLines.join('\n').replace(/\n$/, '');
      children.push(code);
      code = null;
    }
  };
  const closeParagraph = (): void => {
    if (paragraph) {
      children.push(paragraph);
      paragraph = null;
    }
  };
  while (start <= source.length) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    const text = source.slice(start, end);
    const indented = text.startsWith('    ');
    if (fence) {
      // Inside fenced code every line is the code's, up to a closing fence written exactly: the same
      // character, at least as many, at the margin, nothing after (anything that might close is left to remark).
      const close = FENCE_LIKE.exec(text);
      if (close && close[1]![0] === fence.marks[0]) {
        if (close[0] !== close[1] || close[1]!.length < fence.marks.length) return null;
        fence.node.value = fence.lines.join('\n');
        fence.node.position!.end = at(text.length + 1);
        children.push(fence.node);
        fence = null;
      } else {
        if (CODE_UNSAFE.test(text)) return null;
        fence.lines.push(text);
      }
      blank = false;
    } else if (text.startsWith('```') || text.startsWith('~~~')) {
      // A fence opens code: not right after a paragraph, a list item or indented code (left to remark).
      const open = FENCE_OPEN.exec(text);
      if (!open || paragraph || code || (list && !blank) || (open[1]![0] === '`' && open[2]!.includes('`'))) return null;
      closeList();
      fence = { marks: open[1]!, lines: [], node: { type: 'code', lang: open[2] === '' ? null : open[2]!, meta: null, value: '', position: { start: at(1), end: at(1) } } };
      blank = false;
    } else if (code && (indented || BLANK.test(text) || text === '')) {
      // Inside indented code, a line of four spaces or more is the code's (less its indent), and a
      // shorter blank line is, if more code follows it.
      if (indented) {
        if (CODE_UNSAFE.test(text)) return null;
        codeLines.push(...codeBlanks, text.slice(4));
        codeBlanks = [];
        code.position!.end = at(text.length + 1);
      } else {
        codeBlanks.push('');
      }
      blank = !indented;
    } else if (text === '' || BLANK.test(text)) {
      closeParagraph();
      blank = true;
    } else if (indented) {
      // Indented code: not inside a paragraph (a lazy line) or after a list (it would be the item's).
      if (paragraph || list || CODE_UNSAFE.test(text)) return null;
      code = { type: 'code', lang: null, meta: null, value: '', position: { start: at(1), end: at(text.length + 1) } };
      codeLines = [text.slice(4)];
      codeBlanks = [];
      blank = false;
    } else if (text[0] === '#') {
      closeCode();
      const match = HEADING.exec(text);
      if (!match) return null;
      const content = match[3]!;
      const from = match[1]!.length + match[2]!.length + 1;
      const nodes = content.endsWith('#') ? null : phrasing(content, at, from);
      if (nodes === null) return null;
      closeParagraph();
      closeList();
      const heading: Heading = { type: 'heading', depth: match[1]!.length as Heading['depth'], children: nodes, position: { start: at(1), end: at(text.length + 1) } };
      children.push(heading);
      blank = false;
    } else {
      const ordered = ORDERED.exec(text);
      const bullet = text.startsWith('- ');
      if (ordered || bullet) {
        // A list item: not right after a paragraph (it may interrupt it or be read into it), nor a new
        // kind of marker without a blank line between (it could be the item's continuation).
        if (paragraph) return null;
        // After indented code, even past a blank line, remark reads `2)` as text: left to it.
        if (code || (!list && children.at(-1)?.type === 'code')) return null;
        closeCode();
        const kind = ordered ? ordered[2]! : '-';
        if (list && kind !== marker && !blank) return null;
        let from = ordered ? ordered[0].length + 1 : 3;
        let content = text.slice(from - 1);
        let checked: boolean | null = null;
        /** Where the item's paragraph starts: after its check box, unless its text starts with code (remark moves it only past text). */
        const marked = from;
        const task = TASK.exec(content);
        if (task) {
          checked = task[1] !== ' ';
          from += task[0].length;
          content = content.slice(task[0].length);
        }
        const nodes = startsText(content) ? phrasing(content, at, from) : null;
        if (nodes === null) return null;
        if (list && kind !== marker) closeList();
        if (!list) {
          list = { type: 'list', ordered: ordered !== null, start: ordered ? Number(ordered[1]) : null, spread: false, children: [], position: { start: at(1), end: at(1) } };
          marker = kind;
        } else if (blank) {
          list.spread = true;
        }
        const body: Paragraph = { type: 'paragraph', children: nodes, position: { start: at(task && nodes[0]!.type !== 'text' ? marked : from), end: at(text.length + 1) } };
        const item: ListItem = { type: 'listItem', spread: false, checked, children: [body], position: { start: at(1), end: at(text.length + 1) } };
        list.children.push(item);
        blank = false;
      } else {
        // A paragraph line: not right after a list item (it would be read into the item).
        if (list && !blank) return null;
        const image = IMAGE.exec(text);
        if (image) {
          // An image alone on its line (the answer image): a paragraph of its own, nothing joined to it.
          if (paragraph || (image[1] !== '' && !plain(image[1]!))) return null;
          closeCode();
          closeList();
          const node: Image = { type: 'image', title: null, url: image[2]!, alt: image[1]!, position: { start: at(1), end: at(text.length + 1) } };
          paragraph = { type: 'paragraph', children: [node], position: { start: at(1), end: at(text.length + 1) } };
        } else {
          const nodes: PhrasingContent[] | null = startsText(text) && (paragraph as Paragraph | null)?.children[0]?.type !== 'image' ? phrasing(text, at, 1) : null;
          if (nodes === null) return null;
          closeCode();
          closeList();
          if (paragraph) {
            // The line ending joins the lines: it ends the text before it, or is a text of its own.
            const last = paragraph.children.at(-1)!;
            if (last.type === 'text') {
              last.value += '\n';
              last.position!.end = at(1);
            } else {
              paragraph.children.push({ type: 'text', value: '\n', position: { start: { ...paragraph.position!.end }, end: at(1) } });
            }
            const joined = paragraph.children.at(-1) as Text;
            const first = nodes[0]!;
            if (first.type === 'text') {
              joined.value += first.value;
              joined.position!.end = first.position!.end;
              nodes.shift();
            }
            paragraph.children.push(...nodes);
            paragraph.position!.end = at(text.length + 1);
          } else {
            paragraph = { type: 'paragraph', children: nodes, position: { start: at(1), end: at(text.length + 1) } };
          }
        }
        blank = false;
      }
    }
    if (newline === -1) break;
    start = newline + 1;
    line += 1;
  }
  if (fence) return null;
  closeParagraph();
  closeCode();
  closeList();
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: source.length - start + 1, offset: source.length } } };
}
