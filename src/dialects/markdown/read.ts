/**
 * The native Markdown format -> question model (docs/DESIGN.md sections 3 and 4). Pure: takes the
 * file's text and returns the quiz, or the errors that make it unusable, and warnings, each with
 * file:line:column. Large files are parsed question by question (chunks.ts), and can be read in parts
 * on several threads (parts.ts), with the same result as a whole-file parse.
 */
import type { Code, Heading, List, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic, DiagnosticCode } from '../../core/diagnostics.js';
import { contentHash } from '../../core/hash.js';
import { assignIds, quizIdOf, baseName, type Head } from '../../core/ids.js';
import type { MatchQuestion, NumericAnswer, Option, Question } from '../../core/kinds/index.js';
import { parseNumericAnswer } from '../../core/kinds/numeric.js';
import { nearest } from '../../core/nearest.js';
import type { ImageRef, Quiz, ReadResult } from '../../core/quiz.js';
import { normalizeNewlines, normalizeText, oneLine, textKeys } from '../../core/text.js';
import { parseChunks } from './chunks.js';
import { findUnboundedWork } from './bounds.js';
import type { FrontMatter } from './front-matter.js';
import { findDeepNesting, MAX_NESTING } from './nesting.js';
import { parseMarkdown, readFrontMatter } from './remark.js';

export { PARSER_VERSION } from './version.js';

export interface ParseOptions {
  /** The path shown in messages (as the user gave it). */
  file: string;
  /** What `quiz.source` says: the path, or the bundled quiz's name. Defaults to `file`. */
  source?: string;
  /**
   * Files of at least this many characters are parsed question by question (default 32 KiB); smaller
   * ones in one piece, which is as fast for them (both give the same result; 0 forces splitting).
   */
  splitFrom?: number;
}

/** Below this size a whole-file parse is as fast as per-question parsing (measured: docs/SPEED.md). */
export const SPLIT_FROM = 32 * 1024;

export type ParseResult = ReadResult;

const SECTION_NAMES = {
  'possible answers': 'options',
  'all that apply': 'options-all',
  'correct order': 'order',
  matches: 'matches',
  'accepted answers': 'accepted',
  'numeric answer': 'numeric',
  blanks: 'blanks',
  explanation: 'explanation',
  hint: 'hint',
} as const;
type KnownSection = (typeof SECTION_NAMES)[keyof typeof SECTION_NAMES];
type SectionKind = KnownSection | 'ignored';
const ANSWER_SECTIONS: readonly SectionKind[] = ['options', 'options-all', 'order', 'matches', 'accepted', 'numeric', 'blanks'];

/** Each section's name as messages write it. */
const SECTION_TITLES: Record<KnownSection, string> = {
  options: 'Possible Answers',
  'options-all': 'All That Apply',
  order: 'Correct Order',
  matches: 'Matches',
  accepted: 'Accepted Answers',
  numeric: 'Numeric Answer',
  blanks: 'Blanks',
  explanation: 'Explanation',
  hint: 'Hint',
};
const TITLES = Object.values(SECTION_TITLES);
const KNOWN_LIST = TITLES.join(', ');

/** Other names authors give a level-3 section, and the section they most likely mean. */
const SECTION_ALIASES: Record<string, KnownSection> = {
  answers: 'options',
  options: 'options',
  choices: 'options',
  'answer options': 'options',
  order: 'order',
  ordering: 'order',
  'right order': 'order',
  matching: 'matches',
  pairs: 'matches',
  'accepted answer': 'accepted',
  'short answer': 'accepted',
  solution: 'explanation',
  rationale: 'explanation',
  'why?': 'explanation',
  tip: 'hint',
  clue: 'hint',
};

/** The section a heading's text names exactly (any case and spacing), or undefined. */
function sectionOf(name: string): KnownSection | undefined {
  return SECTION_NAMES[name.toLowerCase().replace(/\s+/g, ' ') as keyof typeof SECTION_NAMES];
}

/** The section a heading's text names or nearly names (a misspelling; with `aliases`, another usual name), or undefined. */
function sectionMeant(name: string, aliases: boolean): KnownSection | undefined {
  const exact = sectionOf(name);
  if (exact) return exact;
  const alias = aliases ? SECTION_ALIASES[name.toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '')] : undefined;
  if (alias) return alias;
  const near = nearest(name, TITLES);
  return near === undefined ? undefined : sectionOf(near);
}

/** A section heading that does not make a section: an unknown level-3 name, or a section's name at another level. */
interface Miss {
  heading: Heading;
  /** As written: `### Posible Answers`, `## Explanation`. */
  written: string;
  /** The section it most likely means. */
  meant: KnownSection | undefined;
  /** Whether the name is right and the level wrong. */
  level: boolean;
  /** The section it falls into (its text becomes part of that, or is ignored with it), or null: the prompt. */
  inside: Section | null;
}

/** A paragraph line that looks like a heading without the space after its `#`s (`#No space`). */
interface Spaceless {
  place: Place;
  depth: number;
  written: string;
  fixed: string;
}

const SPACELESS = /^( {0,3})(#{1,6})(\p{L}[^\n]*)$/u;

/** The lines of a top-level paragraph that would be headings with a space after their `#`s. */
function spacelessHeadings(node: Paragraph, source: string): Spaceless[] {
  const origin = node.position?.start;
  const from = origin?.offset;
  const to = node.position?.end.offset;
  if (origin === undefined || from === undefined || to === undefined) return [];
  const found: Spaceless[] = [];
  let offset = from;
  for (const line of source.slice(from, to).split('\n')) {
    const match = SPACELESS.exec(line.replace(/\r$/, ''));
    if (match) {
      const written = `${match[2]}${match[3]!.trimEnd()}`;
      found.push({ place: placeAt(source, origin, offset + match[1]!.length), depth: match[2]!.length, written, fixed: `${match[2]} ${match[3]!.trimEnd()}` });
    }
    offset += line.length + 1;
  }
  return found;
}

function spacelessMessage(found: Spaceless): string {
  const effect = found.depth === 1 ? 'no question starts here' : found.depth === 3 ? 'no section starts here' : 'it is shown as plain text';
  return `"${found.written}" is text, not a heading (${effect}): a heading needs a space after its "#"; write "${found.fixed}"`;
}

const ANSWER_MARK = /\s*\{answer\}\s*$/i;
/** A mark at the end of a line that is nearly `{Answer}`: `{Anwser}`, `(Answer)`, `{ Answer }`, `[Answer]`. */
const NEAR_MARK = /([{([<])[ \t]*(\p{L}+)[ \t]*([})\]>])[ \t]*\r?$/u;
const EXPLICIT_ID = /\s*\{#([^\s{}]*)\}\s*$/;

interface Place {
  line: number;
  column: number;
}

/** A point in the source as remark gives it: line, column and offset. */
type Point = NonNullable<Nodes['position']>['start'];

interface Section {
  kind: SectionKind;
  name: string;
  heading: Heading;
  nodes: RootContent[];
}

/** Removes a BOM; CommonMark replaces U+0000 with U+FFFD: done before slicing source text too (same length, same offsets). */
export function sourceOf(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\0/g, '\ufffd');
}

function tooDeep(file: string, line: number, column: number, message: string, code: 'too-deep' | 'too-long' = 'too-deep'): ParseResult {
  return { quiz: null, errors: [{ severity: 'error', code, message, file, line, column }], warnings: [] };
}

/** The nesting guard (nesting.ts): a result with its error, or null when the text may be parsed. */
export function guard(source: string, file: string): ParseResult | null {
  const deep = findDeepNesting(source);
  if (!deep) {
    const work = findUnboundedWork(source);
    return work === null ? null : tooDeep(file, work.line, work.column, work.message, 'too-long');
  }
  return tooDeep(file, deep.line, deep.column, `lists or block quotes nest more than ${MAX_NESTING} levels deep here; at most ${MAX_NESTING} are accepted (counting each \`>\`, list marker and two columns of indentation)`);
}

/** Nesting the guard does not count (emphasis, links) can still exhaust the stack: an error, not a crash. */
export function stackError(error: unknown, file: string): ParseResult {
  if (error instanceof RangeError) return tooDeep(file, 1, 1, `the Markdown nests too deeply to read (${error.message}); flatten deeply nested emphasis, links, lists or block quotes`);
  throw error;
}

export function parseQuiz(text: string, options: ParseOptions): ParseResult {
  const source = sourceOf(text);
  const refused = guard(source, options.file);
  if (refused) return refused;
  try {
    if (source.length < (options.splitFrom ?? SPLIT_FROM)) return buildQuiz(parseMarkdown(source), source, options);
    const builder = new QuizBuilder(source, options);
    for (const nodes of parseChunks(source)) builder.add(nodes);
    return builder.finish();
  } catch (error) {
    return stackError(error, options.file);
  }
}

/** The same result from one whole-file parse: the reference that per-question parsing must equal. */
export function parseQuizWhole(text: string, options: ParseOptions): ParseResult {
  return parseQuiz(text, { ...options, splitFrom: Infinity });
}

/** Builds the quiz from a parsed tree of `source` (the text without its BOM). */
export function buildQuiz(root: Root, source: string, options: ParseOptions): ParseResult {
  const builder = new QuizBuilder(source, options);
  builder.add(root.children);
  return builder.finish();
}

/**
 * A question's messages name it (`question 5 "Title"`, `question 5`) through these marks, filled in when
 * its number in the whole file is known: a part of a file read on its own thread does not know how many
 * questions come before it. Parsed text never holds U+0000 (sourceOf), so no title can fake a mark.
 */
const WHERE = '\0where\0';
const NUMBER = '\0number\0';

/** A diagnostic of a question whose number is not known yet: `question` is its index in its part. */
export interface PendingDiagnostic extends Diagnostic {
  question?: number;
}

/** What a run of top-level nodes (a whole file, or a part of one) reads into, before ids are given. */
export interface Part {
  front: FrontMatter | null;
  /** Front matter and text before the first question. */
  head: PendingDiagnostic[];
  /** Each question's own diagnostics, `question` its index in `heads`. */
  body: PendingDiagnostic[];
  heads: Head[];
  /** The built question (its id and number set later), or null when it has errors. */
  questions: (Question | null)[];
  /** The images of each question, `question` its index in `heads`. */
  images: PendingImage[];
}

/** An image of a question whose number is not known yet. */
export interface PendingImage extends Omit<ImageRef, 'question' | 'title'> {
  question: number;
}

/**
 * Reads a file's top-level nodes, given in order in any number of runs (one whole-file tree, or one
 * run per chunk), into a Part. A question is built as soon as the next level-1 heading (or the end)
 * shows that its nodes are complete, and its nodes are let go.
 */
export class QuizBuilder {
  private readonly file: string;
  private readonly part: Part = { front: null, head: [], body: [], heads: [], questions: [], images: [] };
  private current: { heading: Heading; nodes: RootContent[] } | null = null;
  private started: boolean;

  /** `first`: whether these nodes open the file (front matter may come first). */
  constructor(
    private readonly source: string,
    private readonly options: ParseOptions,
    first = true,
  ) {
    this.file = options.file;
    this.started = !first;
  }

  add(nodes: readonly RootContent[]): void {
    for (const node of nodes) {
      if (!this.started) {
        this.started = true;
        if (node.type === 'yaml') {
          this.part.front = readFrontMatter(node, (severity, code, place, message, suggestion) =>
            this.part.head.push({ severity, code, message, file: this.file, ...place, ...(suggestion === undefined ? {} : { suggestion }) }),
          );
          continue;
        }
      }
      if (node.type === 'heading' && node.depth === 1) {
        this.close();
        this.current = { heading: node, nodes: [] };
      } else if (this.current) {
        this.current.nodes.push(node);
      } else if (node.type !== 'html' && node.type !== 'definition') {
        const spaceless = node.type === 'paragraph' ? spacelessHeadings(node, this.source) : [];
        for (const found of spaceless) {
          this.part.head.push({ severity: 'warning', code: 'heading-space', message: spacelessMessage(found), file: this.file, ...found.place, suggestion: found.fixed });
        }
        if (spaceless[0]?.place.line !== start(node).line) {
          this.part.head.push({
            severity: 'warning',
            code: 'ignored-content',
            message: 'text before the first question (a level-1 heading) is ignored; start a question with `# Title` above it, or remove it',
            file: this.file,
            ...start(node),
          });
        }
      }
    }
  }

  /** Builds the open question (its id comes later, when every title is known) and lets its nodes go. */
  private close(): void {
    const group = this.current;
    if (!group) return;
    this.current = null;
    const head = readHeading(group.heading);
    const index = this.part.heads.length;
    this.part.heads.push({ ...head, ...start(group.heading) });
    this.part.questions.push(
      buildQuestion({
        heading: group.heading,
        nodes: group.nodes,
        title: head.title,
        source: this.source,
        report: (severity, code, place, message, suggestion) =>
          this.part.body.push({ severity, code, message, file: this.file, ...place, ...(suggestion === undefined ? {} : { suggestion }), question: index }),
        image: (url, place, answer) => this.part.images.push({ url, ...place, answer, question: index }),
      }),
    );
  }

  /** What these nodes read into. */
  read(): Part {
    this.close();
    return this.part;
  }

  finish(): ParseResult {
    return joinParts([this.read()], this.options);
  }
}

/**
 * The quiz from the parts of a file, in order: numbers 1..N across the parts, ids (core/ids.ts), and
 * the diagnostics in file order: front matter and text before the first question, then ids, then each
 * question's.
 */
export function joinParts(parts: readonly Part[], options: ParseOptions): ParseResult {
  const file = options.file;
  const front = parts[0]?.front ?? null;
  const heads: Head[] = [];
  const questions: (Question | null)[] = [];
  const head: Diagnostic[] = [];
  const body: Diagnostic[] = [];
  const images: ImageRef[] = [];
  for (const part of parts) {
    const offset = heads.length;
    for (const { question, ...image } of part.images) {
      images.push({ ...image, question: offset + question + 1, title: part.heads[question]?.title ?? '' });
    }
    head.push(...part.head.map(settled));
    for (const pending of part.body) {
      const index = offset + (pending.question ?? 0);
      const title = heads[index]?.title ?? part.heads[pending.question ?? 0]?.title ?? '';
      const number = String(index + 1);
      const message = pending.message.replace(/\0(where|number)\0/g, (_, mark: string) => (mark === 'where' ? `question ${number} "${title}"` : number));
      body.push(settled({ ...pending, message }));
    }
    heads.push(...part.heads);
    for (const question of part.questions) questions.push(question === null ? null : { ...question, number: questions.length + 1 });
  }
  const done = (quiz: Quiz | null, ids: Diagnostic[]): ParseResult => {
    const all = [...head, ...ids, ...body];
    return { quiz, errors: all.filter((d) => d.severity === 'error'), warnings: all.filter((d) => d.severity === 'warning'), images };
  };
  if (heads.length === 0) {
    return done(null, [{ severity: 'error', code: 'no-questions', message: 'no questions: each question starts with a level-1 heading (`# Title`, a space after the `#`); write one above each question', file, line: 1, column: 1 }]);
  }
  const { ids, errors } = assignIds(heads, file);
  const built: Question[] = [];
  questions.forEach((question, index) => {
    if (question) built.push({ ...question, id: ids[index]! });
  });
  if ([...head, ...errors, ...body].some((d) => d.severity === 'error')) return done(null, errors);
  const name = baseName(file);
  return done(
    {
      id: front?.id ?? quizIdOf(file),
      title: front?.title ?? name,
      source: options.source ?? file,
      passMark: front?.passMark ?? 70,
      shuffle: front?.shuffle ?? false,
      questions: built,
    },
    errors,
  );
}

/** A diagnostic as it is reported: without the index of its question in its part. */
function settled(pending: PendingDiagnostic): Diagnostic {
  const { question: _question, ...diagnostic } = pending;
  return diagnostic;
}

export type Report = (severity: 'error' | 'warning', code: DiagnosticCode, place: Place, message: string, suggestion?: string) => void;

function readHeading(heading: Heading): { title: string; explicitId: string | undefined } {
  // A setext heading may run over lines; a title is one line wherever it is shown (a report's line).
  const text = oneLine(toString(heading));
  const match = EXPLICIT_ID.exec(text);
  if (!match) return { title: text, explicitId: undefined };
  return { title: text.slice(0, match.index).trim(), explicitId: match[1] ?? '' };
}

interface QuestionInput {
  heading: Heading;
  nodes: RootContent[];
  title: string;
  source: string;
  report: Report;
  /** Called with each image the question shows, and whether it is its answer image. */
  image: (url: string, place: Place, answer: boolean) => void;
}

function buildQuestion(input: QuestionInput): Question | null {
  const { heading, nodes, title, source, report } = input;
  const errorsBefore = { count: 0 };
  const error: Report = (severity, code, place, message, suggestion) => {
    if (severity === 'error') errorsBefore.count += 1;
    report(severity, code, place, message, suggestion);
  };
  const where = WHERE;
  if (!title) error('error', 'empty-title', start(heading), `question ${NUMBER} has an empty title; write it after the "# "`);

  // Split into the prompt (before the first level-3 heading) and the level-3 sections; note the headings
  // that look like sections but are not (misspelt, or at another level) and lines that would be headings
  // with a space after their `#`s.
  const promptNodes: RootContent[] = [];
  const sections: Section[] = [];
  const misses: Miss[] = [];
  const spaceless: Spaceless[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) {
      const name = toString(node).trim();
      const kind = sectionOf(name);
      if (!kind) {
        misses.push({ heading: node, written: `### ${name}`, meant: sectionMeant(name, true), level: false, inside: null });
        sections.push({ kind: 'ignored', name, heading: node, nodes: [] });
        continue;
      }
      sections.push({ kind, name, heading: node, nodes: [] });
      continue;
    }
    if (node.type === 'heading') {
      const name = toString(node).trim();
      const meant = sectionMeant(name, false);
      const inside = sections.at(-1);
      if (meant) misses.push({ heading: node, written: `${'#'.repeat(node.depth)} ${name}`, meant, level: true, inside: inside ?? null });
    } else if (node.type === 'paragraph') {
      spaceless.push(...spacelessHeadings(node, source));
    }
    if (sections.length > 0) sections.at(-1)!.nodes.push(node);
    else promptNodes.push(node);
  }
  for (const found of spaceless) error('warning', 'heading-space', found.place, spacelessMessage(found), found.fixed);

  const image = promptNodes.find((node) => answerImageUrl(node) !== undefined);
  const prompt = normalizeNewlines(sliceNodes(source, promptNodes.filter((node) => node !== image))).trim();
  const known = sections.filter((section) => section.kind !== 'ignored');
  const seen = new Map<SectionKind, Section>();
  for (const section of known) {
    const earlier = seen.get(section.kind);
    if (earlier) {
      const answerSection = ANSWER_SECTIONS.includes(section.kind);
      error(
        answerSection ? 'error' : 'warning',
        'duplicate-section',
        start(section.heading),
        `"### ${section.name}" appears twice in ${where}; the first is at line ${start(earlier.heading).line}${answerSection ? '' : ' and counts'}; ${runOn(spaceless, section.heading) ?? 'merge them into one'}`,
      );
      continue;
    }
    seen.set(section.kind, section);
  }
  const answerSections = [...seen.values()].filter((section) => ANSWER_SECTIONS.includes(section.kind));
  if (answerSections.length > 1) {
    const names = answerSections.map((section) => `"### ${section.name}"`).join(' and ');
    const cause = runOn(spaceless, answerSections[1]!.heading);
    error('error', 'conflicting-answer-sections', start(answerSections[1]!.heading), `${where} has ${names}: a question takes one answer section; ${cause ?? 'keep one, or start a new question (`# Title`) above the second'}`);
  }
  const explanation = textSection(seen.get('explanation'), source, where, error);
  const hint = textSection(seen.get('hint'), source, where, error);

  const base = {
    number: 0,
    id: '',
    title,
    prompt,
    explanation,
    hint,
    position: start(heading),
    hash: '',
  };

  const answer = answerSections[0];
  // Every image the learner is shown, for the edge to check; an answer image beside an answer section is not shown.
  for (const node of nodes) {
    if (node === image && answer) continue;
    visitImages(node, (url, place) => input.image(url, place, node === image));
  }
  // With no answer, a misspelt or mis-levelled answer section is the likely cause: one error there says so.
  const cause = answer || image ? undefined : misses.find((miss) => miss.meant !== undefined && ANSWER_SECTIONS.includes(miss.meant));
  for (const miss of misses) {
    if (miss !== cause) reportMiss(miss, where, error);
  }
  if (!answer) {
    if (image) {
      if (errorsBefore.count > 0) return null;
      const self: Question = { ...base, kind: 'self', image: answerImageUrl(image) ?? '' };
      return { ...self, hash: contentHash(self) };
    }
    if (cause) {
      const right = `### ${SECTION_TITLES[cause.meant!]}`;
      const why = cause.level ? `"${cause.written}" is a level-${cause.heading.depth} heading, and sections are level-3 headings: write "${right}"` : `"${cause.written}" is not a known section; did you mean "${right}"?`;
      error('error', 'no-answer', start(cause.heading), `${where} has no answer: ${why}`, right);
    } else {
      error('error', 'no-answer', start(heading), `${where} has no answer: add "### Possible Answers", "### Correct Order", "### Matches", "### Accepted Answers", "### Numeric Answer" or "### Blanks", or an answer image ![Answer](path)`);
    }
    return null;
  }
  if (image) {
    error('warning', 'ignored-answer-image', start(image), `the answer image in ${where} is ignored: the question has "### ${answer.name}"; remove one of them`);
  }

  let question: Question | null = null;
  switch (answer.kind) {
    case 'options':
    case 'options-all': {
      const options = readOptions(answer, source, where, error);
      if (options) {
        const correct = options.filter((option) => option.correct).length;
        question = { ...base, kind: correct > 1 || answer.kind === 'options-all' ? 'multiple' : 'single', options };
      }
      break;
    }
    case 'order': {
      const items = readOrder(answer, source, where, error);
      if (items) question = { ...base, kind: 'order', items };
      break;
    }
    case 'matches': {
      const table = readMatches(answer, source, where, error);
      if (table) question = { ...base, kind: 'match', ...table };
      break;
    }
    case 'accepted': {
      const accepted = readAccepted(answer, where, error);
      if (accepted) question = { ...base, kind: 'text', accepted };
      break;
    }
    case 'numeric': {
      const answers = readNumeric(answer, where, error);
      if (answers) question = { ...base, kind: 'numeric', answers };
      break;
    }
    case 'blanks': {
      const blanks = readBlanks(answer, source, where, error);
      if (blanks) question = { ...base, kind: 'blank', blanks };
      break;
    }
    default:
      break;
  }
  if (errorsBefore.count > 0 || !question) return null;
  return { ...question, hash: contentHash(question) };
}

/** A section heading that makes no section, as a warning with its fix. */
function reportMiss(miss: Miss, where: string, report: Report): void {
  const place = start(miss.heading);
  if (!miss.level) {
    if (miss.meant === undefined) {
      report('warning', 'unknown-section', place, `unknown section "${miss.written}" in ${where} is ignored (known: ${KNOWN_LIST}); rename it to one of those, or remove it`);
    } else {
      const right = `### ${SECTION_TITLES[miss.meant]}`;
      report('warning', 'unknown-section', place, `unknown section "${miss.written}" in ${where} is ignored; did you mean "${right}"?`, right);
    }
    return;
  }
  const right = `### ${SECTION_TITLES[miss.meant!]}`;
  const seenAs =
    miss.inside === null
      ? 'learners see it in the prompt, before they answer'
      : miss.inside.kind === 'ignored'
        ? `it is ignored with "### ${miss.inside.name}"`
        : `it is read as part of "### ${miss.inside.name}"`;
  report('warning', 'section-level', place, `"${miss.written}" in ${where} is a level-${miss.heading.depth} heading, so ${seenAs}; sections are level-3 headings: write "${right}"`, right);
}

/** When a `#Title` line (no space) before `heading` made the next question's sections run into this one: the words that say so. */
function runOn(spaceless: readonly Spaceless[], heading: Heading): string | undefined {
  const line = start(heading).line;
  const found = spaceless.find((candidate) => candidate.depth === 1 && candidate.place.line < line);
  return found ? `"${found.written}" at line ${found.place.line} is not a heading (no space after "#"), so what follows it belongs to this question: write "${found.fixed}"` : undefined;
}

/** Every image in a node, at its place. */
function visitImages(node: Nodes, visit: (url: string, place: Place) => void): void {
  if (node.type === 'image') visit(node.url, start(node));
  if ('children' in node) for (const child of node.children) visitImages(child, visit);
}

/** Marks at line ends in `source` from `from` to `to` that nearly are `{Answer}`: each with its offset and text. */
function nearMarks(source: string, from: number, to: number): { offset: number; written: string }[] {
  const found: { offset: number; written: string }[] = [];
  let offset = from;
  for (const line of source.slice(from, to).split('\n')) {
    const match = NEAR_MARK.exec(line);
    if (match) {
      const written = match[0].trimEnd();
      const word = match[2]!;
      const exact = /^\{answer\}$/i.test(written);
      if (!exact && word.length >= 4 && nearest(word, ['answer']) !== undefined) found.push({ offset: offset + match.index, written });
    }
    offset += line.length + 1;
  }
  return found;
}

function readOptions(section: Section, source: string, where: string, report: Report): Option[] | null {
  const options: Option[] = [];
  const checkMarks = (origin: Point | undefined, to: number | undefined): void => {
    if (origin?.offset === undefined || to === undefined) return;
    for (const mark of nearMarks(source, origin.offset, to)) {
      report(
        'warning',
        'answer-mark',
        placeAt(source, origin, mark.offset),
        `in ${where}, "${mark.written}" ends an option but is not the answer mark: learners see it as part of the option, which is not marked correct; did you mean "{Answer}"?`,
        '{Answer}',
      );
    }
  };
  for (const node of section.nodes) {
    if (node.type === 'code' && isIndentedCode(node, source)) {
      options.push(...optionsFromBlock(node.value));
      checkMarks(node.position?.start, node.position?.end.offset);
    } else if (node.type === 'list') {
      for (const item of node.children) {
        // A block quote in an option's item is that option's feedback (docs/FORMAT.md).
        const quotes = item.children.filter((child) => child.type === 'blockquote');
        const body = item.children.filter((child) => child.type !== 'blockquote');
        checkMarks(body[0]?.position?.start, body.at(-1)?.position?.end.offset);
        const raw = normalizeNewlines(sliceNodes(source, body)).replace(/^\[[ xX]\]\s+/, '');
        const marked = ANSWER_MARK.test(raw);
        const text = raw.replace(ANSWER_MARK, '').trim();
        const option: Option = { text, correct: item.checked === true || marked };
        const feedback = quotes.map((quote) => normalizeNewlines(sliceNodes(source, quote.children)).replace(/^[ \t]*> ?/gm, '').trim()).filter(Boolean).join('\n\n');
        if (feedback) option.feedback = feedback;
        options.push(option);
      }
    } else if (node.type !== 'html') {
      report('warning', 'ignored-content', start(node), `in ${where}, "### ${section.name}" holds something that is not an option, and it is ignored; write options as a list, or an indented block of options separated by blank lines, and move the rest into the prompt`);
    }
  }
  const place = start(section.heading);
  if (options.length === 0) {
    report('error', 'no-options', place, `${where}: "### ${section.name}" has no options; write a list (\`- option {Answer}\`, \`- [x] option\`) or an indented block of options separated by blank lines`);
    return null;
  }
  const empty = options.findIndex((option) => !option.text);
  if (empty >= 0) {
    report('error', 'no-options', place, `${where}: option ${empty + 1} is empty; write its text or remove it`);
    return null;
  }
  if (!options.some((option) => option.correct)) {
    report('error', 'no-correct-option', place, `${where}: no option is marked correct; end the right one with {Answer} or write it as a task item \`- [x]\``);
    return null;
  }
  if (options.length === 1) {
    report('warning', 'one-option', place, `${where} has only one option; separate options with blank lines (indented block) or write one list item each`);
  }
  // Twins: two options that read the same, as written or as plain text (`kubectl apply` and kubectl apply).
  const seen = new Map<string, number>();
  options.forEach((option, index) => {
    const keys = textKeys(option.text);
    const twin = keys.map((key) => seen.get(key)).find((earlier) => earlier !== undefined);
    if (twin !== undefined) {
      const same = normalizeText(options[twin]!.text) === keys[0];
      report('warning', 'duplicate-option', place, same
        ? `${where}: the option "${option.text}" appears twice, and answers by text pick the first; remove or reword one`
        : `${where}: options ${twin + 1} "${options[twin]!.text}" and ${index + 1} "${option.text}" read the same; an answer by text picks the one written exactly so, else the first`);
    }
    for (const key of keys) if (!seen.has(key)) seen.set(key, index);
  });
  return options;
}

/** The seed's style: an indented block whose options are separated by blank lines. */
export function optionsFromBlock(value: string): Option[] {
  const options: Option[] = [];
  for (const chunk of normalizeNewlines(value).split(/\n[ \t]*\n/)) {
    const joined = chunk.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
    if (!joined) continue;
    options.push({ text: joined.replace(ANSWER_MARK, '').trim(), correct: ANSWER_MARK.test(joined) });
  }
  return options;
}

function readOrder(section: Section, source: string, where: string, report: Report): string[] | null {
  const list = section.nodes.find((node): node is List => node.type === 'list');
  const items = list ? list.children.map((item) => normalizeNewlines(sliceNodes(source, item.children)).trim()) : [];
  const place = list ? start(list) : start(section.heading);
  if (items.length < 2) {
    report('error', 'order-too-short', place, `${where}: "### ${section.name}" needs an ordered list of at least two items in their correct order (found ${items.length})`);
    return null;
  }
  const seen = new Set<string>();
  for (const item of items) {
    const key = normalizeText(item);
    if (!key || seen.has(key)) {
      report('error', 'duplicate-order-item', place, `${where}: the items of "### ${section.name}" must be distinct and non-empty ("${item}"); reword or remove it`);
      return null;
    }
    seen.add(key);
  }
  return items;
}

function readMatches(
  section: Section,
  source: string,
  where: string,
  report: Report,
): Pick<MatchQuestion, 'labels' | 'pairs'> | null {
  const table = section.nodes.find((node): node is Table => node.type === 'table');
  const usage = 'a two-column table: a header row of labels, then one row per left item and its match';
  if (!table) {
    report('error', 'bad-matches', start(section.heading), `${where}: "### ${section.name}" needs ${usage}`);
    return null;
  }
  const cells = table.children.map((row) => row.children.map((cell) => normalizeNewlines(sliceNodes(source, cell.children)).trim()));
  const header = cells[0] ?? [];
  if (header.length !== 2) {
    report('error', 'bad-matches', start(table), `${where}: the matches table has ${header.length} columns; it needs ${usage}`);
    return null;
  }
  if (table.children.length < 2) {
    report('error', 'bad-matches', start(table), `${where}: the matches table has no rows below its header; it needs ${usage}`);
    return null;
  }
  const pairs: { left: string; right: string }[] = [];
  const lefts = new Set<string>();
  let bad = false;
  for (let index = 1; index < table.children.length; index += 1) {
    const row = table.children[index]!;
    const [left = '', right = ''] = cells[index]!;
    const extra = row.children[2];
    if (extra) {
      const text = cells[index]![2] ?? '';
      report('error', 'bad-matches', start(extra), `${where}: this row of the matches table has ${row.children.length} cells, and the table 2 columns, so ${text ? `"${text}"` : 'this cell'} would be dropped; keep two cells: the left item and its match`);
      bad = true;
      continue;
    }
    if (row.children.length < 2) {
      const end = row.position?.end;
      const place = end ? { line: end.line, column: end.column } : start(row);
      report('error', 'bad-matches', place, `${where}: this row of the matches table has no second cell; add the match of "${left}" (\`| ${left} | match |\`)`);
      bad = true;
      continue;
    }
    if (!left || !right) {
      const cell = row.children[left ? 1 : 0]!;
      report('error', 'bad-matches', start(cell), `${where}: a cell of the matches table is empty; every row needs ${left ? `a match for "${left}"` : 'a left item'}`);
      bad = true;
      continue;
    }
    if (lefts.has(normalizeText(left))) {
      report('error', 'bad-matches', start(row), `${where}: the left item "${left}" appears twice in the matches table; give each left item one row`);
      bad = true;
      continue;
    }
    lefts.add(normalizeText(left));
    pairs.push({ left, right });
  }
  return bad ? null : { labels: [header[0]!, header[1]!], pairs };
}

function readAccepted(section: Section, where: string, report: Report): string[] | null {
  const accepted: string[] = [];
  for (const node of section.nodes) {
    if (node.type === 'list') accepted.push(...node.children.map((item) => normalizeNewlines(toString(item)).trim()));
    else if (node.type === 'paragraph') accepted.push(normalizeNewlines(toString(node)).trim());
  }
  const texts = accepted.filter(Boolean);
  if (texts.length === 0) {
    report('error', 'no-accepted-answers', start(section.heading), `${where}: "### ${section.name}" needs a list of accepted answers`);
    return null;
  }
  return texts;
}

/** `### Numeric Answer`: list items (or one paragraph) such as `3.14 ± 0.01`, `1 to 5`, `42`. */
function readNumeric(section: Section, where: string, report: Report): NumericAnswer[] | null {
  const texts: { text: string; node: Nodes }[] = [];
  for (const node of section.nodes) {
    if (node.type === 'list') texts.push(...node.children.map((item) => ({ text: normalizeNewlines(toString(item)).trim(), node: item as Nodes })));
    else if (node.type === 'paragraph') texts.push({ text: normalizeNewlines(toString(node)).trim(), node });
  }
  const answers: NumericAnswer[] = [];
  for (const { text, node } of texts.filter((one) => one.text)) {
    const answer = parseNumericAnswer(text);
    if (!answer) {
      report('error', 'bad-number', start(node), `${where}: "${text}" is not a numeric answer; write a number (\`42\`), a number with a tolerance (\`3.14 ± 0.01\`) or a range (\`1 to 5\`)`);
      return null;
    }
    answers.push(answer);
  }
  if (answers.length === 0) {
    report('error', 'bad-number', start(section.heading), `${where}: "### ${section.name}" needs a number (\`42\`), a number with a tolerance (\`3.14 ± 0.01\`) or a range (\`1 to 5\`)`);
    return null;
  }
  return answers;
}

/** `### Blanks`: an ordered list, one item per gap of the prompt, its accepted answers separated by `|` (a literal one written `\|`). */
function readBlanks(section: Section, source: string, where: string, report: Report): string[][] | null {
  const list = section.nodes.find((node): node is List => node.type === 'list');
  const blanks = (list?.children ?? []).map((item) =>
    normalizeNewlines(sliceNodes(source, item.children))
      .split(/(?<!\\)\|/)
      .map((one) => one.replace(/\\\|/g, '|').replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
  if (blanks.length === 0 || blanks.some((answers) => answers.length === 0)) {
    report('error', 'no-blanks', list ? start(list) : start(section.heading), `${where}: "### ${section.name}" needs a list with one item per gap, each its accepted answers separated by \`|\``);
    return null;
  }
  return blanks;
}

function textSection(section: Section | undefined, source: string, where: string, report: Report): string | null {
  if (!section) return null;
  const text = normalizeNewlines(sliceNodes(source, section.nodes)).trim();
  if (!text) {
    report('warning', 'empty-section', start(section.heading), `"### ${section.name}" in ${where} is empty, and is left out; write it, or remove the heading`);
    return null;
  }
  return text;
}

/** The URL of a paragraph that holds only an image whose alt text is `Answer`. */
function answerImageUrl(node: RootContent): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const only = meaningful[0];
  if (meaningful.length !== 1 || only?.type !== 'image' || only.alt?.trim().toLowerCase() !== 'answer') return undefined;
  return only.url;
}

function isIndentedCode(node: Code, source: string): boolean {
  const offset = node.position?.start.offset;
  if (offset === undefined) return true;
  const ch = source.slice(offset).trimStart()[0];
  return ch !== '`' && ch !== '~';
}

/** The 1-based line and column of an offset into `source`, counted from a point before it (a node's start). */
function placeAt(source: string, from: Point, offset: number): Place {
  let line = from.line;
  for (let at = source.indexOf('\n', from.offset!); at !== -1 && at < offset; at = source.indexOf('\n', at + 1)) line += 1;
  return { line, column: offset - (source.lastIndexOf('\n', offset - 1) + 1) + 1 };
}

function start(node: Nodes): Place {
  const point = node.position?.start;
  return { line: point?.line ?? 1, column: point?.column ?? 1 };
}

/** The source text spanned by a run of sibling nodes. */
function sliceNodes(source: string, nodes: readonly Nodes[]): string {
  const from = nodes[0]?.position?.start.offset;
  const to = nodes.at(-1)?.position?.end.offset;
  if (from === undefined || to === undefined) return '';
  return source.slice(from, to);
}
