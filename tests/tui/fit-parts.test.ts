/**
 * The pure parts of fitting the terminal and of the session's keys and summary (issue 18): key map,
 * footers wrapped between entries, paths cut after slashes, list pages, the ordering's window, typed
 * numbers of a plain session, durations, and the summary (unfinished: not judged; what was missed).
 */
import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { makeStyle } from '../../src/reporters/style.js';
import { readNumbers } from '../../src/tui/askers/asker.js';
import { actionOf, keyHelp } from '../../src/tui/keys.js';
import { pageOf } from '../../src/tui/order-prompt.js';
import { listPage, plainKeys } from '../../src/tui/session.js';
import { formatDuration, renderSummary } from '../../src/tui/summary.js';
import { keysHelpTip } from '../../src/tui/theme.js';
import { measure, textWidth, wrapPath } from '../../src/tui/wrap.js';

const style = makeStyle(0);

describe('one key map', () => {
  test('letters act at a choice, never at a typed answer; Tab and Esc act at both', () => {
    expect(['h', 's', 'q', 'x'].map((name) => actionOf({ name }, false))).toEqual(['hint', 'skip', 'quit', null]);
    expect(['h', 's', 'q'].map((name) => actionOf({ name }, true))).toEqual([null, null, null]);
    expect(actionOf({ name: 'tab' }, true)).toBe('hint');
    expect(actionOf({ name: 'escape', meta: true }, true)).toBe('skip');
    expect(actionOf({ name: 's', ctrl: true }, false)).toBeNull();
    expect(keyHelp(['hint', 'skip', 'quit'], false)).toEqual([['h', 'hint'], ['s', 'skip'], ['q', 'quit']]);
    expect(keyHelp(['skip', 'quit'], true)).toEqual([['Esc', 'skip'], ['Ctrl+C', 'quit']]);
    expect(plainKeys(['skip', 'quit'], true)).toBe('Keys: :skip skip (shows the answer) · :quit quit');
  });

  test('a footer wraps between its entries, never inside one', () => {
    const tip = keysHelpTip(style, [['s', 'skip'], ['q', 'quit']], 24)([['↑↓', 'navigate'], ['⏎', 'select']]);
    expect(tip.split('\n')).toEqual(['↑↓ navigate • ⏎ select', 's skip • q quit']);
    for (const line of tip.split('\n')) expect(textWidth(line)).toBeLessThan(24);
  });
});

describe('fitting', () => {
  test('prose is held to 100 columns, and narrow terminals keep their width', () => {
    expect([measure(40), measure(80), measure(160)]).toEqual([40, 80, 100]);
  });

  test('a path is cut after its slashes', () => {
    const lines = wrapPath('/work/wt-18/tests/fixtures/format/images/pipeline.png', 20);
    expect(lines.join('')).toBe('/work/wt-18/tests/fixtures/format/images/pipeline.png');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    expect(lines[0]).toBe('/work/wt-18/tests/');
    expect(wrapPath('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });

  test('a list page: the rows less the prompt, never less than the tallest option', () => {
    const twelve = Array.from({ length: 12 }, (_, index) => `${index + 1}) option`);
    expect(listPage(twelve, 12)).toBe(7);
    expect(listPage(twelve.slice(0, 3), 40)).toBe(3);
    expect(listPage(['1) code:\n a\n b\n c\n d\n e\n f\n g\n h', '2) no'], 12)).toBe(9);
  });

  test("the ordering's window follows the highlight and keeps two lines for its signs", () => {
    const ten = Array.from({ length: 10 }, () => 1);
    expect(pageOf(ten, 0, 0, 20)).toEqual([0, 9]);
    expect(pageOf(ten, 0, 0, 7)).toEqual([0, 4]);
    expect(pageOf(ten, 6, 0, 7)).toEqual([2, 6]);
    expect(pageOf(ten, 9, 2, 7)).toEqual([5, 9]);
    expect(pageOf(ten, 4, 5, 7)).toEqual([4, 8]);
  });
});

describe('a plain session reads numbers', () => {
  test('numbers from 1 to the count, separated by spaces or commas', () => {
    expect(readNumbers('2', 3)).toEqual([1]);
    expect(readNumbers(' 1, 3 ', 4)).toEqual([0, 2]);
    expect(readNumbers('4', 3)).toBeNull();
    expect(readNumbers('s', 3)).toBeNull();
    expect(readNumbers('', 3)).toBeNull();
    expect(readNumbers('1.5', 3)).toBeNull();
  });
});

describe('the summary', () => {
  const report: Report = {
    quiz: { id: 'q', title: 'A quiz', source: 'q.md' },
    score: 1,
    maxScore: 2,
    percent: 50,
    passMark: 70,
    passed: false,
    questions: [
      { number: 1, id: 'a', title: 'First', kind: 'single', status: 'correct', points: 1, maxPoints: 1, given: 'Yes', expected: 'Yes', explanation: null, feedback: null },
      { number: 2, id: 'b', title: 'Second', kind: 'single', status: 'incorrect', points: 0, maxPoints: 1, given: 'No', expected: 'Maybe', explanation: 'Because **maybe** it is.', feedback: null },
    ],
  };

  test('durations in words', () => {
    expect([formatDuration(4.4), formatDuration(65), formatDuration(3725)]).toEqual(['4s', '1m 05s', '1h 02m']);
  });

  test('finished: the verdict, the times, and what was missed with its explanation', () => {
    const lines = renderSummary(report, { style, width: 80, unfinished: false, total: 2, seconds: new Map([['a', 12], ['b', 61]]) });
    expect(lines).toEqual([
      'A quiz (q)',
      'Score: 1/2 (50%) FAILED (pass mark 70%)',
      'Time: 1m 13s in all',
      '',
      '1. First  ✔ correct  12s',
      '2. Second  ✘ wrong  1m 01s',
      '',
      'Review what you missed',
      '',
      '2. Second',
      '   Your answer: No',
      '   Right answer: Maybe',
      '   Because maybe it is.',
    ]);
  });

  test('unfinished: not judged, no PASSED or FAILED; every line fits a narrow terminal', () => {
    const lines = renderSummary({ ...report, passed: true }, { style, width: 30, unfinished: true, total: 10, seconds: new Map() });
    expect(lines.join('\n')).not.toMatch(/PASSED|FAILED/);
    expect(lines.join(' ')).toContain('Unfinished: 2 of 10 questions answered, 1/2 (50%) so far.');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(30);
  });
});
