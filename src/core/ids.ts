/**
 * Question ids and quiz ids, the same for every dialect (docs/DESIGN.md section 4): an explicit id,
 * else the slug of the title as GitHub makes heading anchors (github-slugger), repeats numbered.
 */
import GithubSlugger, { slug } from 'github-slugger';
import type { Diagnostic } from './diagnostics.js';

/** What an explicit id may be. */
export const VALID_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** The file's base name without its extension: the default title and (slugged) the default id. */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A quiz's id when its file gives none: the slug of the file's base name. */
export function quizIdOf(file: string): string {
  return slug(baseName(file)) || 'quiz';
}

export interface Head {
  title: string;
  /** The `{#id}` given, if any. */
  explicitId: string | undefined;
  line: number;
  column: number;
}

/**
 * The id of each question, in order: explicit ids first (reserved in the slugger, checked and unique),
 * then GitHub-style slugs of the titles (a title with nothing to slug is `question-N`). Problems with
 * explicit ids are errors at the question's heading.
 */
export function assignIds(heads: readonly Head[], file: string): { ids: string[]; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const error = (head: Head, code: Diagnostic['code'], message: string): void => {
    errors.push({ severity: 'error', code, message, file, line: head.line, column: head.column });
  };
  const slugger = new GithubSlugger();
  const explicitAt = new Map<string, Head>();
  for (const head of heads) {
    if (head.explicitId === undefined) continue;
    if (!VALID_ID.test(head.explicitId)) {
      error(head, 'invalid-id', `invalid id {#${head.explicitId}}: use letters, digits, '-', '_', '.' or ':', starting with a letter or digit`);
      continue;
    }
    const was = explicitAt.get(head.explicitId);
    if (was) {
      error(head, 'duplicate-id', `duplicate id {#${head.explicitId}}: already used by the question at ${file}:${was.line}:${was.column}; give one of them another id`);
      continue;
    }
    explicitAt.set(head.explicitId, head);
    slugger.slug(head.explicitId);
  }
  const ids = heads.map((head, index) => (head.explicitId !== undefined ? head.explicitId : slugger.slug(slug(head.title) ? head.title : `question-${index + 1}`)));
  return { ids, errors };
}
