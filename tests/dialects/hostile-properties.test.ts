/**
 * Property-based tests (issue 8): for any input, the parser returns a quiz or typed errors, grading
 * an answers file gives a report or an AnswersError, and the sanitiser leaves no control character.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AnswersError, readAnswerSheet } from '../../src/core/answers.js';
import { grade } from '../../src/core/grade.js';
import { interpretAnswers } from '../../src/core/interpret.js';
import { findJsonProblem } from '../../src/core/json-error.js';
import { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';
import { Report } from '../../src/core/report.js';
import { quote, safeJson, sanitize, sanitizeLine, stripControls, stripForMachines } from '../../src/core/sanitize.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** Markdown-ish text: the characters and lines that make quizzes, mixed with anything at all. */
const pieces = fc.constantFrom(
  '# ', '### ', '### Possible Answers\n', '### Correct Order\n', '### Matches\n', '### Accepted Answers\n', '### Explanation\n',
  '- ', '- [x] ', '1. ', '> ', '    ', '\t', '{Answer}', '{#id}', '| a | b |\n|---|---|\n', '![Answer](x.png)', '---\n', '```\n',
  '*', '_', '[', ']', '(', ')', '`', '\n', '\r\n', '\r', '\n\n', '\u0000', '\u001b[31m', '\u009b', '\u202e', '\ufeff', 'title: x\n',
);
const markdownish = fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme-ascii', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));

/** Quiz-shaped text (questions of each kind) with hostile characters inside titles, prompts and answers. */
const hostileBit = fc.constantFrom('\r\n', '\r', '\u0000', '\u001b[31m', '\u001b]0;t\u0007', '\u009b', '\u0085', '\u007f', '\u202e', '\b', '*', '`', ' ', '\t');
const inline = fc.array(fc.oneof(hostileBit, fc.string({ unit: 'grapheme-ascii', maxLength: 6 })), { maxLength: 5 }).map((parts) => parts.join(''));
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const question = fc
  .tuple(word, inline, inline, fc.constantFrom('options', 'order', 'accepted'), fc.array(inline, { minLength: 2, maxLength: 4 }))
  .map(([title, titleTail, prompt, kind, items]) => {
    const lines = items.map((item, index) => `${kind === 'order' ? `${index + 1}.` : '-'} item${index}${item}${kind === 'options' && index === 0 ? ' {Answer}' : ''}`);
    const section = { options: 'Possible Answers', order: 'Correct Order', accepted: 'Accepted Answers' }[kind];
    return `# ${title}${titleTail}\n\n${prompt}\n\n### ${section}\n\n${lines.join('\n')}\n\n### Explanation\n\n${prompt}\n`;
  });
const quizLike = fc
  .tuple(fc.array(question, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([questions, crlf, bom]) => `${bom ? '\ufeff' : ''}${questions.join('\n')}`.replace(/\n/g, crlf ? '\r\n' : '\n'));

const CONTROL_BUT_TAB_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

describe('parseQuiz is total', () => {
  test('for any string: a valid quiz and no errors, or no quiz and typed errors with places; never a throw', () => {
    const seen = { quiz: 0, errors: 0 };
    fc.assert(
      fc.property(fc.oneof(quizLike, markdownish, fc.string({ unit: 'binary' })), (text) => {
        const result = parseQuiz(text, { file: 'prop.md' });
        for (const diagnostic of [...result.errors, ...result.warnings]) {
          expect(diagnostic.file).toBe('prop.md');
          expect(Number.isInteger(diagnostic.line) && diagnostic.line >= 1).toBe(true);
          expect(Number.isInteger(diagnostic.column) && diagnostic.column >= 1).toBe(true);
          expect(typeof diagnostic.code).toBe('string');
        }
        if (result.quiz) {
          expect(result.errors).toEqual([]);
          expect(Quiz.safeParse(result.quiz).success).toBe(true);
          // No carriage return survives into the model (CRLF files print no stray \r).
          const texts: string[] = [];
          JSON.stringify(result.quiz, (_key, value: unknown) => (typeof value === 'string' && texts.push(value), value));
          expect(texts.filter((text) => text.includes('\r'))).toEqual([]);
          seen.quiz += 1;
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          seen.errors += 1;
        }
      }),
      { numRuns: 400 },
    );
    // Both outcomes are exercised, or the property proves little.
    expect(seen.quiz).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  });
});

describe('grading an answers file is total', () => {
  const quizzes = [fixture('seed/seed.md'), fixture('format/all-kinds.md')].map((text) => parseQuiz(text, { file: 'q.md' }).quiz!);
  const answerValue = fc.jsonValue({ maxDepth: 3 });
  // Any JSON text at all, answers objects keyed by real ids, numbers and hostile keys, and raw strings.
  const answersText = (quiz: Quiz) =>
    fc.oneof(
      answerValue.map((value) => JSON.stringify(value)),
      fc
        .dictionary(fc.oneof(fc.constantFrom(...quiz.questions.map((q) => q.id), '1', '2', '3', '0', '99', '__proto__', 'constructor', 'toString'), fc.string()), answerValue, { maxKeys: 6 })
        .map((answers) => JSON.stringify({ answers })),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );

  test.each(quizzes.map((quiz) => [quiz.questions.length, quiz] as const))('a quiz of %i questions: a valid report or an AnswersError, never anything else', (_count, quiz) => {
    const seen = { report: 0, error: 0 };
    fc.assert(
      fc.property(answersText(quiz), (text) => {
        try {
          const { sheet, raw } = readAnswerSheet(text);
          const report = grade(quiz, interpretAnswers(quiz, sheet, raw), { mode: 'answers' });
          expect(Report.safeParse(report).success).toBe(true);
          expect(report.score).toBeGreaterThanOrEqual(0);
          expect(report.score).toBeLessThanOrEqual(report.maxScore);
          seen.report += 1;
        } catch (error) {
          expect(error).toBeInstanceOf(AnswersError);
          seen.error += 1;
          expect((error as AnswersError).path).not.toBe('');
          expect((error as AnswersError).message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 500 },
    );
    expect(seen.report).toBeGreaterThan(0);
    expect(seen.error).toBeGreaterThan(0);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).A).toBeUndefined();
  });

  test('malformed JSON of any kind is located: an offset within the text and a one-line reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.json().map((json) => json.slice(0, -1)), fc.json().map((json) => `${json},`)), (text) => {
        try {
          JSON.parse(text);
          return;
        } catch {
          // located below
        }
        const problem = findJsonProblem(text);
        expect(problem.offset).toBeGreaterThanOrEqual(0);
        expect(problem.offset).toBeLessThanOrEqual(text.length);
        expect(problem.reason).not.toMatch(/\n/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the sanitiser', () => {
  // Escape sequences and controls, 7-bit and 8-bit, spliced into any text.
  const hostile = fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\u001b[', '\u001b]', '\u001bP', '\u001b\\', '\u0007', '\u009b', '\u009d', '\u009c', '\r', '\b', '\u007f', '\u202e', '\u2066', '\r\n')), { maxLength: 30 })
    .map((parts) => parts.join(''));

  test('stripControls and sanitize leave no control character but tab and newline; sanitize and sanitizeLine no bidi control', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(stripControls(text)).not.toMatch(CONTROL_BUT_TAB_NEWLINE);
        expect(sanitize(text)).not.toMatch(CONTROL_BUT_TAB_NEWLINE);
        expect(sanitize(text)).not.toMatch(BIDI);
        expect(stripForMachines(text)).not.toMatch(CONTROL_BUT_TAB_NEWLINE);
        expect(stripForMachines(text)).not.toMatch(BIDI);
        expect(sanitizeLine(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 2000 },
    );
  });

  // They return a text without controls and bidi characters as it is, without their passes: the passes
  // must leave such a text alone too. A BEL (removed) appended takes the full way; the text must be unchanged.
  test('a text without controls or bidi characters comes back unchanged, the short way or the full way', () => {
    // Every character the sanitisers change (src/core/sanitize.ts: controls, bidi and invisible marks, line separators) left out.
    const plain = fc.string({ unit: 'binary', maxLength: 40 }).map((text) => text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, ''));
    fc.assert(
      fc.property(plain, (text) => {
        for (const clean of [stripControls, sanitize, stripForMachines, sanitizeLine]) {
          expect(clean(text)).toBe(text);
          expect(clean(`${text}\u0007`)).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('safeJson and quote write no raw control, DEL, C1, bidi or line separator, and read back to the same value', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const json = safeJson({ text });
        expect(json.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual({ text });
        expect(quote(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
        expect(JSON.parse(quote(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
