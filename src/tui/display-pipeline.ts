/**
 * Markdown as shown in the terminal: CommonMark + all of GFM (strike-through, autolink literals, tables,
 * task lists, footnotes). The quiz parser reads a file's structure with less (src/dialects/markdown/remark.ts:
 * tables and task lists only, which is all docs/DESIGN.md section 3 needs, and a third cheaper to start);
 * this one parses the prompt, option and explanation texts that are drawn, so `~~old~~` is struck
 * through. Parsing extensions only (remark-gfm would also bundle the Markdown serialisers). Imported only
 * through display-markdown.ts, when a quiz has a text that is not plain.
 */
import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function remarkGfmParse(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfm());
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmParse);

export function parseDisplayMarkdown(source: string): Root {
  return processor.parse(source);
}
