/** The native Markdown format (docs/DESIGN.md section 3) as a dialect: src/dialects/dialect.ts. */
import type { Dialect } from '../dialect.js';
import { joinSpans, planSpans, readPart } from './parts.js';
import { parseQuiz } from './read.js';

export const markdown: Dialect = {
  name: 'markdown',
  read: parseQuiz,
  parts: { plan: planSpans, read: readPart, join: joinSpans },
};
