/**
 * Moodle GIFT -> question model (docs/DESIGN.md section 12), read as Moodle's own importer reads it
 * (tests/fixtures/dialects/NOTES.md): blocks between blank lines, `//` comment lines, `$CATEGORY:`
 * ignored, `::Title::`, `[format]` tags, the first `{` ... first `}` as the answer block (a gap `_____`
 * when text follows it), `####` general feedback, and the kinds in Moodle's order: essay (left out),
 * numeric, choice, matching, true/false, short answer (a `blank` when it stands inside a sentence).
 * Pure.
 */
import type { NumericAnswer, Option } from '../../core/kinds/index.js';
import { GAP } from '../../core/kinds/blank.js';
import type { Dialect, ReadOptions } from '../dialect.js';
import { collected, finish, linesOf, type Answer, type Collected } from '../shared/foreign.js';

// Escapes become private-use characters while the block is cut up, and are put back in each text.
const ESCAPES: Record<string, string> = { '\\\\': '\ue000', '\\:': '\ue001', '\\#': '\ue002', '\\=': '\ue003', '\\{': '\ue004', '\\}': '\ue005', '\\~': '\ue006', '\\n': '\ue007' };
const BACK: Record<string, string> = { '\ue000': '\\', '\ue001': ':', '\ue002': '#', '\ue003': '=', '\ue004': '{', '\ue005': '}', '\ue006': '~', '\ue007': '\n' };

function escape(text: string): string {
  return text.replace(/\\[\\:#={}~n]/g, (pair) => ESCAPES[pair]!);
}

function unescape(text: string): string {
  return text.replace(/[\ue000-\ue007]/g, (mark) => BACK[mark]!);
}

/** A text's `[html]`/`[moodle]`/`[plain]`/`[markdown]` tag removed; escapes put back. */
function clean(text: string): string {
  return unescape(text.trim().replace(/^\[(?:html|moodle|plain|markdown)\]/i, '').trim());
}

/** `%50%`-style weight at the start of an answer: [percent, rest]; none: [null, text]. */
function weight(text: string): [number | null, string] {
  const match = /^%(-?\d{1,3}(?:\.\d*)?)%/.exec(text);
  return match ? [Number(match[1]), text.slice(match[0].length)] : [null, text];
}

/** An answer's text and its `#feedback` (the first `#`). */
function feedbackOf(text: string): [string, string | undefined] {
  const at = text.indexOf('#');
  return at < 0 ? [text, undefined] : [text.slice(0, at), clean(text.slice(at + 1)) || undefined];
}

function numericOf(text: string): NumericAnswer | null {
  const source = text.trim();
  const dots = source.indexOf('..');
  if (dots > 0) {
    const [low, high] = [source.slice(0, dots).trim(), source.slice(dots + 2).trim()];
    const [min, max] = [Number(low), Number(high)];
    return low && high && Number.isFinite(min) && Number.isFinite(max) && min <= max ? { min, max } : null;
  }
  const [value, tolerance = '0'] = source.split(':');
  const number = Number(value);
  const plusMinus = Math.abs(Number(tolerance));
  return value !== undefined && value.trim() !== '' && Number.isFinite(number) && Number.isFinite(plusMinus) ? { value: number, tolerance: plusMinus } : null;
}

type Read = { answer: Answer } | { leftOut: string };

function choice(body: string, gapped: boolean): Read {
  const options: Option[] = [];
  const hasEquals = body.includes('=');
  // Moodle rewrites every `=` to `~=` and splits at `~`: `~=right` reads as `=right`.
  const pieces = body.replace(/=/g, '~=').split('~');
  const weights: (number | null)[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece) continue;
    let right = false;
    let rest = piece;
    let percent: number | null = null;
    if (rest.startsWith('=')) {
      right = true;
      [, rest] = weight(rest.slice(1));
    } else {
      [percent, rest] = weight(rest);
    }
    const [text, feedback] = feedbackOf(rest);
    const cleaned = clean(text);
    if (!cleaned && !feedback) continue;
    const option: Option = { text: cleaned, correct: right };
    if (feedback) option.feedback = feedback;
    options.push(option);
    weights.push(percent);
  }
  if (!hasEquals) weights.forEach((percent, index) => (options[index]!.correct = percent !== null && percent > 0));
  if (options.length < 2) return { leftOut: `a choice needs at least two answers (found ${options.length})` };
  if (!options.some((option) => option.correct)) return { leftOut: 'no answer is marked right (`=answer`, or `~%50%answer` weights)' };
  void gapped;
  return { answer: { kind: 'choice', options, multiple: !hasEquals && options.filter((option) => option.correct).length > 1 } };
}

function matching(body: string): Read {
  const pairs: { left: string; right: string }[] = [];
  for (const raw of body.split('=')) {
    if (!raw.trim()) continue;
    const at = raw.indexOf('->');
    if (at < 0) return { leftOut: `a matching pair "${clean(raw)}" has no \`->\`` };
    const left = clean(raw.slice(0, at));
    const right = clean(raw.slice(at + 2));
    if (!left) continue; // a right-hand distractor: the model matches left items only
    pairs.push({ left, right });
  }
  return { answer: { kind: 'match', labels: ['Item', 'Match'], pairs } };
}

function trueFalse(body: string): Read {
  const [mark = '', wrongFeedback, rightFeedback] = body.split('#');
  const truth = /^(T|TRUE)$/i.test(mark.trim());
  const options: Option[] = [
    { text: 'True', correct: truth },
    { text: 'False', correct: !truth },
  ];
  const right = options.find((option) => option.correct)!;
  const wrong = options.find((option) => !option.correct)!;
  if (rightFeedback !== undefined && clean(rightFeedback)) right.feedback = clean(rightFeedback);
  if (wrongFeedback !== undefined && clean(wrongFeedback)) wrong.feedback = clean(wrongFeedback);
  return { answer: { kind: 'choice', options } };
}

function shortAnswer(body: string, gapped: boolean): Read {
  const accepted: string[] = [];
  for (const raw of body.split('=')) {
    if (!raw.trim()) continue;
    const [percent, rest] = weight(raw.trim());
    const [text] = feedbackOf(rest);
    const answer = clean(text);
    if (!answer || answer === '*' || (percent !== null && percent < 100)) continue;
    accepted.push(answer);
  }
  if (accepted.length === 0) return { leftOut: 'no answer is given full marks (`=answer`)' };
  return { answer: gapped ? { kind: 'blank', blanks: [accepted] } : { kind: 'text', accepted } };
}

function numeric(body: string): Read {
  let text = body.slice(1);
  const tilde = text.indexOf('~');
  if (tilde >= 0) text = text.slice(0, tilde);
  const answers: NumericAnswer[] = [];
  const pieces = text.split('=');
  pieces.forEach((raw, index) => {
    if (!raw.trim()) return;
    const [percent, rest] = weight(raw.trim());
    if (index > 0 && percent !== null && percent < 100) return;
    if (index === 0 && percent !== null && percent < 100) return;
    const [value] = feedbackOf(rest);
    const answer = numericOf(unescape(value));
    if (answer) answers.push(answer);
  });
  if (answers.length === 0) return { leftOut: 'a numeric answer block holds no number with full marks (`{#3.14:0.01}`, `{#1..5}`)' };
  return { answer: { kind: 'numeric', answers } };
}

function readBlock(lines: readonly { text: string; line: number; column: number }[], found: Collected): void {
  const first = lines[0]!;
  // Whole-line comments are blanked (they do not split a block).
  const text = lines
    .map((one) => (one.text.trim().startsWith('//') ? '' : one.text.trim()))
    .join('\n')
    .trim();
  if (!text) return;
  if (text.startsWith('$CATEGORY:')) return;
  const start = lines.find((one) => !one.text.trim().startsWith('//')) ?? first;
  const place = { line: start.line, column: start.column };
  let rest = escape(text);
  let title = '';
  if (rest.startsWith('::')) {
    const end = rest.indexOf('::', 2);
    if (end >= 0) {
      title = clean(rest.slice(2, end));
      rest = rest.slice(end + 2).trim();
    }
  }
  const open = rest.indexOf('{');
  const close = rest.indexOf('}');
  if (open < 0 && close < 0) {
    found.leftOut.push({ ...place, reason: 'it has no answer block `{...}` (a description, not a question)', weak: true });
    return;
  }
  if (open < 0 || close < open) {
    found.leftOut.push({ ...place, reason: 'its answer block is not closed: `{` and `}` do not pair (escape a literal one as `\\{` or `\\}`)' });
    return;
  }
  let body = rest.slice(open + 1, close).trim();
  const gapped = rest.trimEnd().endsWith('}') === false;
  const before = rest.slice(0, open);
  const after = rest.slice(close + 1);
  const questionText = gapped ? `${before}${GAP}${after}` : `${before}${after}`;
  let explanation: string | null = null;
  const general = body.lastIndexOf('####');
  if (general >= 0) {
    explanation = clean(body.slice(general + 4)) || null;
    body = body.slice(0, general).trim();
  }
  let read: Read;
  if (body === '') read = { leftOut: 'an essay question (`{}`) has no answer to grade' };
  else if (body.startsWith('#')) read = numeric(body);
  else if (body.includes('~')) read = choice(body, gapped);
  else if (body.includes('=') && body.includes('->')) read = matching(body);
  else if (/^(T|TRUE|F|FALSE)$/i.test((body.split('#')[0] ?? '').trim())) read = trueFalse(body);
  else read = shortAnswer(body, gapped);
  if ('leftOut' in read) {
    found.leftOut.push({ ...place, reason: read.leftOut });
    return;
  }
  const prompt = clean(questionText);
  found.drafts.push({ title, prompt, explanation, ...place, answer: read.answer });
}

export function readGift(text: string, options: ReadOptions): ReturnType<Dialect['read']> {
  const found = collected();
  let block: { text: string; line: number; column: number }[] = [];
  const lines = linesOf(text);
  lines.forEach((raw, index) => {
    if (raw.trim() === '') {
      if (block.length) readBlock(block, found);
      block = [];
      return;
    }
    block.push({ text: raw, line: index + 1, column: raw.length - raw.trimStart().length + 1 });
  });
  if (block.length) readBlock(block, found);
  return finish('gift', found, options);
}

export const gift: Dialect = { name: 'gift', read: readGift };
