/** The native Markdown format (docs/DESIGN.md section 3) as a dialect: src/dialects/dialect.ts. */
import type { Dialect } from '../dialect.js';
import { joinSpans, planSpans, readPart } from './parts.js';
import { parsePlain } from './plain.js';
import { parseQuiz, sourceOf, SPLIT_FROM } from './read.js';
import { loadRemark } from './remark.js';

export const markdown: Dialect = {
  name: 'markdown',
  read: parseQuiz,
  parts: { plan: planSpans, read: readPart, join: joinSpans },
};

/**
 * The dialect, with remark loaded unless `text` (the text about to be read) is a small file of plain
 * lines, which parseQuiz reads whole without it (remark.ts). Larger texts are read question by
 * question, and most banks have a question that needs remark somewhere: loaded for them.
 */
export async function loadMarkdown(text?: string): Promise<Dialect> {
  if (text === undefined || needsRemark(sourceOf(text))) await loadRemark();
  return markdown;
}

function needsRemark(source: string): boolean {
  return source.length >= SPLIT_FROM || parsePlain(source) === null;
}
