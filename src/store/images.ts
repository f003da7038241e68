/**
 * Checking a quiz's images at the edge (docs/FORMAT.md, "Images"): the reader reports every image a
 * quiz shows with its place (ReadResult.images); here, where the quiz's folder is known, each local one
 * must exist. A missing one is a warning at its place, with the nearest file of that folder as "did you
 * mean". Links to the web (`https:`), `data:` URLs and fragments are not checked.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { nearest } from '../core/nearest.js';
import type { ImageRef } from '../core/quiz.js';

/** The local path an image URL names (query and fragment cut, %-escapes decoded), or null for a URL that is not a local file. */
export function localPath(url: string): string | null {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  const path = url.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A warning for each local image that is not a file: `dir` is the quiz file's folder, `file` the quiz as shown in messages. */
export function checkImages(images: readonly ImageRef[] | undefined, dir: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const image of images ?? []) {
    const path = localPath(image.url);
    if (path === null || isFile(resolve(dir, path))) continue;
    const near = nearest(basename(path), namesIn(dirname(resolve(dir, path))).filter((name) => isFile(resolve(dir, dirname(path), name))));
    const suggestion = near === undefined ? undefined : image.url.replace(/[^/]*$/, near);
    const where = `question ${image.question} "${image.title}"`;
    const effect = image.answer ? `: the learner is asked whether they knew an answer they cannot see` : '';
    const fix = suggestion === undefined ? "add the file, or fix the path (relative to the quiz file's folder)" : `did you mean "${suggestion}"?`;
    found.push({
      severity: 'warning',
      code: 'missing-image',
      message: `${image.answer ? 'the answer image' : 'the image'} "${image.url}" of ${where} is not found next to the quiz${effect}; ${fix}`,
      file,
      line: image.line,
      column: image.column,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
  return found;
}
