/**
 * The command line's entry (DESIGN.md section 8): main() answers `--version` and runs a plain
 * `run [quiz] [options]` itself, and hands everything else to commander (program.ts), imported only
 * then (docs/SPEED.md). main() returns the exit code; every error becomes one line on stderr, in
 * exitCodeFor (exit.ts), and nowhere else.
 */
import type { Io } from './io.js';
import { MAX_SEED, percent, REPORT_FORMATS, wholeNumber, type ReportFormat, type RunOptions } from './options.js';

// The package version, put in by the build (and by vitest.config.ts): no package.json module to load.
const version = __MQ_VERSION__;

export type { Io } from './io.js';
export type { RunOptions } from './options.js';

type RunValue = 'answers' | 'format' | 'output' | 'passMark' | 'seed' | 'limit';
const RUN_VALUES: Readonly<Record<string, RunValue>> = {
  '-a': 'answers', '--answers': 'answers', '-f': 'format', '--format': 'format', '-o': 'output', '--output': 'output', '--pass-mark': 'passMark',
  '--seed': 'seed', '--limit': 'limit',
};
type RunFlag = 'shuffle' | 'noShuffle' | 'resume' | 'review' | 'noHistory' | 'noCache';
const RUN_FLAGS: Readonly<Record<string, RunFlag>> = {
  '--shuffle': 'shuffle', '--no-shuffle': 'noShuffle', '--resume': 'resume', '--review': 'review', '--no-history': 'noHistory', '--no-cache': 'noCache',
};

/**
 * `run [quiz] [options]` in its plain forms (`--answers FILE`, `-f json`, `--seed 7`, `--shuffle`, ...:
 * each option at most once, values not starting with `-`, valid values, not both `--shuffle` and
 * `--no-shuffle`): the options commander would hand to the action, so main() can skip loading commander
 * (docs/SPEED.md). Anything else (help, errors, `--opt=value`, a repeated option) is undefined:
 * commander handles it, as before. tests/fast-path.test.ts checks this against commander itself.
 */
export function fastRun(argv: readonly string[]): { quiz: string | undefined; options: RunOptions } | undefined {
  if (argv[0] !== 'run') return undefined;
  let quiz: string | undefined;
  const values: Partial<Record<RunValue, string>> = {};
  const flags: Partial<Record<RunFlag, true>> = {};
  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const value = RUN_VALUES[arg];
    const flag = RUN_FLAGS[arg];
    if (value !== undefined) {
      const text = argv[index + 1];
      if (text === undefined || text.startsWith('-') || values[value] !== undefined) return undefined;
      values[value] = text;
      index += 1;
    } else if (flag !== undefined) {
      if (flags[flag]) return undefined;
      flags[flag] = true;
    } else if (arg.startsWith('-') || quiz !== undefined) {
      return undefined;
    } else {
      quiz = arg;
    }
  }
  if (flags.shuffle && flags.noShuffle) return undefined;
  const { answers, format = 'text', output } = values;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) return undefined;
  const passMark = values.passMark === undefined ? undefined : percent(values.passMark);
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, 0, MAX_SEED);
  const limit = values.limit === undefined ? undefined : wholeNumber(values.limit, 1, Number.MAX_SAFE_INTEGER);
  if ((values.passMark !== undefined && passMark === undefined) || (values.seed !== undefined && seed === undefined) || (values.limit !== undefined && limit === undefined)) {
    return undefined;
  }
  const options: RunOptions = { format: format as ReportFormat, history: !flags.noHistory, cache: !flags.noCache };
  if (answers !== undefined) options.answers = answers;
  if (output !== undefined) options.output = output;
  if (passMark !== undefined) options.passMark = passMark;
  if (seed !== undefined) options.seed = seed;
  if (limit !== undefined) options.limit = limit;
  if (flags.shuffle || flags.noShuffle) options.shuffle = flags.shuffle === true;
  if (flags.resume) options.resume = true;
  if (flags.review) options.review = true;
  return { quiz, options };
}

/** Parses argv (without node and script), runs the command, and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The one answer that needs no argument parser: what commander itself would print.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const fast = fastRun(argv);
  if (fast) {
    let run: typeof import('./run-fast.js');
    try {
      run = await importRunFast();
    } catch (error) {
      // A package without its build (dist/fast/): one line, exit 70, as any internal error.
      const { exitCodeFor } = await import('./exit.js');
      return exitCodeFor(error, io);
    }
    return run.runFast(fast.quiz, fast.options, io);
  }
  // dist/program.js, an ES module with its chunks: commander and the commands.
  const { commanderMain } = await import('./program.js');
  return commanderMain(argv, io);
}

/** `run` without commander: in the bundle, its code-cached script (src/scripts.ts, docs/SPEED.md). */
async function importRunFast(): Promise<typeof import('./run-fast.js')> {
  if (!__MQ_CODE_CACHE__) return import('./run-fast.js');
  const { loadScript } = await import('./scripts.js');
  return loadScript('run');
}
