/** Text helpers shared by the readers and the grader. Pure. */

// Printable ASCII words with single spaces between them: NFC, trimming and collapsing change nothing.
const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

/** Trim, collapse white space, ignore case: how every answer text is compared (docs/DESIGN.md section 5). */
export function normalizeText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A light plain-text reading of inline Markdown (code spans, emphasis, links, escapes), so that a learner
 * may type an option as it is shown (`kubectl apply`) or as it is written (`` `kubectl apply` ``).
 */
export function stripInlineMarkdown(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const keysOf = new Map<string, readonly string[]>();

/**
 * Both readings of a Markdown text, normalised, for matching what a learner wrote. Remembered (a quiz
 * has few texts, and grading a class reads them once per submission); do not modify the result.
 */
export function textKeys(markdown: string): readonly string[] {
  let keys = keysOf.get(markdown);
  if (!keys) {
    keys = [...new Set([normalizeText(markdown), normalizeText(stripInlineMarkdown(markdown))])];
    if (keysOf.size >= 10_000) keysOf.clear();
    keysOf.set(markdown, keys);
  }
  return keys;
}

/** Unify line endings to `\n`. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** "A".."Z" for 0..25, then "AA".. (only the first 26 are offered as letters in answers files). */
export function letterFor(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * Each textKeys key of `texts`, to the index of the first text written so, else the first that reads so
 * (twin options: validate warns of them); remembered per question in
 * `cache` (a parsed question does not change, and grading a class reads it once per submission).
 */
export function keyIndex<Q extends object>(cache: WeakMap<Q, ReadonlyMap<string, number>>, question: Q, texts: (question: Q) => readonly string[]): ReadonlyMap<string, number> {
  let index = cache.get(question);
  if (index === undefined) {
    const built = new Map<string, number>();
    const all = texts(question);
    // Each text as written first, then its plain reading: "kubectl apply" typed by a learner names the
    // option written so, not an earlier "`kubectl apply`" that only reads the same.
    all.forEach((text, position) => {
      const written = textKeys(text)[0]!;
      if (!built.has(written)) built.set(written, position);
    });
    all.forEach((text, position) => {
      for (const key of textKeys(text)) if (!built.has(key)) built.set(key, position);
    });
    index = built;
    cache.set(question, index);
  }
  return index;
}

/** Line breaks (and the white space around them) as one space: titles are one line wherever they are shown. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ').trim();
}
