/** File reading and writing at the edge: size limits, UTF-8 checks, and the one atomic writer. */
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../core/errors.js';

/** Quiz and answers files over this size are refused before they are read whole (docs/DESIGN.md section 8). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export type FileKind = 'quiz' | 'answers file';

/**
 * Small files are read into this one buffer (then decoded, so it is free again): no per-file
 * allocation; grading a class reads 10,000 answers files.
 */
const SMALL = Buffer.allocUnsafe(64 * 1024);

/** What a path is when it is not a regular file, for a one-line refusal. */
export function kindOfStat(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * Every file the program reads is opened with this: read-only, without blocking (a FIFO with no writer,
 * a terminal or a device would otherwise hold `open()` forever, past SIGTERM), and without becoming a
 * controlling terminal. On a regular file O_NONBLOCK changes nothing.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Why a bounded read was refused; `readBounded` throws it, each caller words it for its file. */
export class FileRefusal extends Error {
  override name = 'FileRefusal';
  constructor(
    readonly reason: 'missing' | 'folder' | 'not-regular' | 'too-large' | 'unreadable',
    /** The errno code, the kind of file (`a named pipe (FIFO)`), or the size in bytes. */
    readonly detail: string,
    readonly size = 0,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/**
 * The one reader of files (docs/HOSTILE-INPUT.md, "Files"): opens `path` without blocking, follows a
 * symbolic link to what it points at, checks with fstat that this is a regular file of at most
 * `maxBytes`, then reads it. Anything else (a FIFO, a device, a socket, a folder, a link to one of
 * them) is refused before a byte is read. The bytes are valid until the next call when they fit the
 * shared buffer.
 */
export function readBounded(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    const code = errnoCode(error) ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileRefusal('missing', code);
    if (code === 'EISDIR') throw new FileRefusal('folder', 'a folder');
    // ENXIO: a socket, or a FIFO opened for writing only; ELOOP: a circle of links.
    throw new FileRefusal('unreadable', code);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileRefusal('folder', 'a folder');
    if (!stat.isFile()) throw new FileRefusal('not-regular', kindOfStat(stat));
    if (stat.size > maxBytes) throw new FileRefusal('too-large', String(stat.size), stat.size);
    // Read at most one byte past the limit, so that a file that grows while it is read is still bounded.
    const want = Math.min(stat.size, maxBytes) + 1;
    const buffer = want <= SMALL.length ? SMALL : Buffer.allocUnsafe(want);
    const end = Math.min(buffer.length, maxBytes + 1);
    let length = 0;
    for (;;) {
      const asked = end - length;
      const read = readSync(fd, buffer, length, asked, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) throw new FileRefusal('too-large', String(length), length);
      if (length === buffer.length) break;
      // A regular file that gave fewer bytes than asked, once the size fstat gave is reached, is at its
      // end: no second read just to be told 0 bytes (grading a class reads 10,000 files).
      if (read < asked && length >= stat.size) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    const code = errnoCode(error) ?? 'error';
    if (code === 'EISDIR') throw new FileRefusal('folder', 'a folder');
    throw new FileRefusal('unreadable', code);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a UTF-8 text file through `readBounded`, refusing folders, missing files, anything but a
 * regular file, files over 16 MiB and bytes that are not UTF-8, each with one line.
 */
export function readTextFile(path: string, shown: string, kind: FileKind): string {
  const wanted = kind === 'quiz' ? 'quiz Markdown file' : 'JSON answers file';
  let bytes: Uint8Array;
  try {
    bytes = readBounded(path, MAX_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    switch (error.reason) {
      case 'missing':
        throw new CliError('file-not-found', `${shown}: no such file; give the path of a ${wanted}`);
      case 'folder':
        throw new CliError('file-unreadable', `${shown}: is a folder; give the path of a ${wanted}`);
      case 'not-regular':
        throw new CliError('file-unreadable', `${shown}: is ${error.detail}, not a regular file; give the path of a ${wanted} (save piped or generated text to a file first)`);
      case 'too-large':
        throw new CliError('file-too-large', `${shown}: the ${kind} is ${(error.size / 1048576).toFixed(1)} MiB; files over 16 MiB are refused`);
      default:
        throw new CliError('file-unreadable', `${shown}: cannot be read (${error.detail})`);
    }
  }
  return decode(bytes, shown, kind);
}

function decode(bytes: Uint8Array, shown: string, kind: FileKind): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new CliError('not-utf8', `${shown}: not a UTF-8 text file; save the ${kind} as UTF-8 text`);
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A file's mode for new reports; state and cache files are `PRIVATE_FILE` in `PRIVATE_FOLDER`s. */
export const REPORT_MODE = 0o644;
export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

/** Thrown by the writer for a target that is not a regular file; `code` is `ENOTREG` (ours, not errno's). */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
  readonly code = 'ENOTREG';
  constructor(readonly kind: string) {
    super(`is ${kind}, not a regular file`);
  }
}

/**
 * Where a write to `path` lands, by the rule in docs/HOSTILE-INPUT.md ("Files the program writes"): a
 * new name is itself; an existing regular file is itself, its mode kept; a symbolic link is written
 * through (the file it points at is replaced, the link stays) when it points at a regular file; a
 * link to nothing, and anything but a regular file (a folder, a device such as /dev/null, a FIFO, a
 * socket), is refused with `NotRegularFileError` (`EISDIR` for a folder), before anything is written.
 */
export function writeTarget(path: string, followLinks = true): { path: string; stat: Stats | null } {
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { path, stat: null };
    throw error;
  }
  // In the program's own folders (state, cache) a link is not followed: the new file replaces it.
  if (link.isSymbolicLink() && !followLinks) return { path, stat: null };
  if (!link.isSymbolicLink()) return { path, stat: checkRegular(link) };
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') throw new NotRegularFileError('a symbolic link to nothing');
    throw error;
  }
  return { path: real, stat: checkRegular(statSync(real)) };
}

function checkRegular(stat: Stats): Stats {
  if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (!stat.isFile()) throw new NotRegularFileError(kindOfStat(stat));
  return stat;
}

/**
 * The one atomic writer, for reports, the parse cache and saved attempts: a temporary file in the same
 * folder, written whole, flushed to disk, then renamed over the target, so that a crash, Ctrl+C or a
 * full disk leaves the old file or the new one, never half of one. The target is found by
 * `writeTarget` (links written through; devices, FIFOs and folders refused). A new file gets `mode`
 * (less the umask); an existing file keeps its mode (and, where allowed, its owner). Throws the file
 * system's error (its `code`), with no temporary file left behind; each caller says what failing
 * means for it. `followLinks` false (the state and cache folders): a link there is replaced, never
 * written through, so that a planted link cannot send a save elsewhere.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode: number = REPORT_MODE, followLinks = true): void {
  const target = writeTarget(path, followLinks);
  const temp = join(dirname(target.path), `.${basename(target.path)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    const fd = openSync(temp, 'wx', target.stat === null ? mode : target.stat.mode & 0o7777);
    try {
      if (target.stat !== null) {
        // The umask applied at open: give the old mode back exactly, and its owner where we may.
        fchmodSync(fd, target.stat.mode & 0o7777);
        try {
          fchownSync(fd, target.stat.uid, target.stat.gid);
        } catch {
          // Only root may give a file away: the new file is the writer's, as any editor's save would be.
        }
      }
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      // writeSync may write less than asked (a disk that fills up): go on until all is written or it throws.
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target.path);
  } catch (error) {
    // `force` ignores only a missing file: under a path that is not a folder, rm fails like the write did.
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written there
    }
    throw error;
  }
}

/** An error's errno code (`ENOENT`), if it has one. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
