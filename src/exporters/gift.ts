/**
 * `export --to gift`: Moodle's GIFT text format. Each question is `::title::[markdown]text{…}` with a
 * `// [id:…]` line before it: its prompt stays Markdown (Moodle renders it), the explanation is the
 * general feedback (`####`), an option's feedback follows it after `#`. A numeric question is `{#…}`
 * (`=value:tolerance`, `=min..max`); a blank of one gap a short answer whose block stands in the gap
 * when text follows it (GIFT's "missing word"). GIFT has no ordering question, no question of several
 * gaps, and self-assessed questions have no LMS counterpart: they are left out with a warning.
 * Special characters (`~ = # { } :` and `\`) are escaped with `\`, line breaks written as `\n`, so
 * that no quiz text can end a question or an answer block early.
 */
import { stripForMachines } from '../core/sanitize.js';
import { eachQuestion, optionFeedback, questionText, SELF_REASON, Skip, weight, type Exporter, type PerKind, readings } from './exporter.js';
import type { NumericAnswer, Option, Question } from '../core/kinds/index.js';
import { GAP } from '../core/kinds/blank.js';

/** A text inside GIFT: escaped, one line (`\n` for each line break). */
export function giftText(text: string): string {
  return stripForMachines(text)
    .trim()
    .replace(/\r\n?/g, '\n')
    .replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, '\\n');
}

function feedback(text: string | null): string {
  return text === null ? '' : `#${giftText(text)}`;
}

function general(explanation: string | null): string[] {
  return explanation === null || explanation.trim() === '' ? [] : [`####${giftText(explanation)}`];
}

function choice(mark: string, option: Option): string {
  return `${mark}${giftText(option.text)}${feedback(optionFeedback(option))}`;
}

/** A numeric answer as GIFT writes it: `value:tolerance`, or a range `min..max`. */
function giftNumber(answer: NumericAnswer): string {
  return 'min' in answer ? `${answer.min}..${answer.max}` : `${answer.value}:${answer.tolerance}`;
}

/** Moodle reads `*` in a short answer as "anything": a literal one is escaped (`\*`). */
function shortAnswer(text: string): string {
  return giftText(text).replace(/\*/g, '\\\\*');
}

/** The body of each kind's answer block, a line each. */
const pieces: PerKind<string[]> = {
  single: (question) => question.options.map((option) => choice(option.correct ? '=' : '~', option)),
  multiple: (question) => {
    const right = question.options.filter((option) => option.correct).length;
    return question.options.map((option) => choice(`~%${option.correct ? '' : '-'}${weight(right)}%`, option));
  },
  text: (question) => {
    // Both readings a learner may type (`kubectl apply`, or with its backticks), each accepted once.
    const answers = readings(question.accepted);
    // Moodle reads a block with `=` and `->` as matching, whatever it was meant to be.
    if (answers.some((answer) => answer.includes('->'))) return new Skip('an accepted answer holds "->", which Moodle would read as a matching question');
    return answers.map((answer) => `=${shortAnswer(answer)}`);
  },
  match: (question) => {
    if (question.pairs.length < 2) return new Skip('Moodle needs two or more pairs in a matching question');
    if (question.pairs.some((pair) => pair.left.includes('->'))) return new Skip('a left item holds "->", which GIFT cannot escape');
    return question.pairs.map((pair) => `=${giftText(pair.left)} -> ${giftText(pair.right)}`);
  },
  numeric: (question) => ['#', ...question.answers.map((answer, index) => `=${index === 0 ? '' : '%100%'}${giftNumber(answer)}`)],
  blank: (question) => {
    // One gap is a short answer whose text shows the gap; GIFT holds one answer block per question.
    if (question.blanks.length > 1) return new Skip('GIFT holds one gap per question, and this one has several (export --to moodle-xml or qti holds one gap too)');
    const answers = readings(question.blanks[0]!);
    if (answers.some((answer) => answer.includes('->'))) return new Skip('an accepted answer holds "->", which Moodle would read as a matching question');
    return answers.map((answer) => `=${shortAnswer(answer)}`);
  },
  order: () => new Skip('GIFT has no ordering question (export --to moodle-xml holds it)'),
  self: () => new Skip(SELF_REASON),
};

/**
 * Where the answer block goes: after the text, or, for a gap with text after it, in the gap's place
 * (GIFT's "missing word" form, which Moodle reads back with `_____` there). A gap that ends the text
 * stays in the text with the block after it: GIFT reads a block at the very end as answers that
 * follow the question, so nothing else would keep the gap in sight. So does a gap that starts it:
 * gift-pegjs (and so other tools) will not read a `[markdown]` tag followed at once by the block.
 */
function around(question: Question): [string, string] {
  const text = giftText(questionText(question));
  if (question.kind === 'blank') {
    const parts = text.split(GAP);
    if (parts.length === 2 && parts[0]!.trim() !== '' && parts[1]!.trim() !== '') return [parts[0]!, parts[1]!];
  }
  return [`${text} `, ''];
}

export const gift: Exporter = {
  description: 'Moodle GIFT text (question bank import)',
  extension: '.gift',
  exportQuiz(quiz) {
    const { pieces: written, skipped } = eachQuestion(quiz, pieces);
    const blocks = written.map(({ question, piece }) => {
      const [before, after] = around(question);
      return [
        `// [id:${giftText(question.id)}]`,
        `::${giftText(question.title)}::[markdown]${before}{`,
        ...piece.map((line) => `\t${line}`),
        ...general(question.explanation).map((line) => `\t${line}`),
        `}${after}`,
      ].join('\n');
    });
    const head = `// ${giftText(quiz.title)} (${giftText(quiz.id)}), exported by mlops-quiz: ${written.length} question${written.length === 1 ? '' : 's'}`;
    return { data: `${[head, ...blocks].join('\n\n')}\n`, count: written.length, skipped };
  },
};
