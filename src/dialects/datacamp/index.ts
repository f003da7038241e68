/**
 * DataCamp course-authoring chapters -> question model (docs/DESIGN.md section 12). Current format:
 * front matter (`title:`), exercises separated by `---` (or by the next `## Title` alone), each with a
 * ```` ```yaml ```` block (`type:`, before or after its `## Title`) and `` `@section` `` lines. Older
 * format: `--- type:XExercise ...` header lines and `*** =section` blocks. Multiple-choice exercises
 * (`PureMultipleChoiceExercise`, `MultipleChoiceExercise`, `PlainMultipleChoiceExercise`) are single
 * choice: the `[bracketed]` option is right, or the 1-based number in the check code (`test_mc(2`,
 * `has_chosen(correct = 2`); the hint section is the hint, the feedback list each option's feedback.
 * Other exercises are skipped, with one note per file. Pure.
 */
import type { Option } from '../../core/kinds/index.js';
import type { Dialect, ReadOptions } from '../dialect.js';
import { collected, finish, indexAfter, linesOf, type Collected } from '../shared/foreign.js';

const CHOICE_TYPES = new Set(['PureMultipleChoiceExercise', 'MultipleChoiceExercise', 'PlainMultipleChoiceExercise']);

interface Exercise {
  type: string | null;
  title: string;
  line: number;
  /** Lines of the exercise without its header, heading and yaml block. */
  body: { text: string; line: number }[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** The front matter's title, and the index of the first line after the front matter. */
function frontMatter(lines: readonly string[]): { title: string | undefined; next: number } {
  if (lines[0]?.trim() !== '---') return { title: undefined, next: 0 };
  let end = indexAfter(lines, 0, (line) => line.trim() === '---' || /^--- type:/.test(line));
  if (end < 0) end = lines.length;
  let title: string | undefined;
  for (const line of lines.slice(1, end)) {
    const match = /^title\s*:(.*)$/.exec(line);
    if (match) title = match[1]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { title, next: /^--- type:/.test(lines[end] ?? '') ? end : end + 1 };
}

function oldExercises(lines: readonly string[], from: number): Exercise[] {
  const out: Exercise[] = [];
  let current: Exercise | null = null;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index]!;
    const header = /^--- type:[ \t]*(\w+)/.exec(line);
    if (header) {
      current = { type: header[1]!, title: '', line: index + 1, body: [] };
      out.push(current);
      continue;
    }
    if (!current) continue;
    const heading = /^## (.*)$/.exec(line);
    if (heading && !current.title) {
      current.title = heading[1]!.trim();
      continue;
    }
    current.body.push({ text: line, line: index + 1 });
  }
  return out;
}

function currentExercises(lines: readonly string[], from: number): Exercise[] {
  const out: Exercise[] = [];
  type Open = Exercise & { sections: boolean; yaml: boolean; heading: boolean };
  let current = null as Open | null;
  const start = (line: number): Open => {
    const opened: Open = { type: null, title: '', line, body: [], sections: false, yaml: false, heading: false };
    current = opened;
    out.push(opened);
    return opened;
  };
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index]!;
    const fence = FENCE.exec(line);
    if (fence && /^\s*```yaml\s*$/.test(line)) {
      const end = indexAfter(lines, index, (one) => /^\s*```\s*$/.test(one));
      const yaml = lines.slice(index + 1, end < 0 ? lines.length : end);
      const type = yaml.map((one) => /^type:\s*['"]?(\w+)/.exec(one)?.[1]).find(Boolean);
      if (type) {
        let exercise: Open = current ?? start(index + 1);
        if (exercise.yaml || exercise.sections) exercise = start(index + 1);
        exercise.yaml = true;
        exercise.type = type;
        index = end < 0 ? lines.length : end;
        continue;
      }
    }
    if (fence) {
      // Fenced code inside a section or prompt: kept whole.
      const marker = fence[1]!;
      const exercise = current;
      exercise?.body.push({ text: line, line: index + 1 });
      for (index += 1; index < lines.length; index += 1) {
        exercise?.body.push({ text: lines[index]!, line: index + 1 });
        const close = FENCE.exec(lines[index]!);
        if (close && close[1]![0] === marker[0] && lines[index]!.trim() === close[1]) break;
      }
      continue;
    }
    if (line.trim() === '---') {
      current = null;
      continue;
    }
    const heading = /^## (.*)$/.exec(line);
    if (heading) {
      let exercise: Open = current ?? start(index + 1);
      if (exercise.heading) exercise = start(index + 1);
      exercise.heading = true;
      exercise.title = heading[1]!.trim();
      exercise.line = index + 1;
      continue;
    }
    if (!current) continue;
    if (/^`@\w+`\s*$/.test(line)) current.sections = true;
    current.body.push({ text: line, line: index + 1 });
  }
  return out;
}

/** An exercise's prompt (before its first section) and sections by name. */
function sections(body: Exercise['body']): { prompt: string; sections: Map<string, string[]> } {
  const map = new Map<string, string[]>();
  const prompt: string[] = [];
  let into = prompt;
  for (const { text } of body) {
    const name = /^`@(\w+)`\s*$/.exec(text)?.[1] ?? /^\*\*\* =(\w+)\s*$/.exec(text)?.[1];
    if (name) {
      into = [];
      if (!map.has(name)) map.set(name, into);
      continue;
    }
    into.push(text);
  }
  return { prompt: prompt.join('\n').trim(), sections: map };
}

/** A section's list items (fences around it ignored), continuation lines joined. */
function listItems(lines: readonly string[] | undefined): string[] {
  const items: string[] = [];
  for (const line of lines ?? []) {
    if (FENCE.test(line)) continue;
    const item = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (item) items.push(item[1]!.trim());
    else if (line.trim() && items.length && /^\s+/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items;
}

function sectionText(lines: readonly string[] | undefined): string | null {
  if (!lines) return null;
  const text = lines.filter((line) => !/^\s*```/.test(line)).join('\n').trim();
  return text || null;
}

/** The 1-based right option named in check code: `test_mc(2`, `test_mc(correct = 2`, `has_chosen(2`, `has_chosen(correct = 2`. */
export function rightFromCheck(code: string): number | null {
  const match = /\b(?:test_mc|has_chosen)\s*\(\s*(?:correct\s*=\s*)?(\d+)/.exec(code);
  return match ? Number(match[1]) : null;
}

function readExercise(exercise: Exercise, found: Collected): boolean {
  if (!exercise.type || !CHOICE_TYPES.has(exercise.type)) return false;
  const place = { line: exercise.line, column: 1 };
  const { prompt, sections: parts } = sections(exercise.body);
  const raw = listItems(parts.get('possible_answers') ?? parts.get('instructions'));
  if (raw.length === 0) {
    found.leftOut.push({ ...place, reason: 'the multiple-choice exercise lists no options under `@possible_answers` (or `*** =instructions`)' });
    return true;
  }
  const feedback = listItems(parts.get('feedback') ?? parts.get('feedbacks'));
  let bracketed = false;
  const options: Option[] = raw.map((text, index) => {
    const match = /^\[(.*)\]$/.exec(text);
    if (match) bracketed = true;
    const option: Option = { text: (match ? match[1]! : text).trim(), correct: match !== null };
    if (feedback[index]) option.feedback = feedback[index];
    return option;
  });
  if (!bracketed) {
    const right = rightFromCheck((parts.get('sct') ?? []).join('\n'));
    if (right === null || right < 1 || right > options.length) {
      const why = right === null ? 'no option is [bracketed] and the check code (`@sct`) names no right one (`test_mc(2, ...)`)' : `the check code names option ${right}, but there are ${options.length}`;
      found.leftOut.push({ ...place, reason: why });
      return true;
    }
    options[right - 1]!.correct = true;
  }
  if (options.filter((option) => option.correct).length > 1) {
    found.leftOut.push({ ...place, reason: 'more than one option is [bracketed]; a multiple-choice exercise has one right option' });
    return true;
  }
  found.drafts.push({ title: exercise.title, prompt, hint: sectionText(parts.get('hint')), explanation: null, ...place, answer: { kind: 'choice', options } });
  return true;
}

export function readDatacamp(text: string, options: ReadOptions): ReturnType<Dialect['read']> {
  const found = collected();
  const lines = linesOf(text);
  const { title, next } = frontMatter(lines);
  const old = lines.some((line) => /^--- type:/.test(line));
  const exercises = old ? oldExercises(lines, next) : currentExercises(lines, next);
  const skipped: Exercise[] = [];
  for (const exercise of exercises) if (!readExercise(exercise, found)) skipped.push(exercise);
  if (skipped.length) {
    const types = [...new Set(skipped.map((one) => one.type ?? 'no type'))].join(', ');
    found.notes.push({
      line: skipped[0]!.line,
      column: 1,
      code: 'skipped',
      message: `${skipped.length} exercise${skipped.length === 1 ? ' is' : 's are'} not multiple choice and ${skipped.length === 1 ? 'is' : 'are'} skipped (${types})`,
    });
  }
  return finish('datacamp', { ...found, title }, options);
}

export const datacamp: Dialect = { name: 'datacamp', read: readDatacamp };
