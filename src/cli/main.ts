/**
 * The command line (docs/DESIGN.md section 8): commander's program, and `main(argv, io)`, which parses
 * the arguments, runs the command and returns the exit code. Each command's work lives in commands/
 * and is imported when that command runs, so `--help` and `--version` load nothing else. Every error
 * becomes one line on stderr in exit.ts, and nowhere else.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { sanitize } from '../core/sanitize.js';
import { DIALECT_NAMES } from '../dialects/index.js';
import { CLASS_FORMATS, FINDINGS_FORMATS, REPORT_FORMATS, STATS_FORMATS } from '../reporters/formats.js';
import { EXPORT_FORMATS, type ExportFormat } from '../exporters/formats.js';
import { exitCodeFor } from './exit.js';
import type { Io } from './io.js';
import { MAX_SEED, percent, wholeNumber, type GradeOptions, type RunOptions, type StatsOptions } from './options.js';

export type { Io } from './io.js';
export type { RunOptions } from './options.js';
export { streamFailure } from './exit.js';

// The package version, put in by the build (and by vitest.config.ts).
const version = __MQ_VERSION__;

const percentArg = (value: string): number => {
  const number = percent(value);
  if (number === undefined) throw new InvalidArgumentError('expected a percent from 0 to 100');
  return number;
};

const integerArg =
  (min: number, max: number, what: string) =>
  (value: string): number => {
    const number = wholeNumber(value, min, max);
    if (number === undefined) throw new InvalidArgumentError(`expected ${what}`);
    return number;
  };

const NO_CACHE_HELP = 'parse the quiz afresh, without reading or writing the parsed-quiz cache';

/** `--dialect NAME`: its choices from the one list of dialects (docs/DESIGN.md section 12). */
const dialectOption = (): Option => new Option('--dialect <name>', 'read the quiz as this format instead of detecting it').choices(DIALECT_NAMES);

/** The program; each action sets the exit code through `done`. */
function program(io: Io, done: (code: number) => void): Command {
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
    .option('--pass-mark <percent>', 'pass mark in percent, 70 or 70% (default: the quiz front matter, else 70)', percentArg)
    .option('--hide-answers', 'leave the right answers, explanations and feedback out of the report (for a report students see)')
    .option('--shuffle', 'interactive: shuffle the questions and options (default: the quiz front matter)')
    .option('--no-shuffle', 'interactive: keep the file order')
    .option('--seed <n>', 'interactive: seed of the shuffle, the same order on every machine (implies --shuffle)', integerArg(0, MAX_SEED, `an integer from 0 to ${MAX_SEED}`))
    .option('--limit <n>', 'interactive: ask only the first N questions (after shuffling)', integerArg(1, Number.MAX_SAFE_INTEGER, 'a whole number of questions, 1 or more'))
    .option('--resume', 'interactive: continue the last unfinished attempt of this quiz, its answers kept')
    .option('--review', 'interactive: ask what is due for review today (spaced by days, FSRS)')
    .option('--no-history', 'interactive: save nothing of this attempt')
    .option('--plain', 'interactive: line by line, no cursor movement (also when TERM=dumb)')
    .option('--exam', 'interactive: no feedback until the end; move between questions and change answers, then finish')
    .option('--no-cache', NO_CACHE_HELP)
    .addOption(dialectOption())
    .action(async (quiz: string | undefined, options: RunOptions) => {
      const { runCommand } = await import('./commands/index.js');
      done(await runCommand(quiz, options, io));
    });

  program
    .command('grade')
    .description('grade a class: every answers file given, or in the folders given, against one quiz')
    .argument('<quiz>', 'a quiz Markdown file or a bundled quiz name')
    .argument('<submissions...>', 'answers files (JSON), or folders of them (their *.json files, sorted)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(CLASS_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--pass-mark <percent>', 'pass mark in percent, 70 or 70% (default: the quiz front matter, else 70)', percentArg)
    .option('--no-cache', 'accepted for older scripts: grading always parses the quiz afresh, without the cache')
    .addOption(dialectOption())
    .action(async (quiz: string, submissions: string[], options: GradeOptions) => {
      const { gradeCommand } = await import('./commands/index.js');
      done(await gradeCommand(quiz, submissions, options, io));
    });

  program
    .command('export')
    .description('write a quiz for Moodle (GIFT, Moodle XML) or Canvas (a QTI 1.2 package); questions the target cannot hold are left out with a warning')
    .argument('<quiz>', 'a quiz Markdown file or a bundled quiz name')
    .addOption(new Option('-t, --to <format>', 'export format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout; needed for qti on a terminal')
    .option('--no-cache', NO_CACHE_HELP)
    .action(async (quiz: string, options: { to: ExportFormat; output?: string; cache?: boolean }) => {
      const { exportCommand } = await import('./commands/export.js');
      done(await exportCommand(quiz, options, io));
    });

  program
    .command('validate')
    .description('check quiz files: every problem as file:line:column, errors and warnings (exit 1 on errors)')
    .argument('<file...>', 'quiz files (Markdown or another known format), or folders of them')
    .addOption(new Option('-f, --format <format>', 'findings as text, JSON (for editors) or GitHub Actions annotations').choices(FINDINGS_FORMATS).default('text'))
    .option('-w, --watch', 'check again whenever a file changes (clears the terminal between runs)')
    .option('--no-cache', NO_CACHE_HELP)
    .addOption(dialectOption())
    .action(async (files: string[], options: import('./commands/validate.js').ValidateOptions) => {
      const { validateCommand } = await import('./commands/index.js');
      done(await validateCommand(files, io, options));
    });

  program
    .command('new')
    .description('write a starter quiz: one commented question of each kind, valid as it is')
    .argument('<file>', 'the Markdown file to write (refused if it exists)')
    .action(async (file: string) => {
      const { newCommand } = await import('./commands/new.js');
      done(await newCommand(file, io));
    });

  program
    .command('preview')
    .description('print a question (or every question) as the learner sees it, with its answer; no prompt')
    .argument('<quiz>', 'a quiz Markdown file or a bundled quiz name')
    .argument('[question]', "a question's id or number (default: every question)")
    .option('--width <columns>', 'wrap to this many columns (default: the terminal, else 80)', integerArg(20, 1000, 'a width from 20 to 1000 columns'))
    .option('--no-cache', NO_CACHE_HELP)
    .action(async (quiz: string, question: string | undefined, options: { width?: number; cache?: boolean }) => {
      const { previewCommand } = await import('./commands/preview.js');
      done(await previewCommand(quiz, question, options, io));
    });

  program
    .command('list')
    .description('list the bundled quizzes: the name `run` takes, id, question count, title')
    .action(async () => {
      const { listCommand } = await import('./commands/index.js');
      done(await listCommand(io));
    });

  program
    .command('template')
    .description('print a blank answers file for a quiz: every gradable question id with null')
    .argument('[quiz]', 'a quiz Markdown file or a bundled quiz name (default: the bundled mlops-deployment quiz)')
    .addOption(dialectOption())
    .action(async (quiz: string | undefined, options: { dialect?: string }) => {
      const { templateCommand } = await import('./commands/index.js');
      done(await templateCommand(quiz, io, options));
    });

  program
    .command('convert')
    .description("write a quiz in another format (datacamp, quizdown, mkdocs-quiz, github, gift) as native Markdown that reads back to the same questions")
    .argument('<file>', 'the quiz file to convert')
    .addOption(dialectOption())
    .option('-o, --output <file>', 'write the Markdown to this file (atomically) instead of stdout')
    .action(async (file: string, options: { dialect?: string; output?: string }) => {
      const { convertCommand } = await import('./commands/convert.js');
      done(await convertCommand(file, options, io));
    });

  program
    .command('schema')
    .description("print the answers file's JSON Schema")
    .action(async () => {
      const { schemaCommand } = await import('./commands/index.js');
      done(schemaCommand(io));
    });

  program
    .command('stats')
    .description('your saved progress (every quiz with progress, or one): attempts, best and last score, most missed, next due dates')
    .argument('[quiz]', 'a quiz Markdown file, a bundled quiz name, or the id of a quiz with saved progress (default: the bundled quiz)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(STATS_FORMATS).default('text'))
    .action(async (quiz: string | undefined, options: StatsOptions) => {
      const { statsCommand } = await import('./commands/index.js');
      done(await statsCommand(quiz, options, io));
    });
  return program;
}

/** Parses argv (without node and script), runs the command, and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const cli = program(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      io.stderr.write(cli.helpInformation());
      return 2;
    }
    await cli.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}
