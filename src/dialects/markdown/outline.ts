/**
 * A quiz file at a glance, for the folder menu (docs/DECISIONS.md, "The folder menu"): its title and how
 * many questions it holds, without remark. The title is the front matter's `title:` as the reader reads
 * it (front-matter.ts, the same code), else the file's base name (docs/DESIGN.md section 3). Questions
 * are counted the way the reader finds them: level-1 headings at the top level of the document (ATX
 * `# Title` indented at most three columns, or a setext `===` under a paragraph), by one pass over the
 * lines that follows the CommonMark block structure far enough to leave out what is not at the top
 * level or not a heading there: front matter, fenced and indented code, HTML blocks, block quotes, list
 * items and their lazy lines, GFM tables. It reads the text once and parses only the front matter's
 * YAML. The reader's result stays the authority: tests/dialects/outline.test.ts checks that both agree
 * on every native fixture and on the block structures that could make them differ.
 *
 * Some errors it sees for certain, and says so: front matter the reader refuses, the guards that refuse
 * a text before remark (nesting.ts, bounds.ts) and a text with no question at all. Pure: text in.
 */
import type { Yaml } from 'mdast';
import { baseName } from '../../core/ids.js';
import { findUnboundedWork } from './bounds.js';
import { readFrontMatter } from './front-matter.js';
import { findDeepNesting } from './nesting.js';

export interface Outline {
  /** The quiz's title as the reader gives it: the front matter's, else the file's base name. */
  title: string;
  /** Level-1 headings at the top level: the questions the reader finds. */
  questions: number;
  /** How many errors this read already sees (0: none seen; the full parse may still find some). */
  errors: number;
}

const FRONT_FENCE = /^---[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const ATX = /^(#{1,6})(?:[ \t]|$)/;
const SETEXT_1 = /^=+[ \t]*$/;
const SETEXT_2 = /^-+[ \t]*$/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^([-+*])(?:([ \t]+)(.*)|)$/;
const ORDERED = /^(\d{1,9})([.)])(?:([ \t]+)(.*)|)$/;
const DEFINITION = /^\[(?:[^\]\\]|\\.)+\]:/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** HTML blocks (CommonMark 4.6): types 1 to 5 end at a line holding their end mark, 6 and 7 at a blank line. */
const HTML_ENDS: readonly [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
const HTML_6 =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
const HTML_7 = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

/** A line's indentation in columns (tabs to the next multiple of 4) and the text after it. */
function indented(line: string): { indent: number; rest: string } {
  let indent = 0;
  let index = 0;
  for (; index < line.length; index += 1) {
    const ch = line[index];
    if (ch === ' ') indent += 1;
    else if (ch === '\t') indent += 4 - (indent % 4);
    else break;
  }
  return { indent, rest: line.slice(index) };
}

/** Where a list item's content starts, in columns from the line's start, or null when the line starts none. */
function listItem(indent: number, rest: string, interrupting: boolean): number | null {
  const bullet = BULLET.exec(rest);
  const ordered = bullet ? null : ORDERED.exec(rest);
  if (!bullet && !ordered) return null;
  const marker = bullet ? bullet[1]!.length : ordered![1]!.length + 1;
  const spaces = (bullet ? bullet[2] : ordered![3]) ?? '';
  const content = (bullet ? bullet[3] : ordered![4]) ?? '';
  const empty = content.trim() === '';
  // An item interrupts a paragraph only when it has content and, if ordered, starts at 1.
  if (interrupting && (empty || (ordered && ordered[1] !== '1'))) return null;
  const width = indented(spaces).indent;
  return indent + marker + (empty || width > 4 ? 1 : width);
}

/** Whether a line (its indentation at most 3) starts a block that ends a paragraph. */
function interrupts(rest: string, containers: boolean): boolean {
  return (
    ATX.test(rest) ||
    FENCE.test(rest) ||
    THEMATIC.test(rest) ||
    HTML_ENDS.some(([start]) => start.test(rest)) ||
    HTML_6.test(rest) ||
    (containers && (rest.startsWith('>') || listItem(0, rest, true) !== null))
  );
}

/** The cells of a table row: split at each `|` not escaped, less a leading and a trailing one. */
function cells(row: string): number {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).length;
}

type Container = { kind: 'quote' } | { kind: 'list'; content: number };

/**
 * The text's top-level level-1 headings, counted as remark finds them (see the file's comment).
 * `containers` false: block quotes and list items are not read as such. So remark reads a text whose
 * first line `---` opens front matter that never closes: micromark's front-matter construct leaves the
 * document without them (`---\n> a\nb\n===` is a thematic break and a level-1 heading).
 */
export function countQuestions(lines: readonly string[], from: number, containers = true): number {
  let count = 0;
  let paragraph = false;
  /** Whether the paragraph holds text besides link reference definitions (only then may it become a setext heading). */
  let text = false;
  /** The cells of the paragraph's last line, when it may be a table's header row (it holds a `|`); else 0. */
  let headerRow = 0;
  let table = false;
  let fence: { char: string; length: number } | null = null;
  let html: RegExp | 'blank' | null = null;
  let container: Container | null = null;
  /** Whether the container's last line was a paragraph's, which a lazy line may continue. */
  let lazy = false;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index]!;
    const { indent, rest } = indented(line);
    const blank = rest.trim() === '';
    if (fence) {
      const match = indent <= 3 ? FENCE.exec(rest) : null;
      if (match && match[1]![0] === fence.char && match[1]!.length >= fence.length && match[2]!.trim() === '') fence = null;
      continue;
    }
    if (html) {
      if (html === 'blank' ? blank : html.test(line)) html = null;
      continue;
    }
    if (blank) {
      paragraph = false;
      headerRow = 0;
      table = false;
      if (container?.kind === 'quote') container = null;
      lazy = false;
      continue;
    }
    if (container) {
      if (container.kind === 'list' && indent >= container.content) {
        lazy = !interrupts(rest, containers) && indent - container.content < 4;
        continue;
      }
      if (container.kind === 'quote' && indent <= 3 && rest.startsWith('>')) {
        lazy = true;
        continue;
      }
      // A lazy continuation line: paragraph text in the container, whatever it looks like but a block start.
      if (lazy && (indent > 3 || !interrupts(rest, containers))) continue;
      container = null;
      lazy = false;
      paragraph = false;
    }
    if (table) {
      // A table's rows go on until a blank line or a block that interrupts a paragraph (indented code too).
      if (indent > 3 || interrupts(rest, containers)) table = false;
      else continue;
    }
    if (indent > 3) {
      // Indented code, unless it continues a paragraph.
      if (paragraph) {
        headerRow = 0;
        text = true;
      }
      continue;
    }
    if (paragraph && text && SETEXT_1.test(rest)) {
      count += 1;
      paragraph = false;
      headerRow = 0;
      continue;
    }
    if (paragraph && headerRow > 0 && TABLE_DELIMITER.test(rest) && cells(rest) === headerRow && listItem(indent, rest, true) === null) {
      table = true;
      paragraph = false;
      headerRow = 0;
      continue;
    }
    if (paragraph && SETEXT_2.test(rest)) {
      paragraph = false;
      headerRow = 0;
      continue;
    }
    const atx = ATX.exec(rest);
    if (atx) {
      if (atx[1]!.length === 1) count += 1;
      paragraph = false;
      continue;
    }
    const open = FENCE.exec(rest);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      paragraph = false;
      continue;
    }
    const ends = HTML_ENDS.find(([start]) => start.test(rest));
    if (ends) {
      paragraph = false;
      if (!ends[1].test(rest)) html = ends[1];
      continue;
    }
    if (HTML_6.test(rest) || (!paragraph && HTML_7.test(rest))) {
      paragraph = false;
      html = 'blank';
      continue;
    }
    if (THEMATIC.test(rest)) {
      paragraph = false;
      continue;
    }
    if (containers && rest.startsWith('>')) {
      container = { kind: 'quote' };
      lazy = true;
      paragraph = false;
      continue;
    }
    const content = containers ? listItem(indent, rest, paragraph) : null;
    if (content !== null) {
      container = { kind: 'list', content };
      lazy = !interrupts(rest.slice(content - indent), containers);
      paragraph = false;
      continue;
    }
    // A definition starts a paragraph's content that is not text yet; a setext underline needs text.
    const definition = !paragraph && DEFINITION.test(rest);
    headerRow = !definition && rest.includes('|') ? cells(rest) : 0;
    text = paragraph ? text || !definition : !definition;
    paragraph = true;
  }
  return count;
}

/** The front matter's lines (between the fences), and the line after it; null when the text has none. */
function frontMatter(lines: readonly string[]): { value: string; next: number } | null {
  if (lines.length === 0 || !FRONT_FENCE.test(lines[0]!)) return null;
  for (let index = 1; index < lines.length; index += 1) {
    if (FRONT_FENCE.test(lines[index]!)) return { value: lines.slice(1, index).join('\n'), next: index + 1 };
  }
  return null;
}

/** The title, the number of questions and the errors already certain, of a native quiz's text (`file`: its name as shown). */
export function outlineQuiz(text: string, file: string): Outline {
  // As the reader: no BOM, NUL as U+FFFD (read.ts, sourceOf), and every line ending as one.
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\0/g, '\ufffd');
  const lines = (/\r/.test(source) ? source.replace(/\r\n?/g, '\n') : source).split('\n');
  let title = baseName(file);
  let errors = 0;
  const front = frontMatter(lines);
  if (front !== null) {
    const node: Yaml = { type: 'yaml', value: front.value, position: { start: { line: 1, column: 1 }, end: { line: front.next, column: 4 } } };
    const read = readFrontMatter(node, (severity) => {
      if (severity === 'error') errors += 1;
    });
    if (read.title !== undefined) title = read.title;
  }
  // The guards that refuse a text before remark sees it (read.ts, guard).
  if (findDeepNesting(source) !== null || findUnboundedWork(source) !== null) return { title, questions: 0, errors: errors + 1 };
  const questions = front === null ? countQuestions(lines, 0, !FRONT_FENCE.test(lines[0] ?? '')) : countQuestions(lines, front.next);
  return { title, questions, errors: errors + (questions === 0 ? 1 : 0) };
}
