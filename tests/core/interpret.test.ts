import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AnswersError, readAnswerSheet } from '../../src/core/answers.js';
import { interpretAnswers } from '../../src/core/interpret.js';
import type { Quiz } from '../../src/core/quiz.js';
import { parseQuiz } from '../../src/dialects/markdown/read.js';

const quiz = parseQuiz(readFileSync(new URL('../fixtures/format/all-kinds.md', import.meta.url), 'utf8'), { file: 'all-kinds.md' }).quiz as Quiz;

function read(answers: unknown) {
  const { sheet, raw } = readAnswerSheet(JSON.stringify({ answers }));
  return interpretAnswers(quiz, sheet, raw);
}
function failure(answers: unknown): string {
  try {
    read(answers);
  } catch (error) {
    if (error instanceof AnswersError) return `${error.path}: ${error.message}`;
    throw error;
  }
  throw new Error('expected an AnswersError');
}

describe('reading answers for each kind (docs/DESIGN.md section 5)', () => {
  test('single choice: letter in any case, 1-based number, option text (trimmed, spaces collapsed, any case)', () => {
    expect(read({ serving: 'b' }).get('serving')).toEqual({ kind: 'single', choice: 1 });
    expect(read({ serving: 2 }).get('serving')).toEqual({ kind: 'single', choice: 1 });
    expect(read({ serving: '  ONLINE    prediction ' }).get('serving')).toEqual({ kind: 'single', choice: 1 });
    expect(read({ serving: null }).get('serving')).toBeNull();
  });

  test('multiple choice: an array of picks, or a single value as one pick; repeats count once', () => {
    expect(read({ 'safe-rollouts': ['A', 3, 'canary deployment'] }).get('safe-rollouts')).toEqual({ kind: 'multiple', choices: [0, 2] });
    expect(read({ 'safe-rollouts': 'C' }).get('safe-rollouts')).toEqual({ kind: 'multiple', choices: [2] });
  });

  test('ordering: item texts in the learner order', () => {
    expect(read({ 'environments-in-order': ['staging', ' Development', 'PRODUCTION'] }).get('environments-in-order')).toEqual({ kind: 'order', order: [1, 0, 2] });
  });

  test('matching: left items to right values; left out is unmatched; null is unmatched', () => {
    expect(read({ 'tests-and-environments': { 'smoke TESTS': 'production', 'Unit tests': null } }).get('tests-and-environments')).toEqual({ kind: 'match', picks: [null, null, 2, null] });
  });

  test('short answer: a string (a number is read as its text); self-assessed: a boolean is ignored', () => {
    expect(read({ 'name-the-tool': 'kubectl' }).get('name-the-tool')).toEqual({ kind: 'text', text: 'kubectl' });
    expect(read({ 'name-the-tool': 42 }).get('name-the-tool')).toEqual({ kind: 'text', text: '42' });
    expect(read({ 'draw-the-pipeline': true }).get('draw-the-pipeline')).toBeNull();
  });
});

describe('values that cannot be read name the question and what is accepted', () => {
  test.each([
    [{ serving: 'D' }, 'answers["serving"]: question 1 "Serving mode": there is no option D; accepted: a letter A-C, a number from 1 to 3, or an option\'s text'],
    [{ serving: 1.5 }, 'there is no option 1.5'],
    [{ serving: 1e300 }, 'there is no option 1e+300'],
    [{ serving: ['A'] }, 'question 1 "Serving mode": an array cannot name an option'],
    [{ serving: true }, 'true cannot name an option'],
    [{ 'safe-rollouts': ['A', 'Z'] }, 'question 2 "Safe rollouts": there is no option Z; accepted: a letter A-D, a number from 1 to 4, or an option\'s text (or an array of those)'],
    [{ 'environments-in-order': 'Staging' }, 'question 3 "Environments in order": "Staging" is not an ordering; accepted: an array of the item texts in your order (3 items)'],
    [{ 'environments-in-order': ['Staging', 'QA'] }, '"QA" names no item'],
    [{ 'environments-in-order': ['Staging', 'staging'] }, '"staging" is given twice'],
    [{ 'tests-and-environments': ['x'] }, 'an array is not a matching'],
    [{ 'tests-and-environments': { 'Load tests': 'Cloud' } }, '"Cloud" names no right value; accepted: an object {"left item": "right value"} with left items from (Unit tests, Integration tests, Smoke tests, Load tests) and right values from (Development, Staging, Production)'],
    [{ 'tests-and-environments': { 'E2E tests': 'Staging' } }, '"E2E tests" names no left item'],
    [{ 'tests-and-environments': { 'Unit tests': 'Development', 'unit  tests': 'Staging' } }, 'the left item "unit  tests" is given twice'],
    [{ 'name-the-tool': ['kubectl'] }, 'an array is not a short answer; accepted: a string'],
    [{ 'draw-the-pipeline': 'yes' }, '"yes" cannot be read for a self-assessed question'],
    [{ constructor: 'A' }, 'answers["constructor"]: no question has the id or number "constructor"'],
    [{ '0': 'A' }, 'answers["0"]: no question has the id or number "0"'],
    [{ '01': 'A' }, 'answers["01"]: no question has the id or number "01"'],
  ])('%j', (answers, message) => {
    expect(failure(answers)).toContain(message);
  });

  test('__proto__ from JSON text is a plain unknown key and touches no prototype', () => {
    const { sheet, raw } = readAnswerSheet('{"answers": {"__proto__": {"polluted": "yes"}}}');
    expect(() => interpretAnswers(quiz, sheet, raw)).toThrow(/no question has the id or number "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('malformed JSON is one line with its line and column', () => {
  test.each([
    ['not json', '1:1: not valid JSON (unexpected "n"'],
    ['{"answers": {"1": "A",}}', `1:23: not valid JSON (unexpected "}"; expected a double-quoted property name)`],
    ['{"answers":\n  {"1": tru}}', '2:9: not valid JSON (unexpected "t"'],
    ['[1,,2]', '1:4: not valid JSON (unexpected ","'],
    ['', '1:1: not valid JSON (unexpected end of input)'],
    ['{"answers": {}} x', '1:17: not valid JSON (unexpected "x" after the JSON value)'],
    ['{"a": "line\nbreak"}', '1:12: not valid JSON (a control character (such as a line break) inside a string'],
    ['{"answers": {"1": "A"}', '1:23: not valid JSON (unexpected end of input; expected \',\' or \'}\')'],
  ])('%j', (text, expected) => {
    let message = '';
    try {
      readAnswerSheet(text);
    } catch (error) {
      if (!(error instanceof AnswersError)) throw error;
      message = `${error.path}: ${error.message}`;
    }
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });
});
