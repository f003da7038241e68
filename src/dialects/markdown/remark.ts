/**
 * How the Markdown reader gets its trees: a text of plain lines is read by plain.ts (the same tree, some
 * fifty times faster), anything else by remark. remark and the front matter's YAML reader
 * (remark-pipeline.ts, about 250 KB of code with micromark and yaml) are imported only when a text
 * needs them: `loadRemark()`, which the dialect's `load(text)` calls (index.ts), so that a session on
 * a quiz of plain lines starts without them (docs/SPEED.md, "Plain lines").
 */
import type { Root } from 'mdast';
import type { FrontMatter } from './front-matter.js';
import { parsePlain } from './plain.js';

type Pipeline = typeof import('./remark-pipeline.js');
let pipeline: Pipeline | undefined;

/** Imports remark and the YAML reader (once). */
export async function loadRemark(): Promise<void> {
  pipeline ??= await import('./remark-pipeline.js');
}

function loaded(): Pipeline {
  if (pipeline === undefined) throw new Error('remark is not loaded: load the Markdown dialect with the text it reads (src/dialects/index.ts), or call loadRemark() first');
  return pipeline;
}

/** remark's tree of `source`. */
export function parseRemark(source: string): Root {
  return loaded().parseRemark(source);
}

/** The tree of `source`: read as plain lines where it is made of them (plain.ts, the same tree), else by remark. */
export function parseMarkdown(source: string): Root {
  return parsePlain(source) ?? loaded().parseRemark(source);
}

/** The front matter remark found (only remark makes `yaml` nodes, so its reader is loaded with it). */
export function readFrontMatter(...args: Parameters<Pipeline['readFrontMatter']>): FrontMatter {
  return loaded().readFrontMatter(...args);
}
