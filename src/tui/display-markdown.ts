/**
 * The tree of a text to draw. A text of plain lines (src/dialects/markdown/plain.ts) with nothing GFM
 * would make a link or strike through is that tree already; any other text is parsed by remark with all
 * of GFM (display-pipeline.ts), imported by `loadDisplay()`. A session on a quiz whose texts are all
 * plain draws its first question without it, and waits for it after the first prompt, before anything
 * else is drawn (src/tui/session.ts): the first question appears without micromark's start-up
 * (docs/SPEED.md, "Plain lines"). `preview` loads it first.
 */
import type { Root } from 'mdast';
import { parsePlain } from '../dialects/markdown/plain.js';
import { stripControls } from '../core/sanitize.js';

type Pipeline = typeof import('./display-pipeline.js');
let pipeline: Pipeline | undefined;
let loading: Promise<void> | undefined;

/** What GFM reads that CommonMark does not, in text plain.ts accepts: strike-through and autolink literals. */
const GFM_ONLY = /~|@|www\.|https?:\/\/|mailto:|xmpp:/i;

function plainDisplay(source: string): Root | null {
  return GFM_ONLY.test(source) ? null : parsePlain(source);
}

/** Imports the remark pipeline (once; started early, it loads while the learner reads). */
export function loadDisplay(): Promise<void> {
  if (loading === undefined) {
    loading = import('./display-pipeline.js').then((loaded) => {
      pipeline = loaded;
    });
    // Started early and awaited later: a failure is reported where it is awaited, not as unhandled.
    loading.catch(() => {});
  }
  return loading;
}

/** Whether each of `texts` is drawn without the pipeline (as drawn: with its controls removed). */
export function plainTexts(texts: Iterable<string>): boolean {
  for (const text of texts) if (plainDisplay(stripControls(text)) === null) return false;
  return true;
}

export function parseDisplayMarkdown(source: string): Root {
  const plain = plainDisplay(source);
  if (plain !== null) return plain;
  if (pipeline === undefined) throw new Error('the Markdown display pipeline is not loaded: await loadDisplay() before drawing text that is not plain');
  return pipeline.parseDisplayMarkdown(source);
}

/** What a question holds that is never drawn as Markdown: not looked at by textsOf. */
const NOT_DRAWN = new Set(['id', 'hash', 'kind', 'image']);

/**
 * Every text of a quiz's questions that may be drawn: each string in them, however deep, but their ids,
 * hashes, kinds and image paths. A string too many only costs the pipeline's import; one too few would
 * be drawn without it, so the list of what is left out is the short one.
 */
export function* textsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* textsOf(item);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) if (!NOT_DRAWN.has(key)) yield* textsOf(item);
  }
}
