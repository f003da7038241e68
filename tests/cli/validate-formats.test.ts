/**
 * `validate --format text|json|github`, missing images checked at the edge, and `validate --watch`
 * (docs/FORMAT.md, "Checking a quiz"). The watch tests drive the command with their own watcher and
 * wait for what it writes, never for time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { validateCommand, type Watch } from '../../src/cli/commands/validate.js';
import type { Io } from '../../src/cli/io.js';
import { BIN, ROOT, runBinary, runInProcess, TEST_CACHE } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const BROKEN = '---\npassmark: 60\n---\n# Rollouts\n\n### Possible Answers\n\n- Canary {Anwser}\n- Big bang {Answer}\n';
const CLEAN = '# Rollouts\n\n### Possible Answers\n\n- Canary {Answer}\n- Big bang\n';

function quizIn(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('--format', () => {
  test('json: every finding with its place, code and suggestion, and an unreadable file as a finding with no place', async () => {
    const dir = tempDir('validate-json');
    quizIn(dir, 'broken.md', BROKEN);
    const result = await runInProcess(['validate', '--format', 'json', 'broken.md', 'missing.md'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        { file: 'broken.md', read: true, errors: 1, warnings: 1 },
        { file: 'missing.md', read: false, errors: 1, warnings: 0 },
      ],
      findings: [
        {
          file: 'broken.md',
          line: 2,
          column: 1,
          severity: 'error',
          code: 'unknown-key',
          message: 'unknown front matter key `passmark`: as written, the pass mark stays 70; did you mean `passMark`?',
          suggestion: 'passMark',
        },
        {
          file: 'broken.md',
          line: 8,
          column: 10,
          severity: 'warning',
          code: 'answer-mark',
          message: 'in question 1 "Rollouts", "{Anwser}" ends an option but is not the answer mark: learners see it as part of the option, which is not marked correct; did you mean "{Answer}"?',
          suggestion: '{Answer}',
        },
        { file: 'missing.md', line: null, column: null, severity: 'error', code: 'file-not-found', message: 'missing.md: no such file; give the path of a quiz Markdown file', suggestion: null },
      ],
    });
    // stderr as in every format: the unreadable file, then the summary last.
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'mlops-quiz: missing.md: no such file; give the path of a quiz Markdown file',
      'mlops-quiz validate: 1 of 2 files could not be read; in the 1 file read: 1 error, 1 warning',
    ]);
  });

  test('json: a clean file gives a document with no findings, exit 0', async () => {
    const result = await runInProcess(['validate', '-f', 'json', 'quizzes/mlops-deployment.md']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ files: [{ file: 'quizzes/mlops-deployment.md', read: true, errors: 0, warnings: 0 }], findings: [] });
  });

  test('the JSON example of docs/FORMAT.md is what validate writes', async () => {
    const doc = readFileSync(join(ROOT, 'docs/FORMAT.md'), 'utf8');
    const example = /  ```json\n([\s\S]*?)\n  ```/.exec(doc)![1]!;
    const dir = tempDir('validate-json-doc');
    quizIn(dir, 'quiz.md', '---\npassmark: 60\n---\n\n# Client-server\n\n### Accepted Answers\n\n- any application that uses the API\n');
    const result = await runInProcess(['validate', '--format', 'json', 'quiz.md'], { cwd: dir });
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(example));
  });

  test('github: one workflow command per finding, properties and message escaped, an unreadable file without a line', async () => {
    const dir = tempDir('validate-github');
    quizIn(dir, 'a,b:c.md', BROKEN);
    const result = await runInProcess(['validate', '--format', 'github', 'a,b:c.md', 'missing.md'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      '::error file=a%2Cb%3Ac.md,line=2,col=1,title=mlops-quiz unknown-key::unknown front matter key `passmark`: as written, the pass mark stays 70; did you mean `passMark`?',
      '::warning file=a%2Cb%3Ac.md,line=8,col=10,title=mlops-quiz answer-mark::in question 1 "Rollouts", "{Anwser}" ends an option but is not the answer mark: learners see it as part of the option, which is not marked correct; did you mean "{Answer}"?',
      '::error file=missing.md,title=mlops-quiz file-not-found::missing.md: no such file; give the path of a quiz Markdown file',
    ]);
  });

  test('github: a % in a message is escaped, so the runner does not read it as an escape', async () => {
    const dir = tempDir('validate-github-escape');
    quizIn(dir, 'q.md', '# 100% sure\n\n### Explanaton\n\nx\n\n### Accepted Answers\n\n- y\n');
    const result = await runInProcess(['validate', '--format', 'github', 'q.md'], { cwd: dir });
    expect(result.stdout).toBe('::warning file=q.md,line=3,col=1,title=mlops-quiz unknown-section::unknown section "### Explanaton" in question 1 "100%25 sure" is ignored; did you mean "### Explanation"?\n');
  });

  test('an unknown format is a usage error that names the choices', async () => {
    const result = await runInProcess(['validate', '--format', 'xml', 'quizzes/mlops-deployment.md']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are text, json, github/);
  });
});

describe('images are checked where the quiz folder is known', () => {
  const text = '# Draw\n\nSee ![chart](images/chart.png).\n\n![Answer](images/cm.png)\n\n# Web\n\n![x](https://example.com/x.png) ![y](data:image/png;base64,AAAA)\n\n### Accepted Answers\n\n- a\n';

  test('validate: a missing image is a warning at its place, the nearest file suggested; one that exists, or a URL, is not', async () => {
    const dir = tempDir('validate-images');
    mkdirSync(join(dir, 'quiz', 'images'), { recursive: true });
    writeFileSync(join(dir, 'quiz', 'images', 'cm.jpg'), '');
    writeFileSync(join(dir, 'quiz', 'images', 'chart.png'), '');
    quizIn(join(dir, 'quiz'), 'q.md', text);
    // Run from the parent folder: images resolve against the quiz's folder, not the working folder.
    const result = await runInProcess(['validate', '--format', 'json', 'quiz/q.md'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([
      {
        file: 'quiz/q.md',
        line: 5,
        column: 1,
        severity: 'warning',
        code: 'missing-image',
        message: 'the answer image "images/cm.png" of question 1 "Draw" is not found next to the quiz: the learner is asked whether they knew an answer they cannot see; did you mean "images/cm.jpg"?',
        suggestion: 'images/cm.jpg',
      },
    ]);
  });

  test('with nothing near: how to fix it, and no suggestion; preview shows the same warning, grading from a file none', async () => {
    const dir = tempDir('validate-images-none');
    const quiz = quizIn(dir, 'q.md', '# Draw\n\n![Answer](images/cm.png)\n\n# Name it\n\n### Accepted Answers\n\n- a\n');
    const result = await runInProcess(['validate', quiz]);
    const warning = `${quiz}:3:1: warning: the answer image "images/cm.png" of question 1 "Draw" is not found next to the quiz: the learner is asked whether they knew an answer they cannot see; add the file, or fix the path (relative to the quiz file's folder)`;
    expect(result.stdout).toBe(`${warning}\n`);
    const preview = await runInProcess(['preview', quiz, '1']);
    expect(preview.exitCode).toBe(0);
    expect(preview.stderr).toBe(`${warning}\n`);
    // Grading from a file shows no picture to anyone: no warning.
    const answers = quizIn(dir, 'answers.json', '{"answers": {"name-it": "a"}}');
    const run = await runInProcess(['run', quiz, '--answers', answers]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
  });

  test('%-escapes are decoded, queries cut', async () => {
    const dir = tempDir('validate-images-escape');
    mkdirSync(join(dir, 'images'));
    writeFileSync(join(dir, 'images', 'my chart.png'), '');
    const quiz = quizIn(dir, 'q.md', '# Draw\n\n![Answer](images/my%20chart.png?v=2)\n');
    const result = await runInProcess(['validate', quiz]);
    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(0);
  });
});

/** A stream that keeps what is written and lets a test wait for it. */
class Sink extends Writable {
  text = '';
  columns = 80;
  private waiting: { test: (text: string) => boolean; done: () => void }[] = [];
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    this.waiting = this.waiting.filter((waiter) => (waiter.test(this.text) ? (waiter.done(), false) : true));
    done();
  }
  until(test: (text: string) => boolean): Promise<void> {
    if (test(this.text)) return Promise.resolve();
    return new Promise((done) => this.waiting.push({ test, done }));
  }
}

const FOOTER = /watching 1 path for changes; press Ctrl\+C to stop\n/g;
const runs = (text: string): number => text.match(FOOTER)?.length ?? 0;
const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

function watchIo(tty: boolean): { io: Io; stdout: Sink; stderr: Sink; stop: AbortController } {
  const stdout = new Sink(tty);
  const stderr = new Sink(false);
  const stop = new AbortController();
  const io = {
    stdin: new PassThrough() as unknown as Io['stdin'],
    stdout: stdout as unknown as Io['stdout'],
    stderr: stderr as unknown as Io['stderr'],
    env: { HOME: '/nonexistent-home', XDG_CACHE_HOME: TEST_CACHE },
    cwd: ROOT,
    signal: stop.signal,
  };
  return { io, stdout, stderr, stop };
}

/** A watcher the test fires by hand: the folders watched, and whether each was closed. */
function handWatcher(): { watch: Watch; fire: (folder: string, name: string | null) => void; closed: string[] } {
  const listeners = new Map<string, (name: string | null) => void>();
  const closed: string[] = [];
  return {
    watch: (folder, onChange) => {
      listeners.set(folder, onChange);
      return { close: () => closed.push(folder) };
    },
    fire: (folder, name) => listeners.get(folder)!(name),
    closed,
  };
}

describe('--watch', () => {
  test('checks again on a change to the file, clearing the terminal first; other files in the folder do not count', async () => {
    const dir = tempDir('validate-watch');
    const quiz = quizIn(dir, 'quiz.md', CLEAN);
    const { io, stdout, stderr, stop } = watchIo(true);
    const hand = handWatcher();
    const done = validateCommand([quiz], io, { watch: true }, hand.watch);
    await stderr.until((text) => runs(text) === 1);
    expect(stdout.text).toBe('');
    expect(stderr.text).toBe('mlops-quiz validate: no errors in 1 file, 0 warnings\nmlops-quiz validate: watching 1 path for changes; press Ctrl+C to stop\n');

    // A change to another file of the folder starts nothing (a run would start before fire returns).
    hand.fire(dir, 'quiz.md.swp');
    expect(stdout.text).toBe('');

    writeFileSync(quiz, BROKEN);
    hand.fire(dir, 'quiz.md');
    await stderr.until((text) => runs(text) === 2);
    expect(stdout.text).toBe(`${CLEAR}${quiz}:2:1: error: unknown front matter key \`passmark\`: as written, the pass mark stays 70; did you mean \`passMark\`?\n${quiz}:8:10: warning: in question 1 "Rollouts", "{Anwser}" ends an option but is not the answer mark: learners see it as part of the option, which is not marked correct; did you mean "{Answer}"?\n`);
    expect(stderr.text.split('\n').slice(2, 4)).toEqual(['mlops-quiz validate: 1 error in 1 of 1 file, 1 warning', 'mlops-quiz validate: watching 1 path for changes; press Ctrl+C to stop']);

    stop.abort('SIGTERM');
    // The last run's exit code; the watcher is closed.
    expect(await done).toBe(1);
    expect(hand.closed).toEqual([dir]);
  });

  test('changes during a run make exactly one more run after it; no clearing when stdout is not a terminal', async () => {
    const dir = tempDir('validate-watch-burst');
    const quiz = quizIn(dir, 'quiz.md', CLEAN);
    const { io, stdout, stderr, stop } = watchIo(false);
    const hand = handWatcher();
    const done = validateCommand([quiz], io, { watch: true }, hand.watch);
    await stderr.until((text) => runs(text) === 1);
    hand.fire(dir, 'quiz.md');
    hand.fire(dir, 'quiz.md');
    hand.fire(dir, null);
    await stderr.until((text) => runs(text) === 3);
    stop.abort('SIGTERM');
    expect(await done).toBe(0);
    expect(runs(stderr.text)).toBe(3);
    expect(stdout.text).toBe('');
  });

  test('a folder given: any .md in it counts, a new quiz is checked too', async () => {
    const dir = tempDir('validate-watch-folder');
    quizIn(dir, 'a.md', CLEAN);
    const { io, stdout, stderr, stop } = watchIo(false);
    const hand = handWatcher();
    const done = validateCommand([dir], io, { watch: true }, hand.watch);
    await stderr.until((text) => runs(text) === 1);
    hand.fire(dir, 'notes.txt');
    expect(runs(stderr.text)).toBe(1);
    quizIn(dir, 'b.md', BROKEN);
    hand.fire(dir, 'b.md');
    await stderr.until((text) => runs(text) === 2);
    expect(stdout.text).toContain(`${join(dir, 'b.md')}:2:1: error: unknown front matter key`);
    expect(stderr.text).toContain('mlops-quiz validate: 1 error in 1 of 2 files, 1 warning\n');
    stop.abort('SIGTERM');
    expect(await done).toBe(1);
  });

  test('the binary with Node’s fs.watch: a save is seen, SIGTERM stops it with the last exit code', async () => {
    const dir = tempDir('validate-watch-binary');
    const quiz = quizIn(dir, 'quiz.md', CLEAN);
    const child = spawn(process.execPath, [BIN, 'validate', '--watch', 'quiz.md'], { cwd: dir, env: { PATH: process.env.PATH, HOME: '/nonexistent-home', XDG_CACHE_HOME: TEST_CACHE } });
    let stdout = '';
    let stderr = '';
    const waiters: (() => boolean)[] = [];
    const check = (): void => {
      for (const waiter of waiters.splice(0)) if (!waiter()) waiters.push(waiter);
    };
    child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), check()));
    child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), check()));
    const until = (test: () => boolean): Promise<void> =>
      new Promise((done) => {
        const waiter = (): boolean => (test() ? (done(), true) : false);
        if (!waiter()) waiters.push(waiter);
      });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await until(() => runs(stderr) === 1);
    writeFileSync(quiz, BROKEN);
    await until(() => runs(stderr) >= 2 && stdout.includes('quiz.md:2:1: error: unknown front matter key'));
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(stdout).not.toContain(CLEAR); // a pipe is not cleared
  });
});

test('the summary comes after the findings and a clean text run prints nothing on stdout (the binary too)', () => {
  const result = runBinary(['validate', '--format', 'github', 'quizzes/mlops-deployment.md']);
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe('mlops-quiz validate: no errors in 1 file, 0 warnings\n');
});
