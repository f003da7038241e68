/**
 * Quiz Markdown -> question model (DESIGN.md sections 3 and 4). Pure: takes the file's text and
 * returns the quiz, or the errors that make it unusable, and warnings, each with file:line:column.
 *
 * Import it through parse-quiz.ts, which gives it the YAML reader for front matter. Only the quiz
 * loader imports this module alone, for a text that cannot start with front matter, so that parsing
 * such a quiz does not load yaml (docs/SPEED.md); it meets front matter anyway: NeedsYamlError.
 */
import { createHash } from 'node:crypto';
import type { Code, Heading, List, Nodes, Root, RootContent, Table, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import GithubSlugger, { slug } from 'github-slugger';
import { parseChunks } from './chunks.js';
import { parseMarkdown } from './markdown.js';
import { findDeepNesting, MAX_NESTING } from './nesting.js';
import type { Diagnostic, DiagnosticCode } from './diagnostics.js';
import type { MatchQuestion, Option, Question, Quiz } from './model.js';
import { normalizeNewlines, normalizeText } from './text.js';

export { PARSER_VERSION } from './version.js';

/** What front matter needs of the yaml package (given by parse-quiz.ts). */
export interface YamlReader {
  LineCounter: typeof LineCounter;
  parseDocument: typeof parseDocument;
  isMap: typeof isMap;
  isScalar: typeof isScalar;
}
let yamlReader: YamlReader | undefined;

/** parse-quiz.ts calls this once, when it is imported. */
export function provideYaml(reader: YamlReader): void {
  yamlReader = reader;
}

/** Front matter met before parse-quiz.ts was imported: import it, and parse again. */
export class NeedsYamlError extends Error {
  override name = 'NeedsYamlError';
}

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

export interface ParseResult {
  quiz: Quiz | null;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

const SECTION_NAMES = {
  'possible answers': 'options',
  'correct order': 'order',
  matches: 'matches',
  'accepted answers': 'accepted',
  explanation: 'explanation',
  hint: 'hint',
} as const;
type SectionKind = (typeof SECTION_NAMES)[keyof typeof SECTION_NAMES] | 'ignored';
const ANSWER_SECTIONS: readonly SectionKind[] = ['options', 'order', 'matches', 'accepted'];

const ANSWER_MARK = /\s*\{answer\}\s*$/i;
const EXPLICIT_ID = /\s*\{#([^\s{}]*)\}\s*$/;
const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

interface Place {
  line: number;
  column: number;
}

interface Section {
  kind: SectionKind;
  name: string;
  heading: Heading;
  nodes: RootContent[];
}

/** The file's base name without its extension, the default title and (slugged) the default id. */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function parseQuiz(text: string, options: ParseOptions): ParseResult {
  // CommonMark replaces U+0000 with U+FFFD; do it before slicing source text too (same length, same offsets).
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\0/g, '\ufffd');
  const tooDeep = (line: number, column: number, message: string): ParseResult => ({
    quiz: null,
    errors: [{ severity: 'error', code: 'too-deep', message, file: options.file, line, column }],
    warnings: [],
  });
  const deep = findDeepNesting(source);
  if (deep) {
    return tooDeep(deep.line, deep.column, `lists or block quotes nest more than ${MAX_NESTING} levels deep here; at most ${MAX_NESTING} are accepted (counting each \`>\`, list marker and two columns of indentation)`);
  }
  try {
    if (source.length < (options.splitFrom ?? SPLIT_FROM)) return buildQuiz(parseMarkdown(source), source, options);
    const builder = new QuizBuilder(source, options);
    for (const nodes of parseChunks(source)) builder.add(nodes);
    return builder.finish();
  } catch (error) {
    // Nesting the guard does not count (emphasis, links) can still exhaust the stack: an error, not a crash.
    if (error instanceof RangeError) return tooDeep(1, 1, `the Markdown nests too deeply to read (${error.message}); flatten deeply nested emphasis, links, lists or block quotes`);
    throw error;
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

interface Head {
  title: string;
  explicitId: string | undefined;
  heading: Place;
}

/**
 * Builds a quiz from the file's top-level nodes, given in order in any number of runs (one whole-file
 * tree, or one run per chunk). A question is built as soon as the next level-1 heading (or the end)
 * shows that its nodes are complete, and its nodes are let go. Diagnostics come out in the same order
 * whatever the runs: front matter and text before the first question, then ids, then each question.
 */
export class QuizBuilder {
  private readonly file: string;
  private readonly front: FrontMatter = { title: undefined, id: undefined, passMark: 70, shuffle: false };
  private readonly head: Diagnostic[] = [];
  private readonly body: Diagnostic[] = [];
  private readonly heads: Head[] = [];
  private readonly questions: (Question | null)[] = [];
  private current: { heading: Heading; nodes: RootContent[] } | null = null;
  private started = false;

  constructor(
    private readonly source: string,
    private readonly options: ParseOptions,
  ) {
    this.file = options.file;
  }

  private reporter(into: Diagnostic[]): Report {
    const file = this.file;
    return (severity, code, place, message) => {
      into.push({ severity, code, message, file, line: place.line, column: place.column });
    };
  }

  add(nodes: readonly RootContent[]): void {
    for (const node of nodes) {
      if (!this.started) {
        this.started = true;
        if (node.type === 'yaml') {
          readFrontMatter(node, this.front, this.reporter(this.head));
          continue;
        }
      }
      if (node.type === 'heading' && node.depth === 1) {
        this.close();
        this.current = { heading: node, nodes: [] };
      } else if (this.current) {
        this.current.nodes.push(node);
      } else if (node.type !== 'html' && node.type !== 'definition') {
        this.reporter(this.head)('warning', 'ignored-content', start(node), 'text before the first question (a level-1 heading) is ignored');
      }
    }
  }

  /** Builds the open question (its id comes later, when every title is known) and lets its nodes go. */
  private close(): void {
    const group = this.current;
    if (!group) return;
    this.current = null;
    const head = readHeading(group.heading);
    this.heads.push({ ...head, heading: start(group.heading) });
    this.questions.push(
      buildQuestion({
        heading: group.heading,
        nodes: group.nodes,
        title: head.title,
        id: '',
        number: this.heads.length,
        source: this.source,
        report: this.reporter(this.body),
      }),
    );
  }

  finish(): ParseResult {
    this.close();
    const file = this.file;
    const ids: Diagnostic[] = [];
    const report = this.reporter(ids);
    const done = (quiz: Quiz | null): ParseResult => {
      const all = [...this.head, ...ids, ...this.body];
      return {
        quiz,
        errors: all.filter((d) => d.severity === 'error'),
        warnings: all.filter((d) => d.severity === 'warning'),
      };
    };
    if (this.heads.length === 0) {
      report('error', 'no-questions', { line: 1, column: 1 }, 'no questions: each question starts with a level-1 heading (`# Title`)');
      return done(null);
    }

    // Ids: explicit ones first (reserved in the slugger), then GitHub-style slugs of the titles.
    const slugger = new GithubSlugger();
    const explicitAt = new Map<string, Place>();
    for (const head of this.heads) {
      if (head.explicitId === undefined) continue;
      if (!VALID_ID.test(head.explicitId)) {
        report('error', 'invalid-id', head.heading, `invalid id {#${head.explicitId}}: use letters, digits, '-', '_', '.' or ':', starting with a letter or digit`);
        continue;
      }
      const was = explicitAt.get(head.explicitId);
      if (was) {
        report('error', 'duplicate-id', head.heading, `duplicate id {#${head.explicitId}}: already used by the question at ${file}:${was.line}:${was.column}`);
        continue;
      }
      explicitAt.set(head.explicitId, head.heading);
      slugger.slug(head.explicitId);
    }
    const questions: Question[] = [];
    this.heads.forEach((head, index) => {
      // A title with nothing to slug (`# ???`) would get "" (then "-1"): it is `question-N` instead.
      const id = head.explicitId !== undefined ? head.explicitId : slugger.slug(slug(head.title) ? head.title : `question-${index + 1}`);
      const question = this.questions[index];
      if (question) {
        question.id = id;
        questions.push(question);
      }
    });

    if (this.body.some((d) => d.severity === 'error') || ids.some((d) => d.severity === 'error') || this.head.some((d) => d.severity === 'error')) {
      return done(null);
    }
    const name = baseName(file);
    const front = this.front;
    return done({
      id: front.id ?? (slug(name) || 'quiz'),
      title: front.title ?? name,
      source: this.options.source ?? file,
      passMark: front.passMark,
      shuffle: front.shuffle,
      questions,
    });
  }
}

type Report = (severity: 'error' | 'warning', code: DiagnosticCode, place: Place, message: string) => void;

interface FrontMatter {
  title: string | undefined;
  id: string | undefined;
  passMark: number;
  shuffle: boolean;
}

function readFrontMatter(node: Yaml, front: FrontMatter, report: Report): void {
  if (!yamlReader) throw new NeedsYamlError('front matter needs parse-quiz.ts');
  const { LineCounter, parseDocument, isMap, isScalar } = yamlReader;
  const origin = start(node);
  const lines = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: lines, prettyErrors: false });
  // The YAML text starts on the line after the opening `---`.
  const at = (offset: number | undefined): Place => {
    if (offset === undefined) return origin;
    const pos = lines.linePos(offset);
    return { line: origin.line + pos.line, column: pos.col };
  };
  const problem = doc.errors[0];
  if (problem) {
    report('error', 'front-matter', at(problem.pos[0]), `front matter is not valid YAML: ${problem.message.split('\n')[0]}`);
    return;
  }
  if (doc.contents === null) return;
  if (!isMap(doc.contents)) {
    report('error', 'front-matter', origin, 'front matter must be a mapping of keys (title, id, passMark, shuffle)');
    return;
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyPlace = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const value = isScalar(pair.value) ? pair.value.value : pair.value === null ? null : pair.value.toJSON();
    const valuePlace = isScalar(pair.value) ? at(pair.value.range?.[0]) : keyPlace;
    switch (key) {
      case 'title':
        if (typeof value === 'string' && value.trim()) front.title = value.trim();
        else report('error', 'front-matter', valuePlace, 'front matter `title` must be a non-empty string');
        break;
      case 'id':
        if (typeof value === 'string' && VALID_ID.test(value)) front.id = value;
        else report('error', 'front-matter', valuePlace, "front matter `id` must be letters, digits, '-', '_', '.' or ':', starting with a letter or digit");
        break;
      case 'passMark':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) front.passMark = value;
        else report('error', 'front-matter', valuePlace, 'front matter `passMark` must be a number from 0 to 100 (a percent)');
        break;
      case 'shuffle':
        if (typeof value === 'boolean') front.shuffle = value;
        else report('error', 'front-matter', valuePlace, 'front matter `shuffle` must be true or false');
        break;
      default:
        report('warning', 'front-matter', keyPlace, `unknown front matter key \`${key}\` is ignored (known: title, id, passMark, shuffle)`);
    }
  }
}

function readHeading(heading: Heading): { title: string; explicitId: string | undefined } {
  const text = toString(heading).trim();
  const match = EXPLICIT_ID.exec(text);
  if (!match) return { title: text, explicitId: undefined };
  return { title: text.slice(0, match.index).trim(), explicitId: match[1] ?? '' };
}

interface QuestionInput {
  heading: Heading;
  nodes: RootContent[];
  title: string;
  id: string;
  number: number;
  source: string;
  report: Report;
}

function buildQuestion(input: QuestionInput): Question | null {
  const { heading, nodes, title, id, number, source, report } = input;
  const errorsBefore = { count: 0 };
  const error: Report = (severity, code, place, message) => {
    if (severity === 'error') errorsBefore.count += 1;
    report(severity, code, place, message);
  };
  const where = `question ${number} "${title}"`;
  if (!title) error('error', 'empty-title', start(heading), `question ${number} has an empty title`);

  // Split into the prompt (before the first level-3 heading) and the level-3 sections.
  const promptNodes: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) {
      const name = toString(node).trim();
      const kind = SECTION_NAMES[name.toLowerCase().replace(/\s+/g, ' ') as keyof typeof SECTION_NAMES];
      if (!kind) {
        error('warning', 'unknown-section', start(node), `unknown section "### ${name}" in ${where} is ignored (known: Possible Answers, Correct Order, Matches, Accepted Answers, Explanation, Hint)`);
        sections.push({ kind: 'ignored', name, heading: node, nodes: [] });
        continue;
      }
      sections.push({ kind, name, heading: node, nodes: [] });
    } else if (sections.length > 0) {
      sections.at(-1)!.nodes.push(node);
    } else {
      promptNodes.push(node);
    }
  }

  const image = promptNodes.find((node) => answerImageUrl(node) !== undefined);
  const prompt = normalizeNewlines(sliceNodes(source, promptNodes.filter((node) => node !== image))).trim();
  const known = sections.filter((section) => section.kind !== 'ignored');
  const seen = new Map<SectionKind, Section>();
  for (const section of known) {
    const earlier = seen.get(section.kind);
    if (earlier) {
      error(ANSWER_SECTIONS.includes(section.kind) ? 'error' : 'warning', 'duplicate-section', start(section.heading), `"### ${section.name}" appears twice in ${where}; the first is at line ${start(earlier.heading).line}`);
      continue;
    }
    seen.set(section.kind, section);
  }
  const answerSections = [...seen.values()].filter((section) => ANSWER_SECTIONS.includes(section.kind));
  if (answerSections.length > 1) {
    const names = answerSections.map((section) => `"### ${section.name}"`).join(' and ');
    error('error', 'conflicting-answer-sections', start(answerSections[1]!.heading), `${where} has ${names}: a question takes one answer section`);
  }
  const explanation = textSection(seen.get('explanation'), source, where, error);
  const hint = textSection(seen.get('hint'), source, where, error);

  const base = {
    number,
    id,
    title,
    prompt,
    explanation,
    hint,
    position: start(heading),
    hash: '',
  };

  const answer = answerSections[0];
  if (!answer) {
    if (image) {
      if (errorsBefore.count > 0) return null;
      const self: Question = { ...base, kind: 'self', image: answerImageUrl(image) ?? '' };
      return { ...self, hash: contentHash(self) };
    }
    error('error', 'no-answer', start(heading), `${where} has no answer: add "### Possible Answers", "### Correct Order", "### Matches" or "### Accepted Answers", or an answer image ![Answer](path)`);
    return null;
  }
  if (image) {
    error('warning', 'ignored-answer-image', start(image), `the answer image in ${where} is ignored: the question has "### ${answer.name}"`);
  }

  let question: Question | null = null;
  switch (answer.kind) {
    case 'options': {
      const options = readOptions(answer, source, where, error);
      if (options) {
        const correct = options.filter((option) => option.correct).length;
        question = { ...base, kind: correct > 1 ? 'multiple' : 'single', options };
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
    default:
      break;
  }
  if (errorsBefore.count > 0 || !question) return null;
  return { ...question, hash: contentHash(question) };
}

function readOptions(section: Section, source: string, where: string, report: Report): Option[] | null {
  const options: Option[] = [];
  for (const node of section.nodes) {
    if (node.type === 'code' && isIndentedCode(node, source)) {
      options.push(...optionsFromBlock(node.value));
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const raw = normalizeNewlines(sliceNodes(source, item.children)).replace(/^\[[ xX]\]\s+/, '');
        const marked = ANSWER_MARK.test(raw);
        const text = raw.replace(ANSWER_MARK, '').trim();
        options.push({ text, correct: item.checked === true || marked });
      }
    } else if (node.type !== 'html') {
      report('warning', 'ignored-content', start(node), `in ${where}, "### ${section.name}" holds something that is not an option (a list, or an indented block of options separated by blank lines); it is ignored`);
    }
  }
  const place = start(section.heading);
  if (options.length === 0) {
    report('error', 'no-options', place, `${where}: "### ${section.name}" has no options; write a list (\`- option {Answer}\`, \`- [x] option\`) or an indented block of options separated by blank lines`);
    return null;
  }
  const empty = options.findIndex((option) => !option.text);
  if (empty >= 0) {
    report('error', 'no-options', place, `${where}: option ${empty + 1} is empty`);
    return null;
  }
  if (!options.some((option) => option.correct)) {
    report('error', 'no-correct-option', place, `${where}: no option is marked correct; end the right one with {Answer} or write it as a task item \`- [x]\``);
    return null;
  }
  if (options.length === 1) {
    report('warning', 'one-option', place, `${where} has only one option; separate options with blank lines (indented block) or write one list item each`);
  }
  const seen = new Set<string>();
  for (const option of options) {
    const key = normalizeText(option.text);
    if (seen.has(key)) {
      report('warning', 'duplicate-option', place, `${where}: the option "${option.text}" appears twice; answers by text will pick the first`);
    }
    seen.add(key);
  }
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
      report('error', 'duplicate-order-item', place, `${where}: the items of "### ${section.name}" must be distinct and non-empty ("${item}")`);
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
  for (let index = 1; index < table.children.length; index += 1) {
    const row = table.children[index]!;
    const [left = '', right = ''] = cells[index]!;
    if (!left || !right) {
      report('error', 'bad-matches', start(row), `${where}: a row of the matches table has an empty cell; every row needs a left item and its match`);
      return null;
    }
    if (lefts.has(normalizeText(left))) {
      report('error', 'bad-matches', start(row), `${where}: the left item "${left}" appears twice in the matches table`);
      return null;
    }
    lefts.add(normalizeText(left));
    pairs.push({ left, right });
  }
  return { labels: [header[0]!, header[1]!], pairs };
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

function textSection(section: Section | undefined, source: string, where: string, report: Report): string | null {
  if (!section) return null;
  const text = normalizeNewlines(sliceNodes(source, section.nodes)).trim();
  if (!text) {
    report('warning', 'empty-section', start(section.heading), `"### ${section.name}" in ${where} is empty`);
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

/**
 * A hash of what the learner sees and is graded on (not of the raw bytes: line endings, indentation
 * style and the question's place in the file do not change it), for saved progress.
 */
export function contentHash(question: Question): string {
  const { number: _number, position: _position, hash: _hash, id: _id, ...content } = question;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}
