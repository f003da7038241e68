/**
 * A question as the learner sees it, for `mlops-quiz preview` (docs/FORMAT.md): the session's header,
 * title and prompt, what the learner is asked to do with the choices in the order they are shown, the
 * hint, then the right answer and the explanation. Drawn with the session's Markdown renderer, wrapped
 * to a width; no prompt library is loaded, so it works in a pipe.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { kindOf, type Question } from '../core/kinds/index.js';
import { matchChoices } from '../core/kinds/match.js';
import { displayOrder } from '../core/plan.js';
import { sanitize } from '../core/sanitize.js';
import type { Style } from '../reporters/style.js';
import { renderHanging, renderMarkdown } from './render-markdown.js';
import { wrapText } from './wrap.js';

export interface PreviewOptions {
  style: Style;
  width: number;
  /** The quiz file's folder: answer images resolve against it. */
  dir: string;
  /** The question's place in the quiz: `Question N of TOTAL`. */
  total: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letter = (index: number): string => LETTERS[index] ?? String(index + 1);

/** What the learner is asked, below the prompt: the choices as the session shows them. */
function asked(question: Question, options: PreviewOptions): string[] {
  const { style, width } = options;
  const shown = displayOrder(question, 0, false);
  const note = (text: string): string[] => wrapText(text, width, (line) => style.dim(line));
  const list = (texts: readonly string[], marker: (index: number) => string): string[] =>
    texts.flatMap((text, index) => renderHanging(text, marker(index), { style, width }));
  switch (question.kind) {
    case 'single':
      return [...note('Pick one:'), ...list(shown.map((index) => question.options[index]?.text ?? ''), (index) => `  ${letter(index)}. `)];
    case 'multiple':
      return [...note('Pick all that apply:'), ...list(shown.map((index) => question.options[index]?.text ?? ''), (index) => `  ${letter(index)}. `)];
    case 'order':
      return [...note('Put these in order (shown shuffled):'), ...list(shown.map((index) => question.items[index] ?? ''), () => '  • ')];
    case 'match': {
      const values = matchChoices(question);
      const [left, right] = question.labels;
      return [
        ...note(`Match each ${sanitize(left) || 'item'} to its ${sanitize(right) || 'value'}:`),
        ...list(question.pairs.map((pair) => `${pair.left} → ?`), () => '  • '),
        ...note('Choices (shown shuffled):'),
        ...list(shown.map((index) => values[index] ?? ''), () => '  • '),
      ];
    }
    case 'text':
      return note('The learner types the answer.');
    case 'self': {
      const path = resolve(options.dir, question.image);
      return [
        ...note('The learner thinks of the answer, reveals it, and says whether they knew it.'),
        // As the session shows it (askers/self.ts): a path is not wrapped.
        `${style.bold('Answer:')} an image, ${sanitize(question.image)}`,
        `  ${sanitize(path)} ${existsSync(path) ? style.green('(found)') : style.yellow('(not found next to the quiz)')}`,
      ];
    }
    default:
      return [];
  }
}

/** The right answer as texts (the kind's `expected`), as the report gives it. */
function answer(question: Question, options: PreviewOptions): string[] {
  if (!kindOf(question).gradedFromAnswers) return [];
  const { style, width } = options;
  const expected = kindOf(question).expected(question);
  if (typeof expected === 'string') return renderHanging(expected, 'Right answer: ', { style, width }, (text) => style.green(text));
  const lines = Array.isArray(expected) ? expected.map((text, index) => [question.kind === 'order' ? `  ${index + 1}. ` : '  • ', text] as const) : Object.entries(expected).map(([left, right]) => ['  • ', `${left} → ${right}`] as const);
  return [style.green(Array.isArray(expected) && question.kind !== 'order' ? 'Right answers:' : 'Right answer:'), ...lines.flatMap(([marker, text]) => renderHanging(text, marker, { style, width }))];
}

/** The lines of one question's preview; `position` is its 0-based place among `total`. */
export function previewLines(question: Question, position: number, options: PreviewOptions): string[] {
  const { style, width } = options;
  const head = `── Question ${position + 1} of ${options.total} · ${question.kind} · id ${question.id} `;
  const lines = [style.dim(head + '─'.repeat(Math.max(0, Math.min(width, 72) - head.length))), ...wrapText(sanitize(question.title), width, (text) => style.bold(text))];
  const prompt = renderMarkdown(question.prompt, { style, width });
  if (prompt.length) lines.push('', ...prompt);
  const choices = asked(question, options);
  if (choices.length) lines.push('', ...choices);
  if (question.hint !== null) lines.push('', ...renderHanging(question.hint, 'Hint (on h): ', { style, width }, (text) => style.yellow(text)));
  const right = answer(question, options);
  if (right.length || question.explanation !== null) lines.push('', style.dim('After answering:'));
  if (right.length) lines.push(...right);
  if (question.explanation !== null) lines.push(...(right.length ? [''] : []), ...renderMarkdown(question.explanation, { style, width }));
  return lines;
}
