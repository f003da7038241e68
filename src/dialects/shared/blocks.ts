/**
 * A light line scanner for the Markdown-based foreign dialects (quizdown, github): a question's body
 * as blocks of text (fenced code kept whole), top-level block quotes and lists whose items know their
 * task mark and their own block quotes. Cheaper than a full CommonMark parse and enough for what those
 * formats mean by a question. Pure.
 */
import type { Option } from '../../core/kinds/index.js';

export interface Line {
  text: string;
  /** 1-based line in the file. */
  line: number;
}

export interface Item {
  /** `x`, ` ` (or empty) for a task item, null for a plain one. */
  mark: string | null;
  text: string;
  feedback: string | null;
  line: number;
  column: number;
}

export type Block =
  | { type: 'text'; lines: string[]; line: number }
  | { type: 'quote'; text: string; line: number }
  | { type: 'list'; ordered: boolean; items: Item[]; line: number };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( +|$)(.*)$/;
const QUOTE = /^ {0,3}>/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;

/** An ATX heading's level and text (its closing `#`s removed), or null; linear in the line's length. */
export function headingOf(line: string): { depth: number; text: string } | null {
  const open = ATX.exec(line);
  if (!open) return null;
  let text = line.slice(open[0].length).trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  if (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t') text = text.slice(0, end);
  return { depth: open[1]!.length, text: text.trim() };
}
const TASK = /^\[([ xX]?)\](?:[ \t]+|$)(.*)$/;

function unquote(lines: readonly string[]): string {
  return lines.map((line) => line.replace(/^\s*> ?/, '')).join('\n').trim();
}

function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length;
}

/** The blocks of a run of lines, in order. */
export function blocksOf(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let text: { type: 'text'; lines: string[]; line: number } | null = null;
  const addText = (line: Line): void => {
    if (!text) {
      text = { type: 'text', lines: [], line: line.line };
      blocks.push(text);
    }
    text.lines.push(line.text);
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const fence = FENCE.exec(line.text);
    if (fence) {
      const marker = fence[1]!;
      addText(line);
      index += 1;
      while (index < lines.length) {
        const inner = lines[index]!;
        addText(inner);
        index += 1;
        const close = FENCE.exec(inner.text);
        if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length && inner.text.trim() === close[1]) break;
      }
      continue;
    }
    if (QUOTE.test(line.text)) {
      const quoted: string[] = [];
      const first = line.line;
      while (index < lines.length && QUOTE.test(lines[index]!.text)) quoted.push(lines[index++]!.text);
      blocks.push({ type: 'quote', text: unquote(quoted), line: first });
      text = null;
      continue;
    }
    const item = ITEM.exec(line.text);
    if (item && !/^\s*([-*_])(\s*\1){2,}\s*$/.test(line.text)) {
      index = readList(lines, index, blocks);
      text = null;
      continue;
    }
    if (line.text.trim() === '' && text === null) {
      index += 1;
      continue;
    }
    addText(line);
    index += 1;
  }
  return blocks;
}

function readList(lines: readonly Line[], from: number, blocks: Block[]): number {
  const first = ITEM.exec(lines[from]!.text)!;
  const ordered = /\d/.test(first[2]!);
  const bullet = ordered ? first[2]!.slice(-1) : first[2]!;
  const items: Item[] = [];
  let body: string[] = [];
  let quote: string[] = [];
  let contentIndent = 2;
  let blank = false;
  let inFence: string | null = null;
  const close = (): void => {
    const last = items.at(-1);
    if (!last) return;
    last.text = [last.text, ...body].join('\n').replace(/[ \t]+$/gm, '').trim();
    last.feedback = quote.length ? unquote(quote) : null;
    body = [];
    quote = [];
  };
  let index = from;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    const match = inFence ? null : ITEM.exec(line.text);
    const same = match !== null && (ordered ? /\d/.test(match[2]!) && match[2]!.slice(-1) === bullet : match[2] === bullet);
    if (same) {
      close();
      const rest = match[4]!;
      const task = TASK.exec(rest);
      contentIndent = match[1]!.length + match[2]!.length + Math.min(match[3]!.length || 1, 4);
      items.push({ mark: task ? task[1]!.toLowerCase() : null, text: (task ? task[2]! : rest).trim(), feedback: null, line: line.line, column: match[1]!.length + 1 });
      blank = false;
      continue;
    }
    if (line.text.trim() === '') {
      blank = true;
      if (inFence) body.push('');
      continue;
    }
    const indent = indentOf(line.text);
    if (inFence || indent >= Math.min(contentIndent, 4) || (!blank && !match && !QUOTE.test(line.text) && !headingOf(line.text) && !FENCE.test(line.text))) {
      const inner = line.text.replace(/^[ \t]*/, (lead) => ' '.repeat(Math.max(0, indentOf(lead) - contentIndent)));
      const fence = FENCE.exec(inner);
      if (inFence) {
        body.push(inner);
        if (fence && fence[1]![0] === inFence[0] && inner.trim() === fence[1]) inFence = null;
      } else if (fence) {
        inFence = fence[1]!;
        body.push(...(blank ? [''] : []), inner);
      } else if (/^\s*>/.test(inner)) {
        quote.push(inner);
      } else {
        body.push(...(blank && body.length ? [''] : []), inner);
      }
      blank = false;
      continue;
    }
    break;
  }
  close();
  blocks.push({ type: 'list', ordered, items, line: lines[from]!.line });
  return index;
}

/** Task items as options: `[x]` marks a correct one; an item's own block quote is its feedback. */
export function optionsOf(items: readonly Item[]): Option[] {
  return items.map((item) => {
    const option: Option = { text: item.text, correct: item.mark === 'x' };
    if (item.feedback) option.feedback = item.feedback;
    return option;
  });
}

/** A text block's lines as Markdown, trimmed. */
export function textOf(blocks: readonly Block[]): string {
  return blocks
    .map((block) => (block.type === 'text' ? block.lines.join('\n').trim() : block.type === 'quote' ? block.text.replace(/^/gm, '> ') : block.items.map((item) => `${item.mark === null ? '-' : `- [${item.mark || ' '}]`} ${item.text}`).join('\n')))
    .filter(Boolean)
    .join('\n\n');
}

/** Removes the common leading white space of the lines (quizdown-js's strip-indent). */
export function stripIndent(lines: readonly Line[]): Line[] {
  const indents = lines.filter((one) => one.text.trim()).map((one) => /^[ \t]*/.exec(one.text)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return common === 0 ? [...lines] : lines.map((one) => ({ ...one, text: one.text.slice(Math.min(common, /^[ \t]*/.exec(one.text)![0].length)) }));
}
