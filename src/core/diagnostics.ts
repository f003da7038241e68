/** Problems found in a quiz file: each knows its place and prints as `file:line:column: message`. */
export type Severity = 'error' | 'warning';

export type DiagnosticCode =
  | 'no-questions'
  | 'no-answer'
  | 'no-options'
  | 'no-correct-option'
  | 'one-option'
  | 'duplicate-option'
  | 'order-too-short'
  | 'duplicate-order-item'
  | 'bad-matches'
  | 'no-accepted-answers'
  | 'bad-number'
  | 'no-blanks'
  | 'conflicting-answer-sections'
  | 'duplicate-section'
  | 'duplicate-id'
  | 'empty-title'
  | 'invalid-id'
  | 'unknown-section'
  | 'ignored-content'
  | 'ignored-answer-image'
  | 'front-matter'
  | 'empty-section'
  | 'too-deep'
  | 'left-out'
  | 'skipped'
  | 'ignored'
  | 'no-dialect';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  file: string;
  line: number;
  column: number;
}

/**
 * The one way a diagnostic is written: `file:line:column: message`, warnings marked `warning: `; with
 * `named`, errors are marked `error: ` too (validate's findings, where both kinds stand side by side).
 */
export function formatDiagnostic(d: Diagnostic, named = false): string {
  const mark = d.severity === 'warning' ? 'warning: ' : named ? 'error: ' : '';
  return `${d.file}:${d.line}:${d.column}: ${mark}${d.message}`;
}

const byPlace = (a: Diagnostic, b: Diagnostic): number => a.line - b.line || a.column - b.column;

/** A file's findings as validate lists them: errors first (they make the quiz unusable), then warnings, each in file order. */
export function findings(result: { errors: readonly Diagnostic[]; warnings: readonly Diagnostic[] }): string[] {
  return [...[...result.errors].sort(byPlace), ...[...result.warnings].sort(byPlace)].map((d) => formatDiagnostic(d, true));
}
