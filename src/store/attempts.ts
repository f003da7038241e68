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
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sanitize } from '../core/sanitize.js';
import { Attempt, parseAttempt, STATE_VERSION } from '../core/progress/attempt.js';
import { errnoCode as anyErrnoCode, writeFileAtomic } from './files.js';

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

export class ProgressStore {
  /** The state folder (`.../mlops-quiz`). */
  readonly dir: string;
  private readonly warn: (message: string) => void;
  private readonly now: () => Date;
  private saveFailed = false;

  /** `warn` gets one line without the `mlops-quiz: warning: ` prefix. */
  constructor(dir: string, warn: (message: string) => void, now: () => Date = () => new Date()) {
    this.dir = dir;
    this.warn = (message) => warn(sanitize(message));
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
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileAtomic(path, `${JSON.stringify(Attempt.parse(attempt), null, 1)}\n`, 0o600);
      return true;
    } catch (error) {
      if (!this.saveFailed) this.warn(`${path}: progress cannot be saved (${errnoCode(error)}); the quiz goes on without saving it`);
      this.saveFailed = true;
      return false;
    }
  }

  private readAttempt(path: string, id: string): Attempt | null {
    let text: string;
    try {
      if (statSync(path).size > MAX_STATE_BYTES) return this.moveAside(path, `over ${MAX_STATE_BYTES / 1048576} MiB`);
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return null; // removed since the folder was listed
      return this.moveAside(path, `cannot be read: ${code}`);
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
