/**
 * The command line through commander (DESIGN.md section 8): commander wiring only. Each command's work
 * lives in src/commands/ and is imported when that command runs, so `--help` loads nothing else.
 * main() (cli.ts) comes here for every command line it does not answer itself.
 */
import type { InvalidArgumentError } from 'commander';
import type { Io } from './io.js';
import { GRADE_FORMATS, MAX_SEED, percent, REPORT_FORMATS, wholeNumber, type GradeOptions, type RunOptions } from './options.js';

const version = __MQ_VERSION__;

/** Option parsers; given commander's error class, since commander itself is loaded lazily. */
function argParsers(Invalid: typeof InvalidArgumentError) {
  const percentArg = (value: string): number => {
    const number = percent(value);
    if (number === undefined) throw new Invalid('expected a percent from 0 to 100');
    return number;
  };
  const integerArg =
    (min: number, max: number, what: string) =>
    (value: string): number => {
      const number = wholeNumber(value, min, max);
      if (number === undefined) throw new Invalid(`expected ${what}`);
      return number;
    };
  return { percentArg, integerArg };
}

const NO_CACHE_HELP = 'parse the quiz afresh, without reading or writing the parsed-quiz cache';

/** main() without its fast paths: every command through commander (exported for tests). */
export async function commanderMain(argv: readonly string[], io: Io): Promise<number> {
  const [{ Command, InvalidArgumentError, Option }, { sanitize }] = await Promise.all([import('commander'), import('./render/sanitize.js')]);
  const { percentArg, integerArg } = argParsers(InvalidArgumentError);
  let exitCode = 0;
  const program = new Command('mlops-quiz')
    .description('Take Markdown quizzes in the terminal, or grade answers files for CI.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`mlops-quiz: ${sanitize(text.replace(/^error: /, ''))}`),
    });
  program.configureHelp({ sortSubcommands: false });

  program
    .command('run')
    .description('take a quiz (interactive), or grade an answers file with --answers')
    .argument('[quiz]', 'a quiz Markdown file, a bundled quiz name, or a folder of quizzes (default: the bundled mlops-deployment quiz)')
    .option('-a, --answers <file>', 'grade this answers file (JSON) instead of asking')
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--pass-mark <percent>', 'pass mark in percent (default: the quiz front matter, else 70)', percentArg)
    .option('--shuffle', 'interactive: shuffle the questions and options (default: the quiz front matter)')
    .option('--no-shuffle', 'interactive: keep the file order')
    .option('--seed <n>', 'interactive: seed of the shuffle, the same order on every machine (implies --shuffle)', integerArg(0, MAX_SEED, `an integer from 0 to ${MAX_SEED}`))
    .option('--limit <n>', 'interactive: ask only the first N questions (after shuffling)', integerArg(1, Number.MAX_SAFE_INTEGER, 'a whole number of questions, 1 or more'))
    .option('--resume', 'interactive: continue the last unfinished attempt of this quiz, its answers kept')
    .option('--review', 'interactive: ask only the questions due for review (Leitner boxes)')
    .option('--no-history', 'interactive: save nothing of this attempt')
    .option('--no-cache', NO_CACHE_HELP)
    .action(async (quiz: string | undefined, options: RunOptions) => {
      const { runCommand } = await import('./commands/run.js');
      exitCode = await runCommand(quiz, options, io);
    });

  program
    .command('grade')
    .description('grade a class: every answers file given, or in the folders given, against one quiz')
    .argument('<quiz>', 'a quiz Markdown file or a bundled quiz name')
    .argument('<submissions...>', 'answers files (JSON), or folders of them (their *.json files, sorted)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(GRADE_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--no-cache', NO_CACHE_HELP)
    .action(async (quiz: string, submissions: string[], options: GradeOptions) => {
      const { gradeCommand } = await import('./commands/grade.js');
      exitCode = await gradeCommand(quiz, submissions, options, io);
    });

  program
    .command('validate')
    .description('check quiz files: every problem as file:line:column, errors and warnings (exit 1 on errors)')
    .argument('<file...>', 'quiz Markdown files, or folders of them')
    .option('--no-cache', NO_CACHE_HELP)
    .action(async (files: string[], options: { cache?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      exitCode = await validateCommand(files, io, options);
    });

  program
    .command('list')
    .description('list the bundled quizzes: the name `run` takes, id, question count, title')
    .action(async () => {
      const { listCommand } = await import('./commands/list.js');
      exitCode = await listCommand(io);
    });

  program
    .command('template')
    .description('print a blank answers file for a quiz: every gradable question id with null')
    .argument('[quiz]', 'a quiz Markdown file or a bundled quiz name (default: the bundled mlops-deployment quiz)')
    .action(async (quiz: string | undefined) => {
      const { templateCommand } = await import('./commands/template.js');
      exitCode = await templateCommand(quiz, io);
    });

  program
    .command('schema')
    .description("print the answers file's JSON Schema")
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.js');
      exitCode = schemaCommand(io);
    });

  program
    .command('stats')
    .description('your saved progress on a quiz: attempts, best and last score, most missed, review boxes')
    .argument('[quiz]', 'a quiz Markdown file, a bundled quiz name, or the id of a quiz with saved progress (default: the bundled quiz)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .action(async (quiz: string | undefined, options: { format: 'text' | 'json' | 'csv' }) => {
      const { statsCommand } = await import('./commands/stats.js');
      exitCode = await statsCommand(quiz, options, io);
    });

  try {
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const { exitCodeFor } = await import('./exit.js');
    return exitCodeFor(error, io);
  }
}
