/**
 * Markdown rendered for the terminal (docs/DESIGN.md section 3): the question's Markdown source is parsed with
 * the project's remark pipeline and drawn as styled, word-wrapped lines. Bold, italics, strike-through and
 * inline code become styles (no `**` or backticks left), code blocks are indented and never re-wrapped,
 * lists get bullets or numbers, block quotes a bar, links their text plus the URL. Every text from the
 * quiz is sanitised (controls and escape sequences removed) before it is styled.
 */
import type { Definition, Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { parseDisplayMarkdown as parseMarkdown } from './display-markdown.js';
import { sanitize, stripControls } from '../core/sanitize.js';
import type { Style } from '../reporters/style.js';
import { plain, textWidth, wrapPieces, type Paint, type Piece } from './wrap.js';

export interface MarkdownOptions {
  style: Style;
  /** Columns available (the terminal's width minus any indent). */
  width: number;
}

const MIN_WIDTH = 10;

/** Renders Markdown source into terminal lines at most `width` columns wide (but for words longer than that). */
export function renderMarkdown(source: string, options: MarkdownOptions): string[] {
  const root = parseMarkdown(stripControls(source));
  const context = new Context(root, options.style);
  return context.blocks(root.children, Math.max(MIN_WIDTH, options.width));
}

/** Renders Markdown as one line (for short texts such as a given answer): blocks joined by spaces. */
export function renderInlineMarkdown(source: string, style: Style): string {
  return renderMarkdown(source, { style, width: Number.MAX_SAFE_INTEGER })
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * Renders Markdown after a label (`Hint: `, `  • `): the first line starts with the label (painted with
 * `paint`), the others are indented by its width.
 */
export function renderHanging(source: string, label: string, options: MarkdownOptions, paint: Paint = plain): string[] {
  const indent = textWidth(label);
  const lines = renderMarkdown(source, { ...options, width: options.width - indent });
  if (lines.length === 0) return [paint(label).trimEnd()];
  return lines.map((line, index) => (index === 0 ? paint(label) : line === '' ? '' : ' '.repeat(indent)) + line);
}

function compose(outer: Paint, inner: Paint): Paint {
  if (outer === plain) return inner;
  if (inner === plain) return outer;
  return (text) => outer(inner(text));
}

class Context {
  private readonly definitions = new Map<string, Definition>();

  constructor(
    root: Root,
    private readonly style: Style,
  ) {
    const visit = (node: Nodes): void => {
      if (node.type === 'definition') this.definitions.set(node.identifier.toLowerCase(), node);
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(root);
  }

  /** Block nodes, separated by blank lines. */
  blocks(nodes: readonly RootContent[], width: number, spread = true): string[] {
    const out: string[] = [];
    for (const node of nodes) {
      const lines = this.block(node, width);
      if (lines.length === 0) continue;
      if (out.length > 0 && spread) out.push('');
      out.push(...lines);
    }
    return out;
  }

  private block(node: RootContent, width: number): string[] {
    const style = this.style;
    switch (node.type) {
      case 'paragraph':
        return wrapPieces(this.inline(node.children, plain), width);
      case 'heading':
        return wrapPieces(this.inline(node.children, (text) => style.bold(text)), width);
      case 'thematicBreak':
        return [style.dim('─'.repeat(Math.min(width, 40)))];
      case 'code': {
        const lines = sanitize(node.value.replace(/\t/g, '    ')).split('\n');
        return lines.map((line) => `  ${style.cyan(line)}`.trimEnd());
      }
      case 'html':
        return wrapPieces([{ text: sanitize(node.value), paint: (text) => style.dim(text) }], width);
      case 'blockquote': {
        const bar = style.dim('│ ');
        return this.blocks(node.children, width - 2).map((line) => (line === '' ? style.dim('│') : bar + line));
      }
      case 'list': {
        const start = node.start ?? 1;
        const last = start + node.children.length - 1;
        const numberWidth = String(last).length;
        const out: string[] = [];
        node.children.forEach((item, index) => {
          const box = item.checked === true ? '☒ ' : item.checked === false ? '☐ ' : '';
          const marker = (node.ordered ? `${String(start + index).padStart(numberWidth)}. ` : '• ') + box;
          const indent = textWidth(marker);
          const lines = this.blocks(item.children, width - indent, item.spread === true);
          if (index > 0 && node.spread) out.push('');
          lines.forEach((line, lineIndex) => {
            out.push(lineIndex === 0 ? marker + line : line === '' ? '' : ' '.repeat(indent) + line);
          });
          if (lines.length === 0) out.push(marker.trimEnd());
        });
        return out;
      }
      case 'table':
        return this.table(node);
      case 'footnoteDefinition': {
        const marker = `[${sanitize(node.label ?? node.identifier)}] `;
        const lines = this.blocks(node.children, width - marker.length);
        return lines.map((line, index) => (index === 0 ? style.dim(marker) : ' '.repeat(marker.length)) + line);
      }
      case 'definition':
      case 'yaml':
        return [];
      default:
        // Phrasing content at block level (rare): draw it as a paragraph.
        return wrapPieces(this.inline([node as PhrasingContent], plain), width);
    }
  }

  private table(node: Table): string[] {
    const style = this.style;
    const rows = node.children.map((row) => row.children.map((cell) => this.inline(cell.children, plain)));
    const widthOf = (pieces: Piece[]): number => pieces.reduce((sum, piece) => sum + textWidth(piece.text), 0);
    const columns = Math.max(...rows.map((row) => row.length));
    const widths = Array.from({ length: columns }, (_, column) => Math.max(0, ...rows.map((row) => widthOf(row[column] ?? []))));
    const line = (row: Piece[][], paint: Paint): string =>
      widths
        .map((width, column) => {
          const pieces = row[column] ?? [];
          const text = pieces.map((piece) => paint(piece.paint(piece.text.replace(/\s+/g, ' ')))).join('');
          return text + ' '.repeat(Math.max(0, width - widthOf(pieces)));
        })
        .join('  ')
        .trimEnd();
    const [header, ...body] = rows;
    const out = [line(header ?? [], (text) => style.bold(text)), style.dim(widths.map((width) => '─'.repeat(width)).join('  '))];
    for (const row of body) out.push(line(row, plain));
    return out;
  }

  /** Phrasing content as styled pieces. */
  inline(nodes: readonly PhrasingContent[], paint: Paint): Piece[] {
    const style = this.style;
    const out: Piece[] = [];
    const url = (href: string): Piece => ({ text: ` (${sanitize(href)})`, paint: (text) => style.dim(text) });
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push({ text: sanitize(node.value), paint });
          break;
        case 'strong':
          out.push(...this.inline(node.children, compose(paint, (text) => style.bold(text))));
          break;
        case 'emphasis':
          out.push(...this.inline(node.children, compose(paint, (text) => style.italic(text))));
          break;
        case 'delete':
          out.push(...this.inline(node.children, compose(paint, (text) => style.strikethrough(text))));
          break;
        case 'inlineCode':
          out.push({ text: sanitize(node.value), paint: compose(paint, (text) => style.cyan(text)) });
          break;
        case 'break':
          out.push({ text: '\n', paint, hard: true });
          break;
        case 'link': {
          const label = this.inline(node.children, compose(paint, (text) => style.underline(text)));
          const labelText = label.map((piece) => piece.text).join('');
          out.push(...label);
          if (labelText.trim() !== sanitize(node.url).trim() && labelText.trim() !== sanitize(node.url).replace(/^mailto:/, '')) out.push(url(node.url));
          break;
        }
        case 'image':
          out.push({ text: `[image: ${sanitize(node.alt ?? '')}]`, paint: compose(paint, (text) => style.dim(text)) }, url(node.url));
          break;
        case 'linkReference': {
          out.push(...this.inline(node.children, compose(paint, (text) => style.underline(text))));
          const definition = this.definitions.get(node.identifier.toLowerCase());
          if (definition) out.push(url(definition.url));
          break;
        }
        case 'imageReference': {
          out.push({ text: `[image: ${sanitize(node.alt ?? '')}]`, paint: compose(paint, (text) => style.dim(text)) });
          const definition = this.definitions.get(node.identifier.toLowerCase());
          if (definition) out.push(url(definition.url));
          break;
        }
        case 'footnoteReference':
          out.push({ text: `[${sanitize(node.label ?? node.identifier)}]`, paint: compose(paint, (text) => style.dim(text)) });
          break;
        case 'html':
          out.push({ text: sanitize(node.value), paint: compose(paint, (text) => style.dim(text)) });
          break;
        default:
          if ('children' in node) out.push(...this.inline((node as Parent).children as PhrasingContent[], paint));
          else if ('value' in node) out.push({ text: sanitize(String((node as { value: unknown }).value)), paint });
      }
    }
    return out;
  }
}
