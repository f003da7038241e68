/**
 * The parser's version: part of every cache key (and of the bundled quizzes compiled at build time), so
 * that a parser change never reads a model parsed by an older one. Bump it when the model or the
 * diagnostics of any input change. Kept apart from parse-quiz.ts so that reading a cache entry does
 * not load the parser.
 */
/** 2: `question-N` ids for titles with nothing to slug. 3: GFM tables and task lists only (no strikethrough, autolink literals, footnotes). */
export const PARSER_VERSION = 4;

/** The package's version, also part of cache keys (put in by the build: see src/globals.d.ts). */
export const PACKAGE_VERSION: string = __MQ_VERSION__;
