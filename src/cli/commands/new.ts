/**
 * `mlops-quiz new FILE` (docs/FORMAT.md): writes a starter quiz, one commented question of each kind,
 * valid as it is (src/dialects/markdown/starter.ts). Never overwrites: an existing file is a usage error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, UsageError } from '../../core/errors.js';
import { baseName, quizIdOf, VALID_ID } from '../../core/ids.js';
import { starterQuiz } from '../../dialects/markdown/starter.js';
import { errnoCode, writeFileAtomic } from '../../store/files.js';
import type { Io } from '../io.js';

export async function newCommand(file: string, io: Io): Promise<number> {
  if (!file.endsWith('.md')) throw new UsageError(`${file}: a quiz is a Markdown file; give a name that ends in .md`);
  const path = resolve(io.cwd, file);
  if (existsSync(path)) throw new UsageError(`${file}: already exists, and new never overwrites a file; give another name, or remove it first`);
  // The id the file name gives, written out so that renaming the file keeps the quiz's saved progress.
  const id = quizIdOf(file);
  try {
    writeFileAtomic(path, starterQuiz(baseName(file), VALID_ID.test(id) ? id : undefined));
  } catch (error) {
    throw new CliError('output-unwritable', `${file}: cannot write the quiz there (${errnoCode(error) ?? 'error'}); give a path in a folder that exists and is writable`);
  }
  io.stderr.write(`mlops-quiz new: wrote ${file}; check it with \`mlops-quiz validate ${file}\`, look at it with \`mlops-quiz preview ${file}\`\n`);
  return 0;
}
