/**
 * Before any test: build dist/ from the sources as they are, so that no test reads a stale build (the
 * CLI tables and the end-to-end tests run the built binary; the read workers run dist/read-worker.js).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], { stdio: 'inherit' });
}
