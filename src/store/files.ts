/** File reading and writing at the edge: size limits, UTF-8 checks, and the one atomic writer. */
import { closeSync, fsyncSync, fstatSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../core/errors.js';

/** Quiz and answers files over this size are refused before they are read whole (docs/DESIGN.md section 8). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export type FileKind = 'quiz' | 'answers file';

/**
 * Small files are read into this one buffer (then decoded, so it is free again): no per-file
 * allocation and no fstat; grading a class reads 10,000 answers files.
 */
const SMALL = Buffer.allocUnsafe(64 * 1024);

/** Reads a UTF-8 text file, refusing folders, missing files, files over 16 MiB and bytes that are not UTF-8. */
export function readTextFile(path: string, shown: string, kind: FileKind): string {
  const folder = (): CliError => new CliError('file-unreadable', `${shown}: is a folder; give the path of a ${kind === 'quiz' ? 'quiz Markdown file' : 'JSON answers file'}`);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') throw new CliError('file-not-found', `${shown}: no such file; give the path of a ${kind === 'quiz' ? 'quiz Markdown file' : 'JSON answers file'}`);
    if (code === 'EISDIR') throw folder();
    throw new CliError('file-unreadable', `${shown}: cannot be read (${code ?? 'error'})`);
  }
  try {
    // Read until end of file (a read of 0 bytes, whatever the kind of file) while it fits in SMALL.
    let length = 0;
    for (;;) {
      const read = readSync(fd, SMALL, length, SMALL.length - length, null);
      if (read === 0) return decode(SMALL.subarray(0, length), shown, kind);
      length += read;
      if (length === SMALL.length) break;
    }
    // Larger: the size decides before the file is read whole.
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw folder();
    if (stat.size > MAX_FILE_BYTES) {
      throw new CliError('file-too-large', `${shown}: the ${kind} is ${(stat.size / 1048576).toFixed(1)} MiB; files over 16 MiB are refused`);
    }
    // Read at most one byte past the limit, so that a file that grows (or a device) is still bounded.
    const buffer = Buffer.alloc(Math.max(length + 1, Math.min(stat.isFile() ? stat.size + 1 : MAX_FILE_BYTES + 1, MAX_FILE_BYTES + 1)));
    SMALL.copy(buffer, 0, 0, length);
    for (;;) {
      if (length === buffer.length) break;
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      // A regular file returns less than asked only at its end: no second read to find that out.
      if (stat.isFile() && length < buffer.length) break;
    }
    if (length > MAX_FILE_BYTES) throw new CliError('file-too-large', `${shown}: the ${kind} is over 16 MiB; files over 16 MiB are refused`);
    return decode(buffer.subarray(0, length), shown, kind);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = errnoCode(error);
    if (code === 'EISDIR') throw folder();
    throw new CliError('file-unreadable', `${shown}: cannot be read (${code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
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

/**
 * The one atomic writer, for reports, the parse cache and saved attempts: a temporary file in the same
 * folder, written, flushed to disk, then renamed over the target, so that a crash or Ctrl+C leaves the
 * old file or the new one, never half of one. Throws the file system's error (its `code`), with no
 * temporary file left behind; each caller says what failing means for it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o666): void {
  const temp = join(dirname(path), `.${basename(path)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
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
