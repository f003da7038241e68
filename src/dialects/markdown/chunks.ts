/**
 * Per-question parsing (docs/DESIGN.md section 10): split a quiz at its level-1 headings with a cheap line
 * scan, parse each chunk with remark on its own, and shift positions back into the file, so that the
 * top-level nodes are exactly those of a whole-file parse, each chunk's tree is small, and it can be
 * dropped once its question is built.
 *
 * Why a split is sound: a line starting `#` at column 1 is an ATX heading unless the document is inside
 * a top-level fenced code block, HTML block or front matter; it closes every container (list, block
 * quote), and nothing after it can change how the text before it parses, except link reference and
 * footnote definitions, which are document-wide (a file with `]:` is read in two passes that resolve
 * them, parseWithDefinitions; the worker threads still read such a file on one thread). The scan
 * only proposes split lines (it skips front matter and tracks top-level fences); each proposal is then
 * proven: the chunk before it is parsed together with that one line, and the split stands only if that
 * line came out as a top-level depth-1 heading at column 1. Otherwise the chunk grows to the next
 * proposal, and after a few failures the rest of the file is parsed in one piece. The appended line
 * gives the chunk the same context as the whole file: blocks end at the heading exactly as they do there.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from './remark.js';

/** A proposed split: the offset of a line that starts `#`, its 0-based line index, and where the line ends. */
export interface SplitLine {
  offset: number;
  line: number;
  end: number;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FRONT_FENCE = /^---[ \t]*\r?$/;
const ATX1 = /^#(?:[ \t\r]|$)/;
/** After this many unproven proposals in a row, the rest of the file is parsed in one piece. */
const MAX_FAILED_SPLITS = 4;

/**
 * Whether a split could change the parse anywhere: definitions are document-wide; lone CRs end lines;
 * and an opening `---` that never closes sends micromark's front-matter construct down a path that
 * changes how later blocks parse (`---\n# Q\n1. a\n2. b\n` reads its list as a paragraph whole, but
 * as a list in chunks), so such a file is parsed whole.
 */
export function mustParseWhole(source: string): boolean {
  return source.includes(']:') || mustParseWholeEvenWithDefinitions(source);
}

/** mustParseWhole without definitions, which parseChunks resolves (parseWithDefinitions). */
function mustParseWholeEvenWithDefinitions(source: string): boolean {
  if (/\r(?!\n)/.test(source)) return true;
  const firstEnd = source.indexOf('\n');
  const first = firstEnd === -1 ? source : source.slice(0, firstEnd);
  return FRONT_FENCE.test(first) && !frontMatterCloses(source, firstEnd === -1 ? source.length : firstEnd + 1);
}

/** The lines where the file may be split: `# ` at column 1, outside front matter and top-level fences. */
export function splitLines(source: string): SplitLine[] {
  const result: SplitLine[] = [];
  let offset = 0;
  let line = 0;
  let fence: { char: string; length: number } | null = null;
  let inFront = false;
  let first = true;
  while (offset < source.length) {
    const newline = source.indexOf('\n', offset);
    const end = newline === -1 ? source.length : newline + 1;
    const text = source.slice(offset, newline === -1 ? source.length : newline);
    if (first) {
      inFront = FRONT_FENCE.test(text) && frontMatterCloses(source, end);
      first = false;
    } else if (inFront) {
      if (FRONT_FENCE.test(text)) inFront = false;
    } else if (fence) {
      const match = FENCE.exec(text);
      if (match && match[2]![0] === fence.char && match[2]!.length >= fence.length && match[3]!.trim() === '') fence = null;
    } else {
      const match = FENCE.exec(text);
      if (match && !(match[2]![0] === '`' && match[3]!.includes('`'))) {
        fence = { char: match[2]![0]!, length: match[2]!.length };
      } else if (ATX1.test(text) && line > 0) {
        result.push({ offset, line, end });
      }
    }
    offset = end;
    line += 1;
  }
  return result;
}

function frontMatterCloses(source: string, from: number): boolean {
  let offset = from;
  while (offset < source.length) {
    const newline = source.indexOf('\n', offset);
    const end = newline === -1 ? source.length : newline + 1;
    if (FRONT_FENCE.test(source.slice(offset, newline === -1 ? source.length : newline))) return true;
    offset = end;
  }
  return false;
}

/**
 * The top-level nodes of `source`, chunk by chunk, with positions as in a whole-file parse. Each array
 * is yielded once and not kept: the caller builds what it needs and lets the tree go.
 */
export function* parseChunks(source: string): Generator<RootContent[]> {
  if (mustParseWholeEvenWithDefinitions(source)) {
    yield shifted(parseMarkdown(source), 0, 0);
    return;
  }
  if (source.includes(']:')) {
    yield* parseWithDefinitions(source);
    return;
  }
  const span = parseSpan(source, splitLines(source), 0, null);
  for (;;) {
    const next = span.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * The chunks of one span of the file: from `from` (0, or a proposed split) up to `end` (a proposed split,
 * or null for the end of the file), split at the proposals between them. Returns whether the split at
 * `end` was proven (the line there came out as a depth-1 heading at column 1): a span that ends at an
 * unproven split does not parse as the whole file would there, and its caller must read it otherwise.
 */
export function* parseSpan(source: string, splits: readonly SplitLine[], from: number, end: SplitLine | null): Generator<RootContent[], boolean> {
  let start = from;
  let startLine = lineAt(source, from);
  let failed = 0;
  const prove = (split: SplitLine): RootContent[] | null => {
    const root = parseMarkdown(source.slice(start, split.end));
    const last = root.children.at(-1);
    const proven = last?.type === 'heading' && last.depth === 1 && last.position?.start.offset === split.offset - start && last.position.start.column === 1;
    if (!proven) return null;
    root.children.pop();
    return shifted(root, startLine, start);
  };
  for (const split of splits) {
    if (split.offset <= start || (end !== null && split.offset >= end.offset)) continue;
    if (failed >= MAX_FAILED_SPLITS) break;
    const nodes = prove(split);
    if (nodes === null) {
      failed += 1;
      continue;
    }
    failed = 0;
    yield nodes;
    start = split.offset;
    startLine = split.line;
  }
  if (end === null) {
    yield shifted(parseMarkdown(source.slice(start)), startLine, start);
    return true;
  }
  const nodes = prove(end);
  if (nodes === null) return false;
  yield nodes;
  return true;
}

/** A link reference definition as remark read it: enough to write it again. */
interface FoundDefinition {
  identifier: string;
  label: string;
  url: string;
  title: string | null;
}

/** Every definition in a tree, in document order (they may sit in block quotes and list items). */
function definitionsIn(nodes: readonly RootContent[], found: FoundDefinition[]): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') found.push({ identifier: node.identifier, label: node.label ?? node.identifier, url: node.url, title: node.title ?? null });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
}

/** Text that reads back as exactly `text` in a destination or title: every ASCII punctuation escaped. */
const escapeAll = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, (ch) => `\\${ch}`);

/** A definition written so that remark reads it as the same label, URL and title. */
function definitionText(definition: FoundDefinition): string {
  const title = definition.title === null ? '' : ` "${escapeAll(definition.title)}"`;
  return `[${definition.label}]: <${escapeAll(definition.url)}>${title}`;
}

/**
 * Per-question parsing of a file with link reference definitions (`[label]: url`), which are
 * document-wide: a reference in one question may use a definition in another. Two passes over the
 * chunks. The first parses them as usual and notes each chunk's place and the definitions it holds.
 * The second parses each chunk again, with a blank line and the definitions of other chunks that its
 * text may use written after its own text, then drops what those lines made: a reference then reads
 * as it does in the whole file, and nothing before the added lines changes (they start after a blank
 * line, where every open block has ended, as the next question's heading ends them in the file).
 * A label defined in two chunks (the first wins in the whole file, but the chunk's own would here)
 * sends the file to one whole parse. Twice the chunked time, a tree of one question at a time.
 */
function* parseWithDefinitions(source: string): Generator<RootContent[]> {
  const starts: number[] = [];
  const owners = new Map<string, number>();
  const definitions: FoundDefinition[] = [];
  for (const nodes of parseSpan(source, splitLines(source), 0, null)) {
    const chunk = starts.length;
    starts.push(starts.length === 0 ? 0 : (nodes[0]?.position?.start.offset ?? -1));
    const found: FoundDefinition[] = [];
    definitionsIn(nodes, found);
    for (const definition of found) {
      const owner = owners.get(definition.identifier);
      if (owner !== undefined && owner !== chunk) {
        yield shifted(parseMarkdown(source), 0, 0);
        return;
      }
      if (owner === undefined) {
        owners.set(definition.identifier, chunk);
        definitions.push(definition);
      }
    }
  }
  if (starts.some((start) => start < 0)) {
    yield shifted(parseMarkdown(source), 0, 0);
    return;
  }
  let startLine = 0;
  for (const [chunk, start] of starts.entries()) {
    const end = starts[chunk + 1] ?? source.length;
    const text = source.slice(start, end);
    const lower = text.toLowerCase();
    // A reference names its label in brackets; labels compare case-insensitively, white space collapsed.
    const used = definitions.filter((definition) => owners.get(definition.identifier) !== chunk && lower.includes(definition.identifier.split(' ')[0]!));
    if (used.length === 0) {
      yield shifted(parseMarkdown(text), startLine, start);
    } else {
      const root = parseMarkdown(`${text}${text.endsWith('\n') ? '' : '\n'}\n${used.map(definitionText).join('\n')}\n`);
      root.children = root.children.filter((node) => (node.position?.start.offset ?? 0) < text.length);
      yield shifted(root, startLine, start);
    }
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) startLine += 1;
  }
}

/** The 0-based line of an offset that starts a line (0 or a split's offset): counted only for a span's start. */
function lineAt(source: string, offset: number): number {
  let line = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) line += 1;
  return line;
}

/** Moves every position of a chunk's tree by the chunk's first line and offset in the file. */
function shifted(root: Root, lines: number, offset: number): RootContent[] {
  if (lines !== 0 || offset !== 0) {
    const visit = (node: Nodes): void => {
      const position = node.position;
      if (position) {
        position.start.line += lines;
        position.end.line += lines;
        if (position.start.offset !== undefined) position.start.offset += offset;
        if (position.end.offset !== undefined) position.end.offset += offset;
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    for (const child of root.children) visit(child);
  }
  return root.children;
}
