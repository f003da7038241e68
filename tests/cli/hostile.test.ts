/**
 * Hostile and broken input (issue 8, docs/HOSTILE-INPUT.md): one table of cases, run in-process through
 * main() and once more through the built binary. Every refusal is one line naming the file and the place,
 * nothing is a stack trace, and no control character reaches stderr.
 */
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCase, runBinary, runInProcess, tempFiles, type CliCase } from '../helpers/cli.js';

const H = 'tests/fixtures/hostile';
const RIGHT = `${H}/answers-right.json`;
const NONE = `${H}/answers-empty-answers.json`;
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007\u001b]8;;https:evil.example\u001b\\link\u001b]8;;\u001b\\\u001b]52;c;cm0=\u0007\u009b31m\u009d0;t\u009c\u0085\b\u0007\u007f\u202e';
const file = tempFiles('hostile');
const temp = dirname(file('.keep', ''));
const evilName = file(`evil${ESCAPES.replace(/\\/g, '')}.md`, '# Q\n\n### Accepted Answers\n\n- a\n');

type Case = CliCase;

export const cases: Case[] = [
  // Quiz files.
  { name: 'an empty quiz file', args: ['run', `${H}/empty.md`, '--answers', NONE], exitCode: 2, stderr: /empty\.md:1:1: no questions: each question starts with a level-1 heading/ },
  { name: 'a quiz of white space only', args: ['run', `${H}/whitespace.md`, '--answers', NONE], exitCode: 2, stderr: /whitespace\.md:1:1: no questions/ },
  { name: 'a quiz with a UTF-8 BOM reads like one without', args: ['run', `${H}/bom.md`, '--answers', RIGHT], exitCode: 0, stdout: /^1\. Pick one {2}correct$/m, stderr: /^$/ },
  {
    name: 'a CRLF quiz: no carriage return in the JSON report',
    args: ['run', `${H}/crlf.md`, '--answers', RIGHT, '--format', 'json'],
    exitCode: 0,
    stdout: (out) => {
      expect(out).not.toMatch(/\r|\\r/);
      const report = JSON.parse(out);
      expect(report.questions[0].explanation).toBe('Because it is\nright.');
      expect(report.questions[1].expected).toBe('kubectl\napply');
    },
  },
  {
    name: 'a CRLF quiz: no carriage return in the text report',
    args: ['run', `${H}/crlf.md`, '--answers', `${H}/answers-bom.json`],
    exitCode: 1,
    stdout: (out) => {
      expect(out).not.toMatch(/\r/);
      expect(out).toMatch(/^2\. Type it {3}unanswered$/m);
    },
  },
  { name: 'a quiz that is not UTF-8', args: ['run', `${H}/invalid-utf8.md`, '--answers', NONE], exitCode: 2, stderr: /^mlops-quiz: \S+invalid-utf8\.md: not a UTF-8 text file; save the quiz as UTF-8 text\n$/ },
  { name: 'a binary quiz file', args: ['run', `${H}/binary.md`, '--answers', NONE], exitCode: 2, stderr: /^mlops-quiz: \S+binary\.md: not a UTF-8 text file/ },
  {
    name: 'NUL characters in a quiz become U+FFFD (CommonMark), never a raw NUL',
    args: ['run', `${H}/nul.md`, '--answers', file('nul.json', '{"answers": {"1": "B"}}'), '--format', 'json'],
    exitCode: 1,
    stdout: (out) => {
      expect(out).not.toMatch(/\u0000|\\u0000/);
      expect(JSON.parse(out).questions[0]).toMatchObject({ title: 'Nul\ufffd title', expected: 'a\ufffdb' });
    },
  },
  { name: 'a folder as the quiz, with --answers', args: ['run', H, '--answers', NONE], exitCode: 2, stderr: /^mlops-quiz: tests\/fixtures\/hostile: is a folder; --answers grades one quiz, so give the quiz's Markdown file\n$/ },
  { name: 'a missing quiz', args: ['run', 'no/such/quiz.md', '--answers', NONE], exitCode: 2, stderr: /^mlops-quiz: no\/such\/quiz\.md: no such quiz file.*give a Markdown file, a folder of them, or a bundled quiz's name\n$/ },
  { name: 'block quotes 150 deep', args: ['run', `${H}/deep-quotes.md`, '--answers', NONE], exitCode: 2, stderr: /deep-quotes\.md:3:101: lists or block quotes nest more than 100 levels deep here; at most 100 are accepted/ },
  { name: 'lists 120 deep', args: ['run', `${H}/deep-lists.md`, '--answers', NONE], exitCode: 2, stderr: /deep-lists\.md:105:201: lists or block quotes nest more than 100 levels deep/ },
  { name: 'no option marked correct: an error at its section', args: ['run', `${H}/no-correct.md`, '--answers', NONE], exitCode: 2, stderr: /no-correct\.md:3:1: question 1 "Nothing is right": no option is marked correct; end the right one with \{Answer\}/ },
  {
    name: 'two {Answer} marks: a multiple-choice question, by design',
    args: ['run', `${H}/two-answers.md`, '--answers', file('two.json', '{"answers": {"1": ["A", "B"]}}'), '--format', 'json'],
    exitCode: 0,
    stdout: (out) => expect(JSON.parse(out).questions[0]).toMatchObject({ kind: 'multiple', status: 'correct', expected: ['One', 'Two'] }),
  },
  { name: 'duplicate explicit ids: both places named', args: ['run', `${H}/duplicate-ids.md`, '--answers', NONE], exitCode: 2, stderr: /duplicate-ids\.md:13:1: duplicate id \{#same\}: already used by the question at tests\/fixtures\/hostile\/duplicate-ids\.md:1:1/ },
  // Escape sequences.
  {
    name: 'escapes in a quiz, text report: removed, bidi shown as <U+202E>',
    args: ['run', `${H}/escapes.md`, '--answers', file('esc.json', '{"answers": {"1": "B"}}')],
    exitCode: 1,
    stdout: (out) => {
      expect(out).toMatch(/^1\. Evil linkhidden {2}incorrect$/m);
      expect(out).toContain('<U+202E><U+2066>');
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    },
  },
  {
    name: 'escapes in a quiz, JSON report: C0, DEL, C1 and bidi written as \\u escapes, the text kept',
    args: ['run', `${H}/escapes.md`, '--answers', file('esc.json', '{"answers": {"1": "B"}}'), '--format', 'json'],
    exitCode: 1,
    stdout: (out) => {
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('\\u007f\\u202e\\u2066');
      const question = JSON.parse(out).questions[0];
      expect(question.title).toBe('Evil \u001b[2J\u001b[31m\u001b]0;pwned\u0007\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\u001b]52;c;cm0gLXJmIH4=\u0007\u009b31m\u009d0;t\u009c\u0085hidden');
      expect(question.explanation).toContain('\u202e\u2066 here.');
    },
  },
  ...(['junit', 'tap', 'gradescope'] as const).map((format): Case => ({
    name: `escapes in a quiz, ${format} report: controls and bidi stripped`,
    args: ['run', `${H}/escapes.md`, '--answers', file('esc.json', '{"answers": {"1": "B"}}'), '--format', format],
    exitCode: 1,
    stdout: (out) => {
      expect(out).toMatch(/Evil linkhidden/);
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\\u00[01]|\\u007f|\\u00[89]|\\u202e/);
    },
  })),
  {
    name: 'escapes in a file name: the error message sanitised',
    args: ['run', `${temp}/missing${ESCAPES}.md`, '--answers', NONE],
    exitCode: 2,
    stderr: /missing\\?link<U\+202E>\.md: no such quiz file/,
  },
  {
    name: 'escapes in a file name: the default title sanitised in the text report',
    args: ['run', evilName, '--answers', file('a.json', '{"answers": {"1": "a"}}')],
    exitCode: 0,
    stdout: /^evil<U\+202E> \(evil2j0pwned8httpsevilexamplelink852ccm031m0t\)$/m,
  },
  {
    name: 'escapes in answers-file keys: the unknown id quoted with \\u escapes',
    args: ['run', `${H}/bom.md`, '--answers', `${H}/escape-keys.json`],
    exitCode: 2,
    stderr: /^mlops-quiz: \S+escape-keys\.json: answers\["\\u001b\]0;pwned\\u0007\\u202eevil"\]: no question has the id or number "\\u001b\]0;pwned\\u0007\\u202eevil"/,
  },
  {
    name: 'escapes in an unknown top-level key: the warning quotes it with \\u escapes',
    args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-escape-unknown-key.json`],
    exitCode: 1,
    stderr: /^\S+answers-escape-unknown-key\.json: warning: unknown key "\\u001b\[31mextra\\u202e\\u009b" is ignored \(known: "\$schema", "quiz", "answers"\)\n$/,
  },
  {
    name: 'escapes in an answer value: quoted with \\u escapes (C0, C1, bidi), nothing eaten',
    args: ['run', `${H}/bom.md`, '--answers', `${H}/escape-values.json`],
    exitCode: 2,
    stderr: /answers\["1"\]: question 1 "Pick one": "\\u001b\]52;c;cm0=\\u0007\\u202enope\\u009b" names no option/,
  },
  {
    name: 'a raw control character inside a JSON string: located, and not echoed',
    args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-raw-control.json`],
    exitCode: 2,
    stderr: /answers-raw-control\.json: 1:20: not valid JSON \(a control character \(such as a line break\) inside a string; write it as \\n\)/,
  },
  // Answers files.
  { name: 'malformed JSON: the line and column', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-malformed.json`], exitCode: 2, stderr: /answers-malformed\.json: 4:5: not valid JSON \(unexpected "\\""; expected ',' or '\}'\); expected an object like/ },
  { name: 'JSON with a stray token: located too (V8 gives no position)', args: ['run', `${H}/bom.md`, '--answers', file('token.json', '{"answers":\n  {"1": [["A"],]}}')], exitCode: 2, stderr: /token\.json: 2:16: not valid JSON \(unexpected "\]"\)/ },
  { name: 'an empty answers file', args: ['run', `${H}/bom.md`, '--answers', file('empty.json', '')], exitCode: 2, stderr: /empty\.json: 1:1: not valid JSON \(unexpected end of input\)/ },
  { name: 'an answers file with a BOM', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-bom.json`], exitCode: 1, stdout: /^Score: 1\/2 \(50%\) FAILED/m },
  { name: 'an answers file holding null', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-null.json`], exitCode: 2, stderr: /answers-null\.json: \(top level\): the file holds null; expected an object like \{"answers": \{"1": "B"\}\}\n$/ },
  { name: 'an answers file holding an array', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-array.json`], exitCode: 2, stderr: /answers-array\.json: \(top level\): the file holds an array; expected an object/ },
  { name: 'a value of a wrong type', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-wrong-types.json`], exitCode: 2, stderr: /answers-wrong-types\.json: answers\["1"\]: cannot be read as an answer; accepted: a string, a number/ },
  { name: '"$schema" of a wrong type', args: ['run', `${H}/bom.md`, '--answers', file('schema.json', '{"$schema": 1, "answers": {}}')], exitCode: 2, stderr: /schema\.json: \$schema: .*"\$schema" and "quiz" are optional strings/ },
  { name: '__proto__ as a question id', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-proto.json`], exitCode: 2, stderr: /answers\["__proto__"\]: no question has the id or number "__proto__"; accepted: a question id \(pick-one, type-it\) or a number from 1 to 2\n$/ },
  { name: 'constructor as a question id', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-constructor.json`], exitCode: 2, stderr: /answers\["constructor"\]: no question has the id or number "constructor"/ },
  { name: 'the same question by id and by number', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-twice.json`], exitCode: 2, stderr: /answers\["pick-one"\]: question 1 "Pick one" is answered twice, as "1" and as "pick-one"; keep one/ },
  { name: 'a number too large for a double (1e400)', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-huge-number.json`], exitCode: 2, stderr: /answers\["1"\]: holds a number too large to read; accepted:/ },
  { name: 'an answer nested 200,000 arrays deep', args: ['run', `${H}/bom.md`, '--answers', file('nested.json', `{"answers": {"1": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`)], exitCode: 2, stderr: /nested\.json: answers\["1"\]: cannot be read as an answer; accepted: a string, a number/ },
  { name: 'malformed JSON nested 200,000 arrays deep: still located', args: ['run', `${H}/bom.md`, '--answers', file('unclosed.json', '['.repeat(200_000))], exitCode: 2, stderr: /unclosed\.json: 1:1002: not valid JSON \(arrays or objects nested more than 1,000 levels deep\)/ },
  { name: 'a huge integer as an option number', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-big-integer.json`], exitCode: 2, stderr: /answers\["1"\]: question 1 "Pick one": there is no option 1\.2345678901234568e\+29; accepted: a letter A-B, a number from 1 to 2/ },
  { name: '{} as the whole file: says what is missing', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-empty-object.json`], exitCode: 2, stderr: /answers-empty-object\.json: answers: missing: expected "answers": an object keyed by question id or number\n$/ },
  { name: '{"answers": {}}: everything unanswered', args: ['run', `${H}/bom.md`, '--answers', NONE], exitCode: 1, stdout: /Score: 0\/2 \(0%\) FAILED[^]*1\. Pick one {2}unanswered\n2\. Type it {3}unanswered/ },
  { name: 'an answers file that is not UTF-8', args: ['run', `${H}/bom.md`, '--answers', `${H}/answers-invalid-utf8.json`], exitCode: 2, stderr: /answers-invalid-utf8\.json: not a UTF-8 text file; save the answers file as UTF-8 text\n$/ },
  { name: 'a folder as the answers file', args: ['run', `${H}/bom.md`, '--answers', H], exitCode: 2, stderr: /^mlops-quiz: tests\/fixtures\/hostile: is a folder; give the path of a JSON answers file\n$/ },
  { name: 'a missing answers file', args: ['run', `${H}/bom.md`, '--answers', 'no-such.json'], exitCode: 2, stderr: /^mlops-quiz: no-such\.json: no such file; give the path of a JSON answers file\n$/ },
  // The process.
  { name: 'run without --answers, stdin not a terminal', args: ['run', `${H}/bom.md`], exitCode: 2, stdout: /^$/, stderr: /^mlops-quiz: run needs a terminal to ask questions; to grade without prompts, use --answers FILE/ },
];


describe('hostile input, in-process: main(argv, io)', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    checkCase(await runInProcess(c.args), c);
  });

  test('__proto__ and constructor keys touch no prototype', async () => {
    await runInProcess(['run', `${H}/bom.md`, '--answers', `${H}/answers-proto.json`]);
    await runInProcess(['run', `${H}/bom.md`, '--answers', file('proto2.json', '{"answers": {"1": "A"}, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('A');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('hostile input, the built binary', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    checkCase(runBinary(c.args), c);
  });
});
