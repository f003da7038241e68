/**
 * mkdocs-quiz pages -> question model (docs/DESIGN.md section 12), as the plugin reads them
 * (tests/fixtures/dialects/NOTES.md): `<quiz>` ... `</quiz>` blocks outside code fences, dedented;
 * `[[answer]]` anywhere makes a fill-in-the-blank (the text up to a `---` line is the question, the rest
 * the explanation); else `- [x]` / `- [ ]` answer lines (`*` and `[]`, `[X]` too), `>` lines glued under
 * an answer its feedback, the text before the answers the question, after them the explanation. The
 * rest of the page is ignored. Pure.
 */
import type { Option } from '../../core/kinds/index.js';
import { GAP } from '../../core/kinds/blank.js';
import type { Dialect, ReadOptions } from '../dialect.js';
import { collected, finish, indexAfter, linesOf, type Collected } from '../shared/foreign.js';

const FENCE = /^\s*(`{3,}|~{3,})/;
const ANSWER = /^[-*] \[(.?)\] (.*)$/;

function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)![0].length)));
}

function readQuiz(body: readonly string[], line: number, column: number, found: Collected): void {
  const lines = dedent(body);
  const place = { line, column };
  const text = lines.join('\n');
  if (/\[\[[^\]]*\]\]/.test(text)) {
    const rule = lines.findIndex((one) => one.trim() === '---');
    const question = (rule < 0 ? lines : lines.slice(0, rule)).join('\n');
    const explanation = rule < 0 ? null : lines.slice(rule + 1).join('\n');
    const blanks: string[][] = [];
    const prompt = question.replace(/\[\[([^\]]*)\]\]/g, (_, answer: string) => {
      blanks.push([answer.trim()]);
      return GAP;
    });
    found.drafts.push({ title: '', prompt, explanation, ...place, answer: { kind: 'blank', blanks } });
    return;
  }
  const first = lines.findIndex((one) => ANSWER.test(one));
  if (first < 0) {
    found.leftOut.push({ ...place, reason: 'the quiz has no answers (`- [x] right`, `- [ ] wrong`) and no `[[gap]]`' });
    return;
  }
  const options: Option[] = [];
  let index = first;
  let end = lines.length;
  while (index < lines.length) {
    const one = lines[index]!;
    const answer = ANSWER.exec(one);
    if (answer) {
      const mark = answer[1]!;
      if (!['', ' ', 'x', 'X'].includes(mark)) {
        found.leftOut.push({ ...place, reason: `the answer "${one.trim()}" is marked [${mark}]; write [x] for a right answer and [ ] for a wrong one` });
        return;
      }
      const option: Option = { text: answer[2]!.trim(), correct: mark === 'x' || mark === 'X' };
      const feedback: string[] = [];
      while (index + 1 < lines.length && lines[index + 1]!.startsWith('>')) {
        index += 1;
        feedback.push(lines[index]!.replace(/^> ?/, ''));
      }
      if (feedback.length) option.feedback = feedback.join('\n');
      options.push(option);
      index += 1;
      continue;
    }
    if (one.trim() === '') {
      index += 1;
      continue;
    }
    if (one.startsWith('>') && lines.slice(index + 1).some((later) => ANSWER.test(later))) {
      found.leftOut.push({ ...place, reason: 'a `>` feedback line is separated from its answer by a blank line; put it right under the answer' });
      return;
    }
    end = index;
    break;
  }
  if (!options.some((option) => option.correct)) {
    found.leftOut.push({ ...place, reason: 'no answer is marked [x]' });
    return;
  }
  found.drafts.push({
    title: '',
    prompt: lines.slice(0, first).join('\n'),
    explanation: lines.slice(end).join('\n'),
    ...place,
    answer: { kind: 'choice', options },
  });
}

export function readMkdocsQuiz(text: string, options: ReadOptions): ReturnType<Dialect['read']> {
  const found = collected();
  const lines = linesOf(text);
  let fence: string | null = null;
  let quiz: { line: number; column: number; body: string[] } | null = null;
  let frontEnd = -1;
  if (lines[0]?.trim() === '---') frontEnd = indexAfter(lines, 0, (one) => /^(---|\.\.\.)\s*$/.test(one));
  for (let index = frontEnd + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (quiz) {
      const close = line.indexOf('</quiz>');
      if (close >= 0) {
        quiz.body.push(line.slice(0, close));
        readQuiz(quiz.body, quiz.line, quiz.column, found);
        quiz = null;
      } else {
        quiz.body.push(line);
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (fence) {
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = null;
      continue;
    }
    if (open) {
      fence = open[1]!;
      continue;
    }
    const at = line.indexOf('<quiz>');
    if (at >= 0 && line.slice(0, at).trim() === '') {
      const after = line.slice(at + 6);
      const close = after.indexOf('</quiz>');
      if (close >= 0) readQuiz([after.slice(0, close)], index + 1, at + 1, found);
      else quiz = { line: index + 1, column: at + 1, body: after.trim() ? [after] : [] };
    }
  }
  if (quiz) found.leftOut.push({ line: quiz.line, column: quiz.column, reason: 'the `<quiz>` block has no closing `</quiz>`' });
  const title = titleOf(lines, frontEnd);
  return finish('mkdocs-quiz', { ...found, title }, options);
}

/** The page's front matter `title:`, else its first level-1 heading outside code. */
function titleOf(lines: readonly string[], frontEnd: number): string | undefined {
  for (let index = 1; index < frontEnd; index += 1) {
    const match = /^title:\s*["']?(.*?)["']?\s*$/.exec(lines[index]!);
    if (match && match[1]) return match[1];
  }
  let fence: string | null = null;
  for (const line of lines.slice(frontEnd + 1)) {
    const open = FENCE.exec(line);
    if (fence) {
      if (open && line.trim() === open[1] && open[1]![0] === fence[0]) fence = null;
      continue;
    }
    if (open) fence = open[1]!;
    else if (/^# /.test(line)) return line.slice(2).trim();
  }
  return undefined;
}

export const mkdocsQuiz: Dialect = { name: 'mkdocs-quiz', read: readMkdocsQuiz };
