/**
 * What the foreign dialects share (docs/DESIGN.md section 12): a reader finds question drafts and the
 * places of questions it cannot use; `finish` checks each draft against the model, leaves out the
 * unusable ones with one warning each (many of one reason collapse into one line with a count), takes
 * titles from the text where the format has none, gives ids and numbers 1..N, and hashes. Pure.
 */
import type { Diagnostic, DiagnosticCode } from '../../core/diagnostics.js';
import { contentHash } from '../../core/hash.js';
import { assignIds, baseName, quizIdOf, VALID_ID } from '../../core/ids.js';
import type { NumericAnswer, Option, Question } from '../../core/kinds/index.js';
import type { Quiz, ReadResult } from '../../core/quiz.js';
import { normalizeText, stripInlineMarkdown } from '../../core/text.js';
import type { ReadOptions } from '../dialect.js';

export type Answer =
  | { kind: 'choice'; options: Option[]; /** several right options: multiple even if the format says single */ multiple?: boolean }
  | { kind: 'order'; items: string[] }
  | { kind: 'match'; labels: [string, string]; pairs: { left: string; right: string }[] }
  | { kind: 'text'; accepted: string[] }
  | { kind: 'numeric'; answers: NumericAnswer[] }
  | { kind: 'blank'; blanks: string[][] };

export interface Draft {
  /** The format's own title; empty: taken from the prompt's first line. */
  title: string;
  prompt: string;
  explanation?: string | null;
  hint?: string | null;
  line: number;
  column: number;
  answer: Answer;
}

export interface Place {
  line: number;
  column: number;
}

export interface Collected {
  title?: string | undefined;
  id?: string | undefined;
  passMark?: number | undefined;
  shuffle?: boolean | undefined;
  drafts: Draft[];
  /** Questions the reader could not use, each with why (`weak`: text that may not be meant as a question, such as a GIFT description). */
  leftOut: (Place & { reason: string; weak?: boolean })[];
  /** Other remarks on the file (a note per file of skipped exercises, ignored content). */
  notes: (Place & { code: DiagnosticCode; message: string })[];
}

export function collected(): Collected {
  return { drafts: [], leftOut: [], notes: [] };
}

/** At most this many warnings of one reason are listed; more collapse into one line with a count. */
export const COLLAPSE_FROM = 4;

const TITLE_MAX = 80;

/**
 * A title from a question's text: its first line of prose (not a code fence, an image, an HTML tag or
 * a block quote), inline Markdown read as plain text, cut at a word boundary to at most 80 characters.
 */
export function titleFrom(text: string): string {
  let fence: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const open = /^(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && line.startsWith(fence)) fence = null;
      continue;
    }
    if (open) {
      fence = open[1]!;
      continue;
    }
    // Gaps (`_____`) are kept as they are shown, not read as emphasis.
    const plain = stripInlineMarkdown(line.replace(/<[^>]+>/g, ' ').replace(/^([#>]+|[-*+]|\d+[.)])\s+/, '').replace(/_{3,}/g, (gap) => '\ue100'.repeat(gap.length)))
      .replace(/\ue100/g, '_')
      .replace(/\s+/g, ' ')
      .trim();
    if (!plain || /^!\[[^\]]*\]\([^)]*\)$/.test(line)) continue;
    return cut(plain);
  }
  return '';
}

export function cut(text: string): string {
  if (text.length <= TITLE_MAX) return text;
  const head = text.slice(0, TITLE_MAX + 1);
  const space = head.lastIndexOf(' ');
  return (space > 0 ? head.slice(0, space) : text.slice(0, TITLE_MAX)).trim();
}

/** Why a draft cannot be a question of the model, or null when it can. */
function unusable(draft: Draft): string | null {
  const answer = draft.answer;
  switch (answer.kind) {
    case 'choice': {
      if (answer.options.length === 0) return 'it has no options';
      if (answer.options.some((option) => !option.text.trim())) return 'an option is empty';
      if (!answer.options.some((option) => option.correct)) return 'no option is marked right';
      return null;
    }
    case 'order': {
      if (answer.items.length < 2) return 'an ordering needs at least two items';
      if (new Set(answer.items.map(normalizeText)).size !== answer.items.length || answer.items.some((item) => !item.trim())) return 'the items to order are not distinct';
      return null;
    }
    case 'match': {
      if (answer.pairs.length < 2) return 'a matching needs at least two pairs';
      if (answer.pairs.some((pair) => !pair.left.trim() || !pair.right.trim())) return 'a pair of the matching is empty';
      if (new Set(answer.pairs.map((pair) => normalizeText(pair.left))).size !== answer.pairs.length) return 'a left item of the matching appears twice';
      return null;
    }
    case 'text':
      return answer.accepted.some((one) => one.trim()) ? null : 'it has no right answer';
    case 'numeric':
      return answer.answers.length > 0 ? null : 'it has no right number';
    case 'blank':
      return answer.blanks.length > 0 && answer.blanks.every((one) => one.some((text) => text.trim())) ? null : 'a gap has no accepted answer';
  }
}

/** A short text (an option, an item, an answer) on one line: what the native format's list items and cells hold (code blocks kept). */
function oneLine(text: string): string {
  const trimmed = text.trim();
  return /^\s*(`{3,}|~{3,})/m.test(trimmed) ? trimmed : trimmed.replace(/\s*\n\s*/g, ' ');
}

/**
 * Headings of level 1 and 3 inside a text move one level down (outside code): in the native format they
 * would start a question or a section, and `convert` must read back to the same text.
 */
export function demoteHeadings(text: string): string {
  if (!/^ {0,3}(#|###)(?:[ \t]|$)/m.test(text)) return text;
  let fence: string | null = null;
  return text
    .split('\n')
    .map((line) => {
      const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (open && open[1]![0] === fence[0] && line.trim() === open[1]) fence = null;
        return line;
      }
      if (open) {
        fence = open[1]!;
        return line;
      }
      return /^ {0,3}(#|###)(?:[ \t]|$)/.test(line) ? line.replace('#', '##') : line;
    })
    .join('\n');
}

function block(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? demoteHeadings(trimmed) : null;
}

function build(draft: Draft, title: string): Question {
  const base = { number: 0, id: '', title, prompt: block(draft.prompt) ?? '', explanation: block(draft.explanation), hint: block(draft.hint), position: { line: draft.line, column: draft.column }, hash: '' };
  const answer = draft.answer;
  let question: Question;
  switch (answer.kind) {
    case 'choice': {
      const options = answer.options.map((option) => {
        const one: Option = { text: oneLine(option.text), correct: option.correct };
        if (option.feedback?.trim()) one.feedback = option.feedback.trim();
        return one;
      });
      const right = options.filter((option) => option.correct).length;
      question = { ...base, kind: right > 1 || answer.multiple === true ? 'multiple' : 'single', options };
      break;
    }
    case 'order':
      question = { ...base, kind: 'order', items: answer.items.map(oneLine) };
      break;
    case 'match':
      question = { ...base, kind: 'match', labels: answer.labels, pairs: answer.pairs.map((pair) => ({ left: pair.left.replace(/\s+/g, ' ').trim(), right: pair.right.replace(/\s+/g, ' ').trim() })) };
      break;
    case 'text':
      question = { ...base, kind: 'text', accepted: answer.accepted.map((one) => one.replace(/\s+/g, ' ').trim()).filter(Boolean) };
      break;
    case 'numeric':
      question = { ...base, kind: 'numeric', answers: answer.answers };
      break;
    case 'blank':
      question = { ...base, kind: 'blank', blanks: answer.blanks.map((one) => one.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean)) };
      break;
  }
  return { ...question, hash: contentHash(question) };
}

/** Warnings in file order; more than COLLAPSE_FROM - 1 of one reason become one line with a count and their lines. */
function collapse(warnings: readonly Diagnostic[], keyOf: (d: Diagnostic) => string, summary: (group: Diagnostic[]) => string): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const one of warnings) {
    const key = keyOf(one);
    groups.set(key, [...(groups.get(key) ?? []), one]);
  }
  const out: Diagnostic[] = [];
  for (const group of groups.values()) {
    if (group.length < COLLAPSE_FROM) out.push(...group);
    else out.push({ ...group[0]!, message: summary(group) });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

function lineList(group: readonly Diagnostic[]): string {
  const lines = group.map((one) => one.line);
  const shown = lines.slice(0, 8).join(', ');
  return lines.length > 8 ? `${shown}, … (${lines.length - 8} more)` : shown;
}

/** The quiz from what a foreign dialect's reader collected. */
export function finish(dialect: string, found: Collected, options: ReadOptions): ReadResult {
  const file = options.file;
  const usable: { draft: Draft; title: string }[] = [];
  const leftOut: Diagnostic[] = [];
  for (const place of found.leftOut) leftOut.push({ severity: 'warning', code: place.weak ? 'ignored' : 'left-out', file, line: place.line, column: place.column, message: place.reason });
  for (const draft of found.drafts) {
    const why = unusable(draft);
    if (why) {
      leftOut.push({ severity: 'warning', code: 'left-out', file, line: draft.line, column: draft.column, message: why });
      continue;
    }
    const title = draft.title.trim() ? draft.title.replace(/\s+/g, ' ').trim() : titleFrom(draft.prompt) || `Question ${usable.length + 1}`;
    usable.push({ draft, title });
  }
  const warnings = [
    ...collapse(
      leftOut,
      (d) => d.message,
      (group) => `${group.length} questions left out: ${group[0]!.message} (lines ${lineList(group)})`,
    ).map((d) => (d.message.match(/^\d+ questions left out: /) ? d : { ...d, message: `question left out: ${d.message}` })),
    ...found.notes.map((note): Diagnostic => ({ severity: 'warning', code: note.code, file, line: note.line, column: note.column, message: note.message })),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  if (usable.length === 0) {
    const why = leftOut.length > 0 ? `: ${leftOut.length} left out, the first (line ${leftOut[0]!.line}) because ${leftOut[0]!.message}` : '';
    return {
      quiz: null,
      errors: [{ severity: 'error', code: 'no-questions', file, line: 1, column: 1, message: `no usable questions, read as ${dialect}${why}` }],
      warnings,
    };
  }
  const heads = usable.map(({ draft, title }) => ({ title, explicitId: undefined, line: draft.line, column: draft.column }));
  const { ids } = assignIds(heads, file);
  const questions = usable.map(({ draft, title }, index) => ({ ...build(draft, title), number: index + 1, id: ids[index]! }));
  const quiz: Quiz = {
    id: found.id !== undefined && VALID_ID.test(found.id) ? found.id : quizIdOf(file),
    title: found.title?.trim() || baseName(file),
    source: options.source ?? file,
    passMark: found.passMark !== undefined && found.passMark >= 0 && found.passMark <= 100 ? found.passMark : 70,
    shuffle: found.shuffle ?? false,
    questions,
  };
  return { quiz, errors: [], warnings };
}

/**
 * The index of the first item after `after` that passes `test`, or -1: a search that starts there (a
 * `findIndex` with `at > after` looks at every item before it again, quadratic over a file's blocks).
 */
export function indexAfter<T>(items: readonly T[], after: number, test: (item: T) => boolean): number {
  for (let at = after + 1; at < items.length; at += 1) if (test(items[at]!)) return at;
  return -1;
}

/** A text's lines without their line ends (`\r\n` and `\r` too), BOM removed. */
export function linesOf(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\0/g, '\ufffd').split(/\r\n?|\n/);
}

/** A fence opening (```` ``` ````, `~~~`), its marker, or null. */
function fenceOpen(line: string): string | null {
  const match = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
  return match ? match[1]! : null;
}

function fenceCloses(line: string, marker: string): boolean {
  const match = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return match !== null && match[1]![0] === marker[0] && match[1]!.length >= marker.length;
}

/** Tells, for a text's lines in order, whether each is fenced code (the fences included). */
export function fencedCode(): (line: string) => boolean {
  let marker: string | null = null;
  return (line) => {
    if (marker !== null) {
      if (fenceCloses(line, marker)) marker = null;
      return true;
    }
    marker = fenceOpen(line);
    return marker !== null;
  };
}
