/**
 * Bundled quizzes compiled at build time (DESIGN.md section 10): `npm run build` writes each one's
 * parse result beside the Markdown text it came from, the parser version and the package version, to
 * dist/quizzes/NAME.json. Running a bundled quiz reads that instead of parsing, provided all three still
 * match (a quiz edited without a rebuild is parsed afresh). No hashing: comparing 5 KB of text is
 * cheaper than loading node:crypto on the fastest path (docs/SPEED.md).
 */
import type { ParseOptions, ParseResult } from './parse-quiz.js';
import { PACKAGE_VERSION as version, PARSER_VERSION } from './version.js';

interface Compiled {
  parser: number;
  package: string;
  file: string;
  source: string;
  text: string;
  result: ParseResult;
}

export function encodeCompiled(text: string, options: ParseOptions, result: ParseResult): string {
  const compiled: Compiled = { parser: PARSER_VERSION, package: version, file: options.file, source: options.source ?? options.file, text, result };
  return JSON.stringify(compiled);
}

/** The compiled parse result, if it was compiled from exactly this text, by this parser, for this name. */
export function decodeCompiled(json: string, text: string, options: ParseOptions): ParseResult | undefined {
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
