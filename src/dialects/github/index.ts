/**
 * GitHub task-list collections -> question model (docs/DESIGN.md section 12): the file's first heading
 * its title; each question heading (`#### Q12. text`, `### Q12`, `#### 12.`, `Question 12`, or, in a
 * file without numbered headings, any heading below the title) starts a question; the text, code and
 * images after it the prompt; its first task list the options (one `[x]`: single, several: multiple,
 * none: left out); what follows (`**Explanation:**`, `[Reference](...)`, code) the explanation. Pure.
 */
import { stripInlineMarkdown } from '../../core/text.js';
import type { Dialect, ReadOptions } from '../dialect.js';
import { blocksOf, headingOf, optionsOf, textOf, type Block, type Line } from '../shared/blocks.js';
import { collected, type Collected, fencedCode, finish, linesOf } from '../shared/foreign.js';
import { QUESTION_HEADING } from './detect.js';

const NUMBER = /^(?:(?:Q|P|F|D)[ \t]?\d+\b[.:]?|Question[ \t]+\d+\b[.:]?|\d+[.:])[ \t]*/i;

function readQuestion(title: string, line: number, column: number, body: readonly Line[], found: Collected): void {
  const blocks = blocksOf(body);
  const place = { line, column };
  const at = blocks.findIndex((block) => block.type === 'list' && block.items.some((item) => item.mark !== null));
  if (at < 0) {
    found.leftOut.push({ ...place, reason: 'it has no options (`- [x] right`, `- [ ] wrong`)', weak: true });
    return;
  }
  const list = blocks[at] as Extract<Block, { type: 'list' }>;
  // Plain items after the task items (a bullet list of the explanation after a blank line) are not options.
  const tasks = list.items.filter((item) => item.mark !== null);
  const plain = list.items.filter((item) => item.mark === null);
  const options = optionsOf(tasks);
  if (!options.some((option) => option.correct)) {
    found.leftOut.push({ ...place, reason: 'no option is marked [x]' });
    return;
  }
  const rest: Block[] = plain.length ? [{ type: 'list', ordered: list.ordered, items: plain, line: plain[0]!.line }, ...blocks.slice(at + 1)] : blocks.slice(at + 1);
  const explanation = textOf(rest).replace(/^\*\*Explanation:?\*\*:?\s*|^Explanation:\s*/i, '');
  found.drafts.push({ title, prompt: textOf(blocks.slice(0, at)), explanation: explanation || null, ...place, answer: { kind: 'choice', options } });
}

export function readGithub(text: string, options: ReadOptions): ReturnType<Dialect['read']> {
  const found = collected();
  const lines = linesOf(text).map((one, index) => ({ text: one, line: index + 1 }));
  const numbered = lines.some((one) => QUESTION_HEADING.test(one.text));
  const inCode = fencedCode();
  let title: { text: string; depth: number } | null = null;
  let open: { title: string; line: number; column: number; body: Line[] } | null = null;
  for (const line of lines) {
    if (!inCode(line.text)) {
      const heading = headingOf(line.text);
      if (heading) {
        const depth = heading.depth;
        const textOfHeading = heading.text;
        const isQuestion = numbered ? QUESTION_HEADING.test(line.text) : title !== null && depth > title.depth;
        if (isQuestion) {
          if (open) readQuestion(open.title, open.line, open.column, open.body, found);
          open = { title: stripInlineMarkdown(textOfHeading.replace(NUMBER, '')).trim(), line: line.line, column: /^ */.exec(line.text)![0].length + 1, body: [] };
          continue;
        }
        if (title === null && open === null) {
          title = { text: stripInlineMarkdown(textOfHeading), depth };
          continue;
        }
      }
    }
    open?.body.push(line);
  }
  if (open) readQuestion(open.title, open.line, open.column, open.body, found);
  return finish('github', { ...found, title: title?.text }, options);
}

export const github: Dialect = { name: 'github', read: readGithub };
