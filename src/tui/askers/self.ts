/** Self-assessed: think, Enter reveals the answer image (its path, and whether it is there), then "did you know it?". */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import confirm from '@inquirer/confirm';
import type { SelfQuestion } from '../../core/kinds/index.js';
import { sanitize } from '../../core/sanitize.js';
import pressEnter from '../press-enter.js';
import type { Asker } from './asker.js';

export const self: Asker<SelfQuestion> = {
  start: (question) => async (context) => {
    const reveal = await context.ask((prompt) => pressEnter({ message: 'Think of your answer, then press Enter to reveal it', theme: context.theme(context.keys) }, prompt), context.keys);
    if (reveal.kind !== 'value') return reveal;
    const path = resolve(context.dir, question.image);
    const found = existsSync(path);
    context.print([
      `${context.style.bold('Answer:')} an image, ${sanitize(question.image)}`,
      `  ${sanitize(path)} ${found ? context.style.green('(found: open it to compare)') : context.style.yellow('(not found next to the quiz)')}`,
    ]);
    const knew = await context.ask((prompt) => confirm({ message: 'Did you know it?', default: false, theme: context.theme(['skip', 'quit']) }, prompt), ['skip', 'quit']);
    if (knew.kind !== 'value') return knew;
    return { kind: 'value', value: { kind: 'self', knew: knew.value } };
  },
  rightAnswer: () => [],
};
