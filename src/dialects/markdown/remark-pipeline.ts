/**
 * The one remark pipeline: CommonMark + GFM tables and task lists (what docs/DESIGN.md section 3 asks of a
 * quiz file, and no more: the rest of GFM, autolink literals above all, costs a third of a cold parse
 * of the seed; see docs/SPEED.md) + YAML front matter, and the reader of that front matter (yaml).
 * Imported only through remark.ts, when a text is not made of plain lines.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

export { readFrontMatter } from './front-matter.js';

/** GFM tables and task list items, parsing only (remark-gfm would also bring the rest of GFM and its serialisers). */
function remarkTablesAndTasks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkTablesAndTasks).use(remarkFrontmatter, ['yaml']);

/** remark's tree of `source`. */
export function parseRemark(source: string): Root {
  return processor.parse(source);
}
