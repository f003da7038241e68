/**
 * The reader's version: part of every cache key and of the bundled quizzes compiled at build time, so
 * that a reader change never reads a model made by an older one. Bump it when the model or the
 * diagnostics of any input change.
 * 2: `question-N` ids for titles with nothing to slug. 3: GFM tables and task lists only. 4: files whose
 * opening `---` never closes are parsed whole. 5: the model's schemas in zod/mini (the same model).
 * 6: fix-it diagnostics (near misses of sections, keys and `{Answer}`; wrong heading levels; table cells), and the images a quiz shows.
 * 7: numeric and blank questions, option feedback (merged with 6).
 */
export const PARSER_VERSION = 7;

/**
 * The version of the folder menu's glance at a quiz (outline.ts): part of the menu's cache keys. Bump it
 * when the glance would read a text otherwise (its title, its count, the errors it sees).
 */
export const OUTLINE_VERSION = 1;
