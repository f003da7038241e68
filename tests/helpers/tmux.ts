/**
 * A real pseudo-terminal for end-to-end tests: one tmux server per terminal (its socket in a temporary
 * folder of the test's, `-S`), one 100x40 pane running a command, driven by key presses, the screen
 * read back with capture-pane.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TEST_CACHE } from './cli.js';
import { tempDir } from './temp.js';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

export const SELECT = /⏎ select/;
export const NEXT = /Press Enter for the next question/;
export const REVEAL = /press Enter to reveal it/;
export const KNEW = /Did you know it\?/;
export const CLI = 'node bin/mlops-quiz.js';

export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * One tmux server with one 100x40 pane running a command. Its socket is in a temporary folder removed
 * when the test ends; kill() it before then (the e2e tests do in afterEach).
 */
export class Terminal {
  private readonly socket: string;
  /** `state`: the XDG_STATE_HOME (and cache) folder of the command. */
  constructor(
    name: string,
    private readonly state: string,
  ) {
    // tmux leaves its socket file behind when its server ends: a folder of the test's holds it.
    this.socket = join(tempDir(`tmux-${name}`), 'socket');
  }

  private tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  }

  /** Starts `sh -c 'COMMAND; echo EXIT=$?'`, the pane kept open to read the end; 100x40 unless told. */
  start(command: string, size: { columns?: number; rows?: number; env?: string } = {}): void {
    const env = `XDG_STATE_HOME=${quote(this.state)} XDG_CACHE_HOME=${quote(TEST_CACHE)}${size.env ? ` ${size.env}` : ''}`;
    const script = `cd ${quote(ROOT)} && env ${env} ${command}; echo EXIT=$?; sleep 60`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(size.columns ?? 100), '-y', String(size.rows ?? 40), '-s', 'main', `sh -c ${quote(script)}`);
  }

  /** The whole transcript as the terminal shows it: one line per screen row (wrapped lines not joined). */
  rows(): string {
    return this.tmux('capture-pane', '-p', '-S', '-5000', '-t', 'main');
  }

  /** Copies everything the program writes to the pane, raw (escape sequences and all), into `file`. */
  record(file: string): void {
    this.tmux('pipe-pane', '-O', '-t', 'main', `cat > ${quote(file)}`);
  }

  /** Resizes the pane (as a learner narrowing the window). */
  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
  }

  /** The whole transcript: history and screen, wrapped lines joined. */
  history(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-5000', '-t', 'main');
  }

  /** What is on the screen now. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }

  title(): string {
    return this.tmux('display', '-p', '-t', 'main', '#{pane_title}').trim();
  }

  panePid(): number {
    return Number(this.tmux('display', '-p', '-t', 'main', '#{pane_pid}').trim());
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  text(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  /** Pastes `text` as a terminal does (tmux's paste-buffer: the whole text written to the program at once). */
  paste(text: string): void {
    const file = join(tempDir('tmux-paste'), 'text');
    writeFileSync(file, text);
    this.tmux('load-buffer', file);
    this.tmux('paste-buffer', '-d', '-t', 'main');
  }

  /** Polls the screen until `check` holds (10 s at most). */
  async waitFor(check: (screen: string) => boolean, what: string): Promise<string> {
    const until = Date.now() + 10_000;
    for (;;) {
      const screen = this.screen();
      if (check(screen)) return screen;
      if (Date.now() > until) throw new Error(`waited 10 s for ${what}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  /** Waits until the bottom line of the screen matches `bottom` (and the screen holds `also`). */
  async prompt(bottom: RegExp, also?: string): Promise<string> {
    return this.waitFor((screen) => {
      const lines = screen.split('\n').filter((line) => line.trim() !== '');
      return bottom.test(lines.at(-1) ?? '') && (also === undefined || screen.includes(also));
    }, `${bottom}${also ? ` with "${also}"` : ''}`);
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor((text) => /EXIT=\d+/.test(text), 'the exit code');
    return Number(/EXIT=(\d+)/.exec(screen)?.[1]);
  }

  /**
   * Ends the tmux server (the pane's processes get SIGHUP, as when a terminal window is closed) and
   * waits until every process of the pane has ended, so that none writes in a folder after the test
   * removed it. Killing a terminal twice, or one never started, does nothing more.
   */
  async kill(): Promise<void> {
    let pane = 0;
    try {
      pane = this.panePid();
    } catch {
      // no server: nothing runs in it
    }
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
    if (pane > 0) await groupEnded(pane);
  }
}

/** Whether a process of the process group `group` still runs (a zombie does not count). */
function groupRuns(group: number): boolean {
  if (existsSync('/proc/self/stat')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after the last ')'.
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(pgrp) === group && state !== 'Z') return true;
      } catch {
        // the process ended meanwhile
      }
    }
    return false;
  }
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (10 s at most) until the pane's process group has ended; else kills it and fails. */
async function groupEnded(group: number): Promise<void> {
  const until = Date.now() + 10_000;
  while (groupRuns(group)) {
    if (Date.now() > until) {
      process.kill(-group, 'SIGKILL');
      throw new Error(`the processes of a closed tmux pane (group ${group}) were still running after 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first child process of `parent` (from /proc on Linux, else pgrep). */
export function childOf(parent: number): number {
  if (existsSync('/proc/self/stat')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === parent) return Number(entry);
      } catch {
        // the process ended meanwhile
      }
    }
    return 0;
  }
  return Number(spawnSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' }).stdout.trim().split('\n')[0] ?? 0);
}

/** A choice to press (its 1-based position) or a self-assessed "did you know it?" answer. */
export type SeedAnswer = number | 'yes' | 'no';

/**
 * Answers questions `first`..(first + answers.length - 1) of `total` by key presses: a number moves
 * down to that option and presses Enter; 'yes'/'no' reveals a picture answer and says whether it was
 * known. Enter goes on to the next question; after the last one of the quiz, the summary follows.
 */
export async function answerByKeys(term: Terminal, answers: readonly SeedAnswer[], first: number, total: number): Promise<void> {
  for (const [index, given] of answers.entries()) {
    const header = `Question ${first + index} of ${total}`;
    if (typeof given === 'number') {
      await term.prompt(SELECT, header);
      for (let down = 1; down < given; down += 1) term.keys('Down');
      term.keys('Enter');
    } else {
      await term.prompt(REVEAL, header);
      term.keys('Enter');
      await term.prompt(KNEW);
      if (given === 'yes') term.text('y');
      term.keys('Enter');
    }
    if (first + index < total) {
      await term.prompt(NEXT);
      term.keys('Enter');
    }
  }
}
