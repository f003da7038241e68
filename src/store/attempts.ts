/**
 * Where progress is kept, at the edge (docs/DESIGN.md section 9): `$XDG_STATE_HOME/mlops-quiz/` (default
 * `~/.local/state/mlops-quiz/`), one folder per quiz id, one JSON file per attempt:
 *
 *     ~/.local/state/mlops-quiz/mlops-deployment/20261124T184500123Z-3f9a1c2b.json
 *
 * An attempt is written whole after every answer, atomically (a temporary file in the same folder,
 * flushed, then renamed over it), and only by the run that owns it; so two runs at once in two
 * terminals write two files and lose neither. A file that cannot be read as an attempt is moved aside
 * (`NAME.json.corrupt-STAMP`) with a one-line warning and the run goes on; a file written by a later
 * version of the format is left alone; one of an earlier version is read (and written in the current
 * version when its run goes on). Progress never stops a quiz: a write that fails warns once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { statusFor } from '../core/grade.js';
import { sanitizeLine } from '../core/sanitize.js';
import { Attempt, parseAttempt, STATE_VERSION } from '../core/progress/attempt.js';
import { errnoCode as anyErrnoCode, FileRefusal, PRIVATE_FILE, PRIVATE_FOLDER, readBounded, writeFileAtomic } from './files.js';

/** A saved attempt is a few KiB; anything far larger is not one of ours. */
const MAX_STATE_BYTES = 4 * 1024 * 1024;
const ATTEMPT_FILE = /^[A-Za-z0-9-]{1,80}\.json$/;

export { stateDir } from './dirs.js';

/** A quiz id as a folder name: itself when it is a plain slug, else a slug of it and a short hash. */
export function quizFolder(quizId: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(quizId)) return quizId;
  const slug = quizId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 60);
  return `${slug || 'quiz'}-${createHash('sha256').update(quizId).digest('hex').slice(0, 10)}`;
}

function errnoCode(error: unknown): string {
  return anyErrnoCode(error) ?? 'error';
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/**
 * Why an attempt that fits the schema cannot have been saved by a session, or null: an answer to a
 * question the attempt did not ask (more answers than questions: "Best: 1000/1"), a question listed
 * twice, points that do not match the status (full points are `correct`, none `incorrect`). The zod schema (core/progress/attempt.ts) already bounds each answer's
 * points to 0..1, so an attempt's score never exceeds its questions.
 */
export function impossibleAttempt(attempt: Attempt): string | null {
  const asked = new Set<string>();
  for (const question of attempt.questions) {
    if (asked.has(question.id)) return `question ${JSON.stringify(question.id)} is listed twice`;
    asked.add(question.id);
  }
  for (const [id, answer] of Object.entries(attempt.answers)) {
    if (!asked.has(id)) return `an answer to ${JSON.stringify(id)}, a question the attempt did not ask`;
    if (statusFor(answer.points, 1) !== answer.status) {
      return `the answer to ${JSON.stringify(id)} has ${answer.points} points but status ${answer.status}`;
    }
  }
  return null;
}

export class ProgressStore {
  /** The state folder (`.../mlops-quiz`). */
  readonly dir: string;
  private readonly warn: (message: string) => void;
  private readonly now: () => Date;
  private saveFailed = false;

  /** `warn` gets one line without the `mlops-quiz: warning: ` prefix. */
  constructor(dir: string, warn: (message: string) => void, now: () => Date = () => new Date()) {
    this.dir = dir;
    this.warn = (message) => warn(sanitizeLine(message));
    this.now = now;
  }

  folderOf(quizId: string): string {
    return join(this.dir, quizFolder(quizId));
  }

  pathOf(attempt: Pick<Attempt, 'id' | 'quiz'>): string {
    return join(this.folderOf(attempt.quiz.id), `${attempt.id}.json`);
  }

  /** Random letters for a new attempt's id. */
  static random(): string {
    return randomBytes(4).toString('hex');
  }

  /** Every readable attempt of the quiz; unreadable files are moved aside with a warning. */
  load(quizId: string): Attempt[] {
    const folder = this.folderOf(quizId);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'ENOENT') this.warn(`${folder}: saved progress cannot be read (${code}); going on without it`);
      return [];
    }
    const attempts: Attempt[] = [];
    for (const name of names.filter((entry) => ATTEMPT_FILE.test(entry)).sort()) {
      const attempt = this.readAttempt(join(folder, name), name.slice(0, -'.json'.length));
      if (attempt !== null && attempt.quiz.id === quizId) attempts.push(attempt);
    }
    return attempts;
  }

  /** The quiz ids that have saved attempts (from the attempts themselves), sorted. */
  quizIds(): string[] {
    let folders: string[];
    try {
      folders = readdirSync(this.dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch {
      return [];
    }
    const ids = new Set<string>();
    for (const folder of folders) {
      let names: string[];
      try {
        names = readdirSync(join(this.dir, folder)).filter((entry) => ATTEMPT_FILE.test(entry)).sort().reverse();
      } catch {
        continue;
      }
      for (const name of names) {
        const attempt = this.readAttempt(join(this.dir, folder, name), name.slice(0, -'.json'.length));
        if (attempt !== null && quizFolder(attempt.quiz.id) === folder) {
          ids.add(attempt.quiz.id);
          break;
        }
      }
    }
    return [...ids].sort();
  }

  /**
   * Saves the attempt over its own file. Returns whether it was saved; the first failure warns (the quiz
   * goes on), later ones are quiet.
   */
  save(attempt: Attempt): boolean {
    const path = this.pathOf(attempt);
    try {
      mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER });
      this.makePrivate(dirname(path));
      writeFileAtomic(path, `${JSON.stringify(Attempt.parse(attempt), null, 1)}\n`, PRIVATE_FILE, false);
      return true;
    } catch (error) {
      if (!this.saveFailed) this.warn(`${path}: progress cannot be saved (${errnoCode(error)}); the quiz goes on without saving it`);
      this.saveFailed = true;
      return false;
    }
  }

  private privateMade = new Set<string>();

  /** The state folder and a quiz's folder are 0700, also when an earlier version made them 0755. */
  private makePrivate(folder: string): void {
    if (this.privateMade.has(folder)) return;
    this.privateMade.add(folder);
    for (const one of [this.dir, folder]) {
      try {
        chmodSync(one, PRIVATE_FOLDER);
      } catch {
        // not ours to change (or gone): the files in it are 0600 all the same
      }
    }
  }

  private readAttempt(path: string, id: string): Attempt | null {
    let text: string;
    try {
      // Opened without blocking and refused unless a regular file within its limit (a FIFO, a link to /dev/zero).
      text = Buffer.from(readBounded(path, MAX_STATE_BYTES)).toString('utf8');
    } catch (error) {
      if (!(error instanceof FileRefusal)) throw error;
      if (error.reason === 'missing') return null; // removed since the folder was listed
      if (error.reason === 'too-large') return this.moveAside(path, `over ${MAX_STATE_BYTES / 1048576} MiB`);
      if (error.reason === 'not-regular' || error.reason === 'folder') return this.moveAside(path, `${error.detail}, not a regular file`);
      return this.moveAside(path, `cannot be read: ${error.detail}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.moveAside(path, 'not JSON');
    }
    const version = typeof json === 'object' && json !== null && 'version' in json ? (json as { version: unknown }).version : undefined;
    if (typeof version === 'number' && version > STATE_VERSION) {
      this.warn(`${path}: saved by a later mlops-quiz (state version ${version}, this one reads ${STATE_VERSION}); left as it is and not used`);
      return null;
    }
    // An attempt of an earlier version is read and upgraded (core/progress/attempt.ts); saved back as this one.
    const parsed = parseAttempt(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
      return this.moveAside(path, `not a saved attempt: ${where}${issue?.message ?? 'invalid'}`);
    }
    const impossible = impossibleAttempt(parsed.data);
    if (impossible !== null) return this.moveAside(path, `not a possible attempt: ${impossible}`);
    // The file's name is the attempt's id: a copied or renamed file is saved back to itself.
    return { ...parsed.data, id };
  }

  private moveAside(path: string, reason: string): null {
    const aside = `${path}.corrupt-${stamp(this.now())}`;
    try {
      renameSync(path, aside);
      this.warn(`${path}: saved progress is unreadable (${reason}); moved aside to ${basename(aside)}`);
    } catch (error) {
      this.warn(`${path}: saved progress is unreadable (${reason}) and cannot be moved aside (${errnoCode(error)}); left out`);
    }
    return null;
  }
}
