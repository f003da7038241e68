/** The package's own folder, found from this module's place: src/, or the bundle in dist/ or dist/fast/. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds package.json beside quizzes/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'quizzes'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('mlops-quiz: cannot find the package folder (package.json beside quizzes/)');
    dir = parent;
  }
}
