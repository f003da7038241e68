/**
 * A large file read in parts, one per thread (docs/DESIGN.md section 10): the file is cut at proposed
 * question headings into spans of about equal size; each span is read on its own (readPart, in a
 * worker), and the parts are joined into exactly the result of reading the whole file (joinParts).
 * A span whose end does not prove to be a question heading makes the whole file be read as usual.
 */
import { mustParseWhole, parseSpan, splitLines, type SplitLine } from './chunks.js';
import { guard, joinParts, QuizBuilder, sourceOf, stackError, type ParseOptions, type ParseResult, type Part } from './read.js';

export interface Span {
  /** Where the span starts: 0, or a proposed split's offset. */
  from: number;
  /** The proposed split it ends at, or null at the end of the file. */
  end: SplitLine | null;
  /** The proposals inside it. */
  splits: SplitLine[];
}

/** A part read from a span; `proven` false when its end did not prove to be a question heading. */
export interface SpanResult {
  part: Part | null;
  proven: boolean;
  /** A result that stands for the whole file (the nesting guard, a stack overflow): used as it is. */
  whole?: ParseResult;
}

/** The spans to read `text` in, `count` of them at most; null when it must be read in one piece. */
export function planSpans(text: string, count: number): Span[] | null {
  const source = sourceOf(text);
  if (count < 2 || mustParseWhole(source)) return null;
  const splits = splitLines(source);
  if (splits.length < count) return null;
  const spans: Span[] = [];
  let from = 0;
  let first = 0;
  for (let index = 1; index < count; index += 1) {
    // The first proposal at or past the index-th share of the text.
    const target = (source.length * index) / count;
    let at = first;
    while (at < splits.length && splits[at]!.offset < target) at += 1;
    if (at >= splits.length || splits[at]!.offset <= from) continue;
    spans.push({ from, end: splits[at]!, splits: splits.slice(first, at) });
    from = splits[at]!.offset;
    first = at + 1;
  }
  spans.push({ from, end: null, splits: splits.slice(first) });
  return spans.length < 2 ? null : spans;
}

/** Reads one span (in a worker). */
export function readPart(text: string, span: Span, options: ParseOptions): SpanResult {
  const source = sourceOf(text);
  if (span.from === 0) {
    const refused = guard(source, options.file);
    if (refused) return { part: null, proven: true, whole: refused };
  }
  try {
    const builder = new QuizBuilder(source, options, span.from === 0);
    const chunks = parseSpan(source, span.splits, span.from, span.end);
    for (;;) {
      const next = chunks.next();
      if (next.done) return { part: builder.read(), proven: next.value };
      builder.add(next.value);
    }
  } catch (error) {
    return { part: null, proven: true, whole: stackError(error, options.file) };
  }
}

/** The whole file's result from its spans' results, in order; null when a span was not proven (read the file whole). */
export function joinSpans(results: readonly SpanResult[], options: ParseOptions): ParseResult | null {
  const whole = results.find((result) => result.whole !== undefined)?.whole;
  if (whole) return whole;
  if (results.some((result) => !result.proven || result.part === null)) return null;
  return joinParts(
    results.map((result) => result.part!),
    options,
  );
}
