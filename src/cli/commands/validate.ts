/**
 * `mlops-quiz validate FILE...` (docs/DESIGN.md sections 3 and 8; docs/FORMAT.md): checks quiz files the
 * way `run` reads them, images included, and reports every problem of every file in one run. The
 * findings are this command's output, so they go to stdout in the format asked for (text: one per
 * line as `file:line:column: error|warning: message`; json; github workflow commands); files that
 * could not be read are named on stderr as they come, and a one-line summary ends stderr. Exit 0: no
 * errors (warnings allowed); 1: errors; 2: a file could not be read (missing, a folder without quizzes,
 * not UTF-8, over 16 MiB), after the others are checked. `--watch` checks again whenever a file changes.
 */
import { readdirSync, readFileSync, statSync, watch as fsWatch } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ordered, type FileFindings } from '../../core/diagnostics.js';
import { CliError } from '../../core/errors.js';
import { sanitize } from '../../core/sanitize.js';
import { DIALECTS } from '../../dialects/index.js';
import { FINDINGS_REPORTERS, type FindingsFormat } from '../../reporters/index.js';
import { isDirectory, readTextFile } from '../../store/files.js';
import { checkImages } from '../../store/images.js';
import { loadOptions, readQuizFor, type LoadOptions } from '../../store/quizzes.js';
import { exitCodeFor } from '../exit.js';
import type { Io } from '../io.js';

export interface ValidateOptions {
  cache?: boolean;
  dialect?: string;
  format?: FindingsFormat;
  watch?: boolean;
}

/** Watches a folder: calls `onChange` with the name of what changed in it (null when unknown). Tests pass their own. */
export type Watch = (folder: string, onChange: (name: string | null) => void) => { close(): void };

const nodeWatch: Watch = (folder, onChange) => {
  const watcher = fsWatch(folder, (_event, name) => onChange(name === null ? null : String(name)));
  watcher.on('error', () => watcher.close());
  return watcher;
};

/** Names a folder's quiz files always stand for; other files only when a foreign dialect detects their text. */
const QUIZ_NAMES = /\.(md|markdown|gift)$/i;
const PEEK_LIMIT = 16 * 1024 * 1024;

/** Whether a file in a folder is a quiz in a known dialect (docs/DESIGN.md section 12). */
function isQuizFile(path: string, name: string): boolean {
  if (name.startsWith('.')) return false;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return false;
    if (QUIZ_NAMES.test(name)) return true;
    if (stat.size > PEEK_LIMIT) return false;
    const text = readFileSync(path, 'utf8');
    return DIALECTS.slice(0, -1).some((entry) => entry.detect(text, name));
  } catch {
    return false;
  }
}

/** A folder stands for the quiz files directly in it (Markdown, and any file a known dialect reads), in name order. */
function expand(args: readonly string[], cwd: string): string[] {
  return args.flatMap((arg) => {
    const path = resolve(cwd, arg);
    if (!isDirectory(path)) return [arg];
    const names = readdirSync(path).filter((name) => isQuizFile(join(path, name), name)).sort();
    return names.length > 0 ? names.map((name) => join(arg, name)) : [arg];
  });
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** One file's findings: its diagnostics and its missing images, or why it could not be read (named on stderr at once). */
async function check(file: string, io: Io, load: LoadOptions): Promise<FileFindings> {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    if (isDirectory(path)) throw new CliError('file-unreadable', `${file}: is a folder with no quiz files in it (Markdown, or a format --dialect names); give quiz files`);
    text = readTextFile(path, file, 'quiz');
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    exitCodeFor(error, io);
    return { file, diagnostics: [], unread: { code: error.code, message: error.message } };
  }
  const result = await readQuizFor({ text, file, source: file, dir: dirname(path) }, load);
  const images = checkImages(result.images, dirname(path), file);
  const findings: FileFindings = { file, diagnostics: ordered({ errors: result.errors, warnings: [...result.warnings, ...images] }) };
  // Which dialect read the file: named for every format but the native one (and for it too when forced).
  if ((result.dialect ?? 'markdown') !== 'markdown' || load.dialect !== undefined) findings.dialect = { name: result.dialect ?? 'markdown', questions: result.quiz?.questions.length ?? 0 };
  return findings;
}

/** The summary line: after the findings, and never "no errors" when a file could not be read. */
export function summary(results: readonly FileFindings[]): string {
  const read = results.filter((result) => !result.unread);
  const unread = results.length - read.length;
  const all = read.flatMap((result) => result.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const failing = read.filter((result) => result.diagnostics.some((d) => d.severity === 'error')).length;
  if (unread === 0) {
    const found = errors > 0 ? `${plural(errors, 'error')} in ${failing} of ${plural(read.length, 'file')}` : `no errors in ${plural(read.length, 'file')}`;
    return `${found}, ${plural(warnings, 'warning')}`;
  }
  if (read.length === 0) return `nothing checked: ${unread === 1 ? 'the file' : `the ${unread} files`} could not be read`;
  return `${unread} of ${plural(results.length, 'file')} could not be read; in the ${plural(read.length, 'file')} read: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Checks every file once: findings on stdout (text and github as each file is done, json at the end), then the summary. */
async function validateOnce(files: readonly string[], io: Io, format: FindingsFormat, load: LoadOptions): Promise<number> {
  const render = FINDINGS_REPORTERS[format];
  const results: FileFindings[] = [];
  for (const file of expand(files, io.cwd)) {
    const result = await check(file, io, load);
    results.push(result);
    if (format === 'text' && result.dialect) io.stdout.write(`${sanitize(file)}: read as ${result.dialect.name}, ${plural(result.dialect.questions, 'question')}\n`);
    if (format !== 'json') io.stdout.write(render([result], 0, {}));
  }
  if (format === 'json') io.stdout.write(render(results, 0, {}));
  io.stderr.write(`mlops-quiz validate: ${summary(results)}\n`);
  if (results.some((result) => result.unread)) return 2;
  return results.some((result) => result.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

export async function validateCommand(files: readonly string[], io: Io, options: ValidateOptions = {}, watch: Watch = nodeWatch): Promise<number> {
  const load = loadOptions(io.env, options.cache, options.dialect);
  const format = options.format ?? 'text';
  if (!options.watch) return validateOnce(files, io, format, load);
  return watchAndValidate(files, io, format, load, watch);
}

/** The folders to watch, and which names in them matter: a file's own name, or any `.md` in a folder given. */
function watchTargets(files: readonly string[], cwd: string): Map<string, (name: string | null) => boolean> {
  const targets = new Map<string, ((name: string | null) => boolean)[]>();
  const add = (folder: string, matches: (name: string | null) => boolean): void => {
    targets.set(folder, [...(targets.get(folder) ?? []), matches]);
  };
  for (const arg of files) {
    const path = resolve(cwd, arg);
    if (isDirectory(path)) add(path, (name) => name === null || isQuizFile(join(path, name), name));
    else add(dirname(path), (name) => name === null || name === basename(path));
  }
  return new Map([...targets].map(([folder, tests]) => [folder, (name: string | null) => tests.some((test) => test(name))]));
}

/**
 * `validate --watch`: checks, then checks again whenever a quiz changes (Node's fs.watch on the files'
 * folders, so that editors that save by renaming a new file into place are seen too), clearing a
 * terminal between runs. Changes that come while a run is under way make one more run after it. Stops
 * when the process is told to (SIGTERM, SIGHUP; Ctrl+C ends the process), with the last run's exit code.
 */
async function watchAndValidate(files: readonly string[], io: Io, format: FindingsFormat, load: LoadOptions, watch: Watch): Promise<number> {
  const clear = io.stdout.isTTY ? '\u001b[2J\u001b[3J\u001b[H' : '';
  const footer = `mlops-quiz validate: watching ${plural(files.length, 'path')} for changes; press Ctrl+C to stop\n`;
  let code = 0;
  let first = true;
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        if (!first) io.stdout.write(clear);
        first = false;
        code = await validateOnce(files, io, format, load);
        io.stderr.write(footer);
      } while (again && !io.signal?.aborted);
      running = null;
    })();
  };
  // Watching starts before the first check, so that no save after its footer can be missed.
  const watchers: { close(): void }[] = [];
  for (const [folder, matters] of watchTargets(files, io.cwd)) {
    try {
      watchers.push(watch(folder, (name) => (matters(name) ? run() : undefined)));
    } catch (error) {
      io.stderr.write(`mlops-quiz validate: cannot watch ${folder} (${error instanceof Error ? error.message : String(error)}); changes there are not seen\n`);
    }
  }
  run();
  await new Promise<void>((done) => {
    if (!io.signal || io.signal.aborted) return done();
    io.signal.addEventListener('abort', () => done(), { once: true });
  });
  for (const watcher of watchers) watcher.close();
  await running;
  return code;
}
