/** Self-assessed: think, Enter reveals the answer image (its path, and whether it is there), then "did you know it?". */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import confirm from '@inquirer/confirm';
import type { SelfQuestion } from '../../core/kinds/index.js';
import { sanitize } from '../../core/sanitize.js';
import pressEnter from '../press-enter.js';
import { textWidth, wrapHanging, wrapPath, wrapText } from '../wrap.js';
import { readUntil, type AskContext, type Asker } from './asker.js';

export const self: Asker<SelfQuestion> = {
  start: (question) => async (context) => {
    const reveal = await context.ask((prompt) => pressEnter({ message: 'Think of your answer, then press Enter to reveal it', theme: context.theme(context.keys) }, prompt), context.keys);
    if (reveal.kind !== 'value') return reveal;
    showAnswer(question, context);
    const knew = await context.ask((prompt) => confirm({ message: 'Did you know it?', default: false, theme: context.theme(['skip', 'quit']) }, prompt), ['skip', 'quit']);
    if (knew.kind !== 'value') return knew;
    return { kind: 'value', value: { kind: 'self', knew: knew.value } };
  },
  plain: async (question, context) => {
    const reveal = await context.read('Think of your answer, then press Enter to reveal it: ', false);
    if (reveal.kind !== 'value') return reveal;
    showAnswer(question, context);
    const knew = await readUntil(context, 'Did you know it? (y/n): ', false, (line) => (/^y(es)?$/i.test(line.trim()) ? true : /^n(o)?$/i.test(line.trim()) ? false : null), 'Type y or n.');
    if (knew.kind !== 'value') return knew;
    return { kind: 'value', value: { kind: 'self', knew: knew.value } };
  },
  rightAnswer: () => [],
};

/** The answer image: its path (cut after slashes to fit), and whether it is there. */
function showAnswer(question: SelfQuestion, context: Pick<AskContext, 'dir' | 'width' | 'style' | 'print'>): void {
    const path = resolve(context.dir, question.image);
    const found = existsSync(path);
    // The path is cut after its slashes to fit the width (a path is one word); the note wraps as prose.
    const note = found ? '(found: open it to compare)' : '(not found next to the quiz)';
    const paint = found ? context.style.green : context.style.yellow;
    const pathLines = wrapPath(sanitize(path), context.width - 2);
    const last = pathLines.at(-1) ?? '';
    const together = textWidth(`${last} ${note}`) <= context.width - 2;
    context.print([
      ...wrapHanging('Answer: ', `an image, ${sanitize(question.image)}`, context.width).map((line, index) => (index === 0 ? line.replace('Answer:', context.style.bold('Answer:')) : line)),
      ...pathLines.map((line, index) => `  ${line}${together && index === pathLines.length - 1 ? ` ${paint(note)}` : ''}`),
      ...(together ? [] : wrapText(note, context.width - 2, paint).map((line) => `  ${line}`)),
    ]);
}
