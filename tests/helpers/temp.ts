/**
 * Temporary folders for tests, removed by the test run itself: nothing a test makes is left in the
 * system's temporary folder (`os.tmpdir()`, so `$TMPDIR`) after `npm test`.
 *
 * A folder made inside a test (or a beforeEach/afterEach) is removed when that test finishes, passed or
 * failed (vitest's onTestFinished). One made anywhere else (at the top of a test file, in a describe
 * body, in a beforeAll) is removed after the file's last test: this module registers one afterAll on
 * the test file that imports it, which vitest runs after every other afterAll of the file. That relies
 * on each test file loading its own copy of the helpers, as vitest does by default (`isolate`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** Folders made outside a test, removed when the test file is done. */
const untilTheFileEnds: string[] = [];
afterAll(() => {
  for (const dir of untilTheFileEnds.splice(0)) remove(dir);
});

function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** A new empty folder `$TMPDIR/mlops-quiz-PREFIX-XXXXXX`, removed with everything in it when the test (or the file) ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mlops-quiz-${prefix}-`));
  try {
    onTestFinished(() => remove(dir));
  } catch {
    // Not inside a test: onTestFinished refuses, so the folder lasts as long as the file's tests.
    untilTheFileEnds.push(dir);
  }
  return dir;
}
