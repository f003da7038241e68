/**
 * The fast `run [quiz] --answers FILE` path (docs/SPEED.md): main() reads a plain command line itself
 * and skips commander. It must mean exactly what commander means: the same options for the same argv,
 * and the same output, exit code and errors as the commander path, for every outcome.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fastRun, type RunOptions } from '../src/cli.js';
import { commanderMain } from '../src/program.js';
import { runBinary, runInProcess } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

/** While `capturing`, `run`'s action records what commander gave it instead of running. */
let capturing = false;
const received: { quiz: string | undefined; options: RunOptions }[] = [];
vi.mock('../src/commands/run.js', async (original) => {
  const real = await original<typeof import('../src/commands/run.js')>();
  return {
    ...real,
    runCommand: async (quiz: string | undefined, options: RunOptions, io: Parameters<typeof real.runCommand>[2]) => {
      if (!capturing) return real.runCommand(quiz, options, io);
      received.push({ quiz, options });
      return 0;
    },
  };
});
afterEach(() => {
  received.length = 0;
  capturing = false;
});

const SEED = 'tests/fixtures/seed/seed.md';
const ANSWERS = 'tests/fixtures/answers/seed-mixed.json';

/** What commander hands to `run`'s action for argv (undefined: it refused the command line). */
async function commanderView(argv: string[]): Promise<{ quiz: string | undefined; options: RunOptions } | undefined> {
  capturing = true;
  const result = await runInProcess(argv, {}, commanderMain);
  capturing = false;
  return result.exitCode === 0 ? received.pop() : undefined;
}

describe('the fast path reads a command line as commander does', () => {
  const taken: string[][] = [
    ['run', '--answers', ANSWERS],
    ['run', '-a', ANSWERS],
    ['run', SEED, '--answers', ANSWERS],
    ['run', '--answers', ANSWERS, SEED],
    ['run', 'mlops-deployment', '-a', ANSWERS, '-f', 'json'],
    ['run', SEED, '--answers', ANSWERS, '--format', 'tap', '--output', 'out.tap', '--pass-mark', '80'],
    ['run', SEED, '--answers', ANSWERS, '--no-cache', '--pass-mark', ' 0 '],
    ['run', SEED, '-o', 'x', '--answers', ANSWERS, '--pass-mark', '100', '-f', 'gradescope'],
    ['run', '', '--answers', ''],
    ['run', '--answers', ANSWERS, '--shuffle'],
    ['run', '--answers', ANSWERS, '--seed', '3'],
    // Interactive: the session's options too.
    ['run'],
    ['run', SEED],
    ['run', SEED, '--shuffle', '--seed', '7', '--limit', '3'],
    ['run', '--no-shuffle', '--resume'],
    ['run', SEED, '--review', '--no-history', '--no-cache', '-f', 'json', '-o', 'report.json'],
    ['run', '--seed', '4294967295', '--limit', ' 2 '],
    ['run', '--seed', '0', '--pass-mark', '55.5'],
  ];
  test.each(taken)('taken: %j', async (...argv) => {
    const fast = fastRun(argv);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await commanderView(argv));
  });

  const leftToCommander: string[][] = [
    ['run', '--answers'],
    ['run', '--answers=' + ANSWERS],
    ['run', '-a' + ANSWERS],
    ['run', '--answers', ANSWERS, '--answers', ANSWERS],
    ['run', '--answers', '-x'],
    ['run', '--answers', ANSWERS, '--format', 'yaml'],
    ['run', '--answers', ANSWERS, '--pass-mark', '101'],
    ['run', '--answers', ANSWERS, '--pass-mark', ''],
    ['run', '--answers', ANSWERS, '--help'],
    ['run', '--shuffle', '--no-shuffle'],
    ['run', '--resume', '--resume'],
    ['run', '--seed', '-1'],
    ['run', '--seed', '4294967296'],
    ['run', '--seed', 'x'],
    ['run', '--seed=3'],
    ['run', '--limit', '0'],
    ['run', '--limit', '1.5'],
    ['run', '--limit'],
    ['run', SEED, '--review', '-h'],
    ['run', '--unknown'],
    ['run', '--answers', ANSWERS, '--', SEED],
    ['run', SEED, SEED, '--answers', ANSWERS],
    ['run', '--answers', ANSWERS, '--no-cache', '--no-cache'],
    ['--answers', ANSWERS, 'run'],
    ['grade', SEED, ANSWERS],
  ];
  test.each(leftToCommander)('left to commander: %j', (...argv) => {
    expect(fastRun(argv)).toBeUndefined();
  });
});

describe('the fast path prints what the commander path prints', () => {
  const dir = tempDir('fast');
  writeFileSync(join(dir, 'bad.json'), '{"answers": {"1": [[1]]}}');
  writeFileSync(join(dir, 'quiz-not-string.json'), '{"quiz": 3, "answers": {}}');
  writeFileSync(join(dir, 'not-json.json'), '{"answers": ');
  writeFileSync(join(dir, 'extra.json'), '{"answers": {}, "extra": 1}');
  const cases: string[][] = [
    ['run', '--answers', 'tests/fixtures/answers/all-kinds-mixed.json'],
    ['run', SEED, '--answers', ANSWERS],
    ['run', SEED, '--answers', 'tests/fixtures/answers/seed-all-correct.json', '-f', 'json'],
    ['run', SEED, '--answers', ANSWERS, '-f', 'junit', '--pass-mark', '10'],
    ['run', SEED, '--answers', join(dir, 'bad.json')],
    ['run', SEED, '--answers', join(dir, 'quiz-not-string.json')],
    ['run', SEED, '--answers', join(dir, 'not-json.json')],
    ['run', SEED, '--answers', join(dir, 'extra.json'), '--no-cache'],
    ['run', SEED, '--answers', join(dir, 'missing.json')],
    ['run', 'no-such-quiz', '--answers', ANSWERS],
    ['run', 'tests/fixtures', '--answers', ANSWERS],
    ['run', 'tests/fixtures/errors/no-answer.md', '--answers', ANSWERS],
    // Interactive, without a terminal (as here): refused the same way.
    ['run'],
    ['run', SEED, '--seed', '3', '--limit', '2'],
    ['run', 'no-such-quiz', '--review'],
  ];
  test.each(cases)('%j', async (...argv) => {
    expect(fastRun(argv)).toBeDefined();
    const fast = await runInProcess(argv);
    const slow = await runInProcess(argv, {}, commanderMain);
    expect(fast).toEqual(slow);
    expect(fast.stdout + fast.stderr).not.toBe('');
  });

  test('--output writes the same file', async () => {
    const argv = (file: string) => ['run', SEED, '--answers', ANSWERS, '-f', 'json', '-o', join(dir, file)];
    const fast = await runInProcess(argv('fast.json'));
    const slow = await runInProcess(argv('slow.json'), {}, commanderMain);
    expect(fast).toEqual(slow);
    expect(readFileSync(join(dir, 'fast.json'), 'utf8')).toBe(readFileSync(join(dir, 'slow.json'), 'utf8'));
  });

  test('the built binary: the same through the fast path and through commander (`--answers=FILE`)', () => {
    // The seed (no front matter: the parser core alone) and a quiz with front matter (the yaml module too).
    for (const quiz of [SEED, 'tests/fixtures/class/quiz.md']) {
      for (const answers of [ANSWERS, join(dir, 'extra.json'), join(dir, 'bad.json'), join(dir, 'missing.json')]) {
        const fast = runBinary(['run', quiz, '--answers', answers, '--no-cache', '-f', 'json']);
        const slow = runBinary(['run', quiz, `--answers=${answers}`, '--no-cache', '-f', 'json']);
        expect(fast).toEqual(slow);
        expect(fast.stdout + fast.stderr).not.toBe('');
      }
    }
  });
});
