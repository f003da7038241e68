/**
 * Bundled quizzes compiled at build time (docs/DESIGN.md section 10): `npm run build` writes each one's
 * read result beside the text it came from, the reader's version and the package version, to
 * dist/quizzes/NAME.json. Running a bundled quiz reads that instead of parsing, provided all three still
 * match (a quiz edited without a rebuild is parsed afresh).
 */
import type { ReadResult } from '../core/quiz.js';
import type { ReadOptions } from '../dialects/index.js';
import { VERSION as PARSER_VERSION } from '../dialects/markdown/detect.js';

const version = __MQ_VERSION__;

interface Compiled {
  parser: number;
  package: string;
  file: string;
  source: string;
  text: string;
  result: ReadResult;
}

export function encodeCompiled(text: string, options: ReadOptions, result: ReadResult): string {
  const compiled: Compiled = { parser: PARSER_VERSION, package: version, file: options.file, source: options.source ?? options.file, text, result };
  return JSON.stringify(compiled);
}

/** The compiled result, if it was compiled from exactly this text, by this reader, for this name. */
export function decodeCompiled(json: string, text: string, options: ReadOptions): ReadResult | undefined {
  try {
    const compiled = JSON.parse(json) as Partial<Compiled> | null;
    const fresh =
      compiled?.parser === PARSER_VERSION &&
      compiled.package === version &&
      compiled.file === options.file &&
      compiled.source === (options.source ?? options.file) &&
      compiled.text === text;
    return fresh && compiled.result ? compiled.result : undefined;
  } catch {
    return undefined;
  }
}
