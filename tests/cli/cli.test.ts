/**
 * The CLI contract (docs/DESIGN.md sections 5, 7, 8): one table of cases, run in-process through main()
 * and once more through the built binary.
 */
import { describe, expect, test } from 'vitest';
import { checkCase, runBinary, runInProcess, tempFiles, type CliCase } from '../helpers/cli.js';

const SEED = 'tests/fixtures/seed/seed.md';
const ALL = 'tests/fixtures/format/all-kinds.md';
const answers = tempFiles('cli');
type Case = CliCase;

const cases: Case[] = [
  {
    name: 'the seed, all correct: 7/7, passed, exit 0',
    args: ['run', SEED, '--answers', 'tests/fixtures/answers/seed-all-correct.json'],
    exitCode: 0,
    stdout: /^Score: 7\/7 \(100%\) PASSED \(pass mark 70%\)$/m,
    stderr: /^$/,
  },
  {
    // offline-or-online "b" right; 2 -> option 1 wrong; client-server by text right; 4 "C" right;
    // which-test-is-it missing; 8 by text right; shadow 1 wrong: 4 of 7 = 57.1%
    name: 'the seed, a mix of letters, numbers, texts and number keys: 4/7, failed, exit 1',
    args: ['run', SEED, '--answers', 'tests/fixtures/answers/seed-mixed.json'],
    exitCode: 1,
    stdout: /^Score: 4\/7 \(57\.1%\) FAILED \(pass mark 70%\)$/m,
  },
  {
    name: 'the seed as JSON: image questions are ungraded',
    args: ['run', SEED, '--answers', 'tests/fixtures/answers/seed-mixed.json', '--format', 'json'],
    exitCode: 1,
    stdout: (out) => {
      const report = JSON.parse(out);
      expect(report).toMatchObject({ score: 4, maxScore: 7, percent: 57.1, passMark: 70, passed: false });
      expect(report.quiz).toEqual({ id: 'seed', title: 'seed', source: SEED });
      expect(report.questions.map((q: { status: string }) => q.status)).toEqual([
        'correct', 'incorrect', 'correct', 'correct', 'unanswered', 'ungraded', 'ungraded', 'correct', 'ungraded', 'incorrect',
      ]);
      expect(report.questions[1]).toMatchObject({ given: 'Real-time prediction', expected: 'Near-real-time prediction a.k.a. stream processing' });
    },
  },
  {
    name: '--pass-mark overrides the quiz: 57.1% passes 50',
    args: ['run', SEED, '--answers', 'tests/fixtures/answers/seed-mixed.json', '--pass-mark', '50'],
    exitCode: 0,
    stdout: /PASSED \(pass mark 50%\)/,
  },
  {
    // serving 1, safe-rollouts [A] 1/2, order 1/3, match 2/4, text 0, seed-style multiple 1: 10/3 of 6
    name: 'every kind from an answers file: partial credit, 55.6%, below the front matter pass mark 60',
    args: ['run', ALL, '--answers', 'tests/fixtures/answers/all-kinds-mixed.json', '--format', 'json'],
    exitCode: 1,
    stdout: (out) => {
      const report = JSON.parse(out);
      expect(report.score).toBeCloseTo(10 / 3, 10);
      expect(report).toMatchObject({ maxScore: 6, percent: 55.6, passMark: 60, passed: false });
      expect(report.questions.map((q: { points: number }) => Math.round(q.points * 1000) / 1000)).toEqual([1, 0.5, 0.333, 0.5, 0, 0, 1]);
      expect(report.questions[3].given).toEqual({ 'Unit tests': 'Development', 'Integration tests': 'Staging', 'Smoke tests': 'Staging' });
      expect(report.questions[4]).toMatchObject({ given: 'helm', expected: 'kubectl', status: 'incorrect' });
    },
  },
  { name: 'an empty answers object: everything unanswered', args: ['run', SEED, '--answers', answers('empty.json', '{"answers": {}}')], exitCode: 1, stdout: /Score: 0\/7 \(0%\) FAILED/ },
  // Input errors (section 5): exit 2, one line naming the file and the question, nothing graded.
  { name: 'malformed JSON', args: ['run', SEED, '--answers', answers('bad.json', '{"answers": {\n  "1": "A",\n}}')], exitCode: 2, stdout: /^$/, stderr: /^mlops-quiz: \S*bad\.json: 3:1: not valid JSON/ },
  { name: 'a wrong shape', args: ['run', SEED, '--answers', answers('shape.json', '{"answers": ["A"]}')], exitCode: 2, stderr: /shape\.json: answers: is an array; expected an object keyed by question id or number\n$/ },
  { name: 'no answers key', args: ['run', SEED, '--answers', answers('nokey.json', '{}')], exitCode: 2, stderr: /nokey\.json: answers: missing/ },
  { name: 'an unknown id', args: ['run', SEED, '--answers', answers('unknown.json', '{"answers": {"no-such": "A"}}')], exitCode: 2, stderr: /unknown\.json: answers\["no-such"\]: no question has the id or number "no-such"; accepted: a question id \(offline-or-online, /, stdout: /^$/ },
  { name: 'an unknown number', args: ['run', SEED, '--answers', answers('num.json', '{"answers": {"11": "A"}}')], exitCode: 2, stderr: /num\.json: answers\["11"\]: .*a number from 1 to 10/ },
  { name: 'the same question by id and by number', args: ['run', SEED, '--answers', answers('twice.json', '{"answers": {"offline-or-online": "A", "1": "B"}}')], exitCode: 2, stderr: /twice\.json: answers\["offline-or-online"\]: question 1 "Offline or online\?" is answered twice, as "1" and as "offline-or-online"; keep one\n$/ },
  { name: 'letter F of three options', args: ['run', SEED, '--answers', answers('f.json', '{"answers": {"1": "F"}}')], exitCode: 2, stderr: /f\.json: answers\["1"\]: question 1 "Offline or online\?": there is no option F; accepted: a letter A-C, a number from 1 to 3, or an option's text\n$/ },
  { name: 'number 0', args: ['run', SEED, '--answers', answers('zero.json', '{"answers": {"1": 0}}')], exitCode: 2, stderr: /there is no option 0/ },
  { name: 'text that names no option', args: ['run', SEED, '--answers', answers('text.json', '{"answers": {"client-server": "a server"}}')], exitCode: 2, stderr: /question 3 "Client-server": "a server" names no option/ },
  { name: 'a quiz id mismatch', args: ['run', SEED, '--answers', answers('quiz.json', '{"quiz": "other", "answers": {}}')], exitCode: 2, stderr: /quiz\.json: quiz: is "other" but this quiz's id is "seed"/ },
  { name: 'a missing answers file', args: ['run', SEED, '--answers', 'nope.json'], exitCode: 2, stderr: /^mlops-quiz: nope\.json: no such file/ },
  { name: 'a missing quiz', args: ['run', 'nope.md', '--answers', 'x.json'], exitCode: 2, stderr: /^mlops-quiz: nope\.md: no such quiz file/ },
  { name: 'a quiz with errors is refused, every error listed', args: ['run', 'tests/fixtures/errors/bad-matches.md', '--answers', answers('e.json', '{"answers": {}}')], exitCode: 2, stderr: /3 errors make this quiz unusable[^]*bad-matches\.md:5:1:[^]*bad-matches\.md:16:1:[^]*bad-matches\.md:20:1:/ },
  { name: 'a folder with --answers', args: ['run', 'tests/fixtures/seed', '--answers', 'x.json'], exitCode: 2, stderr: /tests\/fixtures\/seed: is a folder; --answers grades one quiz/ },
  // Usage.
  { name: 'run without --answers and without a terminal', args: ['run', SEED], exitCode: 2, stderr: /run needs a terminal.*use --answers FILE/ },
  { name: 'an unknown format', args: ['run', SEED, '--answers', 'x.json', '--format', 'yaml'], exitCode: 2, stderr: /^mlops-quiz: option '-f, --format <format>' argument 'yaml' is invalid/ },
  { name: 'a pass mark out of range', args: ['run', SEED, '--answers', 'x.json', '--pass-mark', '150'], exitCode: 2, stderr: /expected a percent from 0 to 100/ },
  { name: 'an unknown option', args: ['run', '--nope'], exitCode: 2, stderr: /^mlops-quiz: unknown option '--nope'/ },
  { name: '--version', args: ['--version'], exitCode: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: '--help', args: ['--help'], exitCode: 0, stdout: /Usage: mlops-quiz/ },
  { name: 'no command: help on stderr, exit 2', args: [], exitCode: 2, stderr: /Usage: mlops-quiz/ },
];


describe('in-process: main(argv, io)', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    checkCase(await runInProcess(c.args), c);
  });
});

describe('the built binary', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    checkCase(runBinary(c.args), c);
  });
});
