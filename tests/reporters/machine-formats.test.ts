/**
 * `run --format junit|tap|gradescope`: read back by a real XML parser and a real TAP parser, counts
 * checked, and well-formed whatever the quiz's titles and answers hold.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser, type FinalResults, type Result } from 'tap-parser';
import { describe, expect, test } from 'vitest';
import { xmlAttribute, xmlText } from '../../src/reporters/junit.js';
import { tapDescription } from '../../src/reporters/tap.js';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const root = new URL('../..', import.meta.url).pathname;
const allKinds = 'tests/fixtures/format/all-kinds.md';

/** all-kinds.md: 1 correct, 2 incorrect, 3 and 4 partial, 5 correct, 6 ungraded (self), 7 unanswered. */
function allKindsAnswers(): string {
  const dir = tempDir('formats');
  const file = join(dir, 'answers.json');
  writeFileSync(
    file,
    JSON.stringify({
      answers: { serving: 'B', 2: ['A', 'B'], 3: ['Staging', 'Development', 'Production'], 4: { 'Unit tests': 'Development' }, 5: 'kubectl' },
    }),
  );
  return file;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

interface JunitCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; '#text'?: string };
  skipped?: { message: string };
}

function parseJunit(text: string): { suites: Record<string, string>; suite: Record<string, string>; cases: JunitCase[] } {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = xml.parse(text);
  const suite = doc.testsuites.testsuite[0];
  return { suites: doc.testsuites, suite, cases: suite.testcase };
}

function parseTap(text: string): { results: FinalResults; asserts: Result[]; extra: string[] } {
  const asserts: Result[] = [];
  const extra: string[] = [];
  let results: FinalResults | undefined;
  const parser = new Parser({ strict: true, passes: true }, (final) => {
    results = final;
  });
  parser.on('assert', (result: Result) => asserts.push(result));
  parser.on('extra', (line: string) => extra.push(line));
  parser.end(text);
  return { results: results!, asserts, extra };
}

describe('--format junit', () => {
  test('one testsuite, one testcase per question; failures for incorrect, partial and unanswered; skipped for ungraded', async () => {
    const { exitCode: code, stdout, stderr } = await runInProcess(['run', allKinds, '--answers', allKindsAnswers(), '--format', 'junit'], { cwd: root });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const { suites, suite, cases } = parseJunit(stdout);
    expect(suites).toMatchObject({ tests: '7', failures: '4', errors: '0', skipped: '1' });
    expect(suite).toMatchObject({ name: 'Every kind of question', tests: '7', failures: '4', skipped: '1' });
    expect(cases.map((testcase) => testcase.name)).toEqual([
      '1. Serving mode',
      '2. Safe rollouts',
      '3. Environments in order',
      '4. Tests and environments',
      '5. Name the tool',
      '6. Draw the pipeline',
      '7. Two correct, seed style',
    ]);
    expect(cases.every((testcase) => testcase.classname === 'all-kinds')).toBe(true);
    expect(cases.map((testcase) => testcase.failure?.type ?? (testcase.skipped ? 'skipped' : 'passed'))).toEqual([
      'passed', 'incorrect', 'partial', 'partial', 'passed', 'skipped', 'unanswered',
    ]);
    expect(cases[1]!.failure!.message).toBe('incorrect, 0/1 points; given: Canary deployment | Big-bang release; expected: Canary deployment | Shadow deployment');
    expect(cases[2]!.failure!.message).toContain('given: Staging | Development | Production; expected: Development | Staging | Production');
    expect(cases[6]!.failure!.message).toBe('unanswered, 0/1 points; given: (none); expected: Monitoring | Alerting');
    expect(cases[5]!.skipped!.message).toBe('self-assessed: not graded from an answers file');
    const properties = Object.fromEntries((suite.properties as unknown as { property: { name: string; value: string }[] }).property.map((p) => [p.name, p.value]));
    expect(properties).toMatchObject({ 'quiz.id': 'all-kinds', maxScore: '6', percent: '43.1', passMark: '60', passed: 'false' });
  });

  test('escaping keeps every character XML 1.0 allows and drops the rest', () => {
    expect(xmlText('a <b> & ]]> c')).toBe('a &lt;b&gt; &amp; ]]&gt; c');
    expect(xmlAttribute('say "hi" \'there\'\tand\nmore')).toBe('say &quot;hi&quot; &apos;there&apos;&#9;and&#10;more');
    // A lone surrogate, U+FFFE/U+FFFF and controls go; a surrogate pair (an emoji) stays.
    expect(xmlText('x\ud800y\udc00z\ufffe\uffff\u0007\u0085 😀')).toBe('xyz 😀');
  });
});

describe('--format tap', () => {
  test('TAP version 14: a plan, ok / not ok per question, SKIP for ungraded, YAML diagnostics', async () => {
    const { exitCode: code, stdout } = await runInProcess(['run', allKinds, '--answers', allKindsAnswers(), '--format', 'tap'], { cwd: root });
    expect(code).toBe(1);
    expect(stdout.split('\n').slice(0, 2)).toEqual(['TAP version 14', '1..7']);
    const { results, asserts, extra } = parseTap(stdout);
    expect(extra).toEqual([]);
    expect(results.plan).toMatchObject({ start: 1, end: 7 });
    expect(results).toMatchObject({ count: 7, pass: 3, fail: 4, skip: 1, ok: false });
    expect(asserts.map((result) => [result.id, result.ok, result.name])).toEqual([
      [1, true, 'Serving mode'],
      [2, false, 'Safe rollouts'],
      [3, false, 'Environments in order'],
      [4, false, 'Tests and environments'],
      [5, true, 'Name the tool'],
      [6, true, 'Draw the pipeline'],
      [7, false, 'Two correct, seed style'],
    ]);
    expect(asserts[5]!.skip).toBe('self-assessed: not graded from an answers file');
    expect(asserts[3]!.diag).toEqual({
      id: 'tests-and-environments',
      status: 'partial',
      points: 0.25,
      maxPoints: 1,
      given: { 'Unit tests': 'Development' },
      expected: { 'Unit tests': 'Development', 'Integration tests': 'Staging', 'Smoke tests': 'Production', 'Load tests': 'Staging' },
      explanation: null,
    });
    expect(asserts[6]!.diag).toMatchObject({ status: 'unanswered', given: null, expected: ['Monitoring', 'Alerting'] });
  });

  test('a description is one line with # and \\ escaped', () => {
    expect(tapDescription('a # b \\ c\nd\u202e')).toBe('a \\# b \\\\ c d');
  });
});

describe('--format gradescope', () => {
  test('the results.json shape: score, and tests with name, score, max_score, status, output', async () => {
    const { exitCode: code, stdout } = await runInProcess(['run', allKinds, '--answers', allKindsAnswers(), '--format', 'gradescope'], { cwd: root });
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { score: number; output: string; tests: Record<string, unknown>[] };
    expect(results.score).toBeCloseTo(1 + 0 + 1 / 3 + 0.25 + 1 + 0, 10);
    expect(results.output).toBe('all-kinds: 2.58/6 (43.1%) FAILED, pass mark 60%');
    expect(results.tests).toHaveLength(7);
    expect(results.tests.map((one) => [one.name, one.max_score, one.status])).toEqual([
      ['Serving mode', 1, 'passed'],
      ['Safe rollouts', 1, 'failed'],
      ['Environments in order', 1, 'failed'],
      ['Tests and environments', 1, 'failed'],
      ['Name the tool', 1, 'passed'],
      ['Draw the pipeline', 0, undefined],
      ['Two correct, seed style', 1, 'failed'],
    ]);
    expect(results.tests[3]).toMatchObject({ score: 0.25, output: expect.stringContaining('given: Unit tests → Development') });
    expect(results.tests[6]!.output).toContain('expected: Monitoring | Alerting');
  });
});

describe('a quiz whose texts hold markup, control characters and bidi overrides', () => {
  const hostile = [
    '---',
    'title: "Quiz <&> \\"q\\" ]]>"',
    'id: hostile',
    '---',
    '',
    '# Less <than> & "quotes" \'apos\' ]]> done {#t1}',
    '',
    '### Possible Answers',
    '',
    '- A <b>&amp; ]]> {Answer}',
    '- Bell\u0007 ESC\u001b[31mred\u001b[0m C1\u0085 DEL\u007f',
    '',
    '### Explanation',
    '',
    'Line one ]]> <x>',
    'line two \u202eevil\u202c',
    '',
    '# Bell\u0007 ESC\u001b[31mred\u001b[0m C1\u0085 DEL\u007f nonchar\uffff {#t2}',
    '',
    '### Accepted Answers',
    '',
    '- yes',
    '',
    '# Bidi \u202eevil\u202c and \u2066iso\u2069 # hash \\\\ backslash {#t3}',
    '',
    '### Accepted Answers',
    '',
    '- ok',
    '',
    '# Look \u202e ]]> {#t4}',
    '',
    '![Answer](images/x.png)',
    '',
  ].join('\n');

  function setUp(): { dir: string } {
    const dir = tempDir('hostile');
    writeFileSync(join(dir, 'hostile.md'), hostile);
    writeFileSync(join(dir, 'answers.json'), JSON.stringify({ answers: { t1: 'B', t2: 'no\u0007 <' } }));
    return { dir };
  }

  test('JUnit stays well-formed, and the names read back without the controls', async () => {
    const { dir } = setUp();
    const { exitCode: code, stdout } = await runInProcess(['run', 'hostile.md', '--answers', 'answers.json', '--format', 'junit'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/);
    const { suite, cases } = parseJunit(stdout);
    expect(suite.name).toBe('Quiz <&> "q" ]]>');
    expect(cases.map((testcase) => testcase.name)).toEqual([
      '1. Less <than> & "quotes" \'apos\' ]]> done',
      '2. Bell ESCred C1 DEL nonchar',
      '3. Bidi evil and iso # hash \\ backslash',
      '4. Look  ]]>',
    ]);
    expect(cases[0]!.failure!.message).toBe('incorrect, 0/1 points; given: Bell ESCred C1 DEL; expected: A <b>&amp; ]]>');
    expect(cases[0]!.failure!['#text']).toContain('explanation: Line one ]]> <x>\nline two evil');
    expect(cases[1]!.failure!.message).toBe('incorrect, 0/1 points; given: no <; expected: yes');
    expect(cases.map((testcase) => testcase.failure?.type ?? (testcase.skipped ? 'skipped' : 'passed'))).toEqual(['incorrect', 'incorrect', 'unanswered', 'skipped']);
  });

  test('TAP stays valid: four test points, no stray lines, titles escaped', async () => {
    const { dir } = setUp();
    const { stdout } = await runInProcess(['run', 'hostile.md', '--answers', 'answers.json', '--format', 'tap'], { cwd: dir });
    const { results, asserts, extra } = parseTap(stdout);
    expect(extra).toEqual([]);
    expect(results).toMatchObject({ count: 4, pass: 1, fail: 3, skip: 1 });
    expect(results.failures.filter((failure) => 'tapError' in failure && failure.tapError)).toEqual([]);
    expect(asserts.map((result) => result.name)).toEqual([
      'Less <than> & "quotes" \'apos\' ]]> done',
      // U+FFFF is not a control: TAP carries it; only XML forbids it.
      'Bell ESCred C1 DEL nonchar\uffff',
      'Bidi evil and iso # hash \\ backslash',
      'Look ]]>',
    ]);
    expect(stdout).toContain('not ok 3 - Bidi evil and iso \\# hash \\\\ backslash\n');
    expect(asserts[0]!.diag).toMatchObject({ given: 'Bell ESCred C1 DEL', explanation: 'Line one ]]> <x>\nline two evil' });
  });

  test('Gradescope JSON parses and holds no raw control or bidi characters', async () => {
    const { dir } = setUp();
    const { stdout } = await runInProcess(['run', 'hostile.md', '--answers', 'answers.json', '--format', 'gradescope'], { cwd: dir });
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const results = JSON.parse(stdout) as { tests: { name: string }[] };
    expect(results.tests.map((one) => one.name)).toEqual([
      'Less <than> & "quotes" \'apos\' ]]> done',
      'Bell ESCred C1 DEL nonchar\uffff',
      'Bidi evil and iso # hash \\ backslash',
      'Look  ]]>',
    ]);
  });
});
