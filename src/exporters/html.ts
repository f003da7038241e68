/**
 * Quiz Markdown as HTML, for a target that shows HTML (Canvas): micromark with GitHub's extensions
 * (tables, task lists, strikethrough), the reader the Markdown dialect is built on. Raw HTML in a quiz is
 * escaped, never passed through (micromark's default).
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function markdownHtml(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** An inline text (an option, an item) as HTML without its paragraph. */
export function inlineHtml(markdown: string): string {
  const html = markdownHtml(markdown.trim());
  const match = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return match && !match[1]!.includes('<p>') ? match[1]! : html;
}
