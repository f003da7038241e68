/**
 * quizdown (quizdown-js) -> question model (docs/DESIGN.md section 12), as quizdown-js reads it
 * (tests/fixtures/dialects/NOTES.md): a question at every heading; its first list the answers
 * (`- [x]` multiple choice, `1. [x]` single choice, a plain ordered list an ordering); top-level block
 * quotes the hint, a block quote inside an option that option's feedback; text before the list the
 * prompt, after it the explanation. Quiz-level front matter gives `shuffle_questions`; per-question
 * `---` option blocks are skipped. A page holding ```` ```quizdown ```` fences, MyST `:::{quizdown}`
 * blocks or `<div class="quizdown">` is read from those blocks only. Pure.
 */
import { stripInlineMarkdown } from '../../core/text.js';
import type { Dialect, ReadOptions } from '../dialect.js';
import { blocksOf, headingOf, optionsOf, stripIndent, textOf, type Block, type Line } from '../shared/blocks.js';
import { collected, type Collected, fencedCode, finish, indexAfter, linesOf } from '../shared/foreign.js';

/** The quizdown texts of a page: its quizdown blocks, or the whole text. */
export function containers(lines: readonly Line[]): Line[][] {
  const found: Line[][] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index]!.text;
    const fence = /^[ \t]*(`{3,}|~{3,})[ \t]*\{?quizdown\}?[ \t]*$/.exec(text);
    const myst = /^[ \t]*(:{3,})[ \t]*\{quizdown\}/.exec(text);
    const div = /<div[^>\n]{0,200}?class=["'][^"'\n]{0,200}?\bquizdown\b/.exec(text);
    const hugo = /^[ \t]*\{\{<[ \t]*quizdown\b[^>\n]{0,200}>\}\}[ \t]*$/.test(text);
    if (!fence && !myst && !div && !hugo) continue;
    const body: Line[] = [];
    let depth = 1;
    for (index += 1; index < lines.length; index += 1) {
      const inner = lines[index]!;
      if (fence && inner.text.trim().startsWith(fence[1]!) && /^[`~]+$/.test(inner.text.trim())) break;
      if (myst && new RegExp(`^[ \\t]*${myst[1]}[ \\t]*$`).test(inner.text)) break;
      if (hugo && /^[ \t]*\{\{<[ \t]*\/quizdown[ \t]*>\}\}/.test(inner.text)) break;
      if (div) {
        depth += (inner.text.match(/<div\b/g) ?? []).length;
        depth -= (inner.text.match(/<\/div>/g) ?? []).length;
        if (depth <= 0) break;
      }
      body.push(inner);
    }
    found.push(stripIndent(body));
  }
  return found.length ? found : [[...lines]];
}

interface Settings {
  shuffle?: boolean;
}

/** `key: value` lines of a quizdown options block (snake_case or camelCase), what means something here. */
function settings(lines: readonly Line[]): Settings {
  const out: Settings = {};
  for (const { text } of lines) {
    const match = /^\s*(shuffle_questions|shuffleQuestions)\s*:\s*(true|false)\s*$/i.exec(text);
    if (match) out.shuffle = match[2]!.toLowerCase() === 'true';
  }
  return out;
}

/** Index after an options block (`---` ... `---`) starting at `from` (blank lines before it skipped), or `from`. */
function skipOptions(lines: readonly Line[], from: number): number {
  let index = from;
  while (index < lines.length && lines[index]!.text.trim() === '') index += 1;
  if (lines[index]?.text.trim() !== '---') return from;
  const end = indexAfter(lines, index, (one) => one.text.trim() === '---');
  return end < 0 ? from : end + 1;
}

function readQuestion(title: string, line: number, column: number, body: readonly Line[], found: Collected): void {
  const blocks = blocksOf(body.slice(skipOptions(body, 0)));
  const place = { line, column };
  const at = blocks.findIndex((block) => block.type === 'list');
  const hint = blocks.filter((block): block is Extract<Block, { type: 'quote' }> => block.type === 'quote').map((block) => block.text).join('\n\n') || null;
  const before = blocks.slice(0, Math.max(at, 0)).filter((block) => block.type === 'text');
  if (at < 0) {
    found.leftOut.push({ ...place, reason: 'it has no list of answers (`- [x]`, `1. [x]`, or an ordered list to put in order)', weak: true });
    return;
  }
  const list = blocks[at] as Extract<Block, { type: 'list' }>;
  const after = blocks.slice(at + 1).filter((block) => block.type !== 'quote');
  const draft = { title, prompt: textOf(before), explanation: textOf(after) || null, hint, ...place };
  const tasks = list.items[0]?.mark !== null && list.items[0]?.mark !== undefined;
  if (list.ordered && !tasks) {
    found.drafts.push({ ...draft, answer: { kind: 'order', items: list.items.map((item) => item.text) } });
    return;
  }
  const options = optionsOf(list.items);
  if (!options.some((option) => option.correct)) {
    found.leftOut.push({ ...place, reason: 'no option is marked [x]' });
    return;
  }
  found.drafts.push({ ...draft, answer: { kind: 'choice', options, multiple: !list.ordered } });
}

function readQuizdownText(lines: readonly Line[], found: Collected, quiz: Settings): void {
  let index = 0;
  while (index < lines.length && lines[index]!.text.trim() === '') index += 1;
  if (lines[index]?.text.trim() === '---') {
    const end = indexAfter(lines, index, (one) => one.text.trim() === '---');
    if (end > index) {
      Object.assign(quiz, settings(lines.slice(index + 1, end)));
      index = end + 1;
    }
  }
  const inCode = fencedCode();
  let open: { title: string; line: number; column: number; body: Line[] } | null = null;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!inCode(line.text)) {
      const heading = headingOf(line.text);
      if (heading) {
        if (open) readQuestion(open.title, open.line, open.column, open.body, found);
        open = { title: stripInlineMarkdown(heading.text), line: line.line, column: /^ */.exec(line.text)![0].length + 1, body: [] };
        continue;
      }
    }
    open?.body.push(line);
  }
  if (open) readQuestion(open.title, open.line, open.column, open.body, found);
}

export function readQuizdown(text: string, options: ReadOptions): ReturnType<Dialect['read']> {
  const found = collected();
  const lines = linesOf(text).map((one, index) => ({ text: one, line: index + 1 }));
  const quiz: Settings = {};
  for (const container of containers(lines)) readQuizdownText(container, found, quiz);
  return finish('quizdown', { ...found, shuffle: quiz.shuffle }, options);
}

export const quizdown: Dialect = { name: 'quizdown', read: readQuizdown };
