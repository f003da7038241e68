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
  | 'unknown-key'
  | 'section-level'
  | 'answer-mark'
  | 'heading-space'
  | 'missing-image'
  | 'too-long'
  | 'left-out'
  | 'skipped'
  | 'ignored';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  file: string;
  line: number;
  column: number;
  /** The text to write instead, when the fix is a known one (a section's or a key's right name, `{Answer}`). */
  suggestion?: string;
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

/** A file's diagnostics in validate's order: errors first (they make the quiz unusable), then warnings, each in file order. */
export function ordered(result: { errors: readonly Diagnostic[]; warnings: readonly Diagnostic[] }): Diagnostic[] {
  return [...[...result.errors].sort(byPlace), ...[...result.warnings].sort(byPlace)];
}

/** A file's findings as validate lists them (ordered), each as formatDiagnostic writes it. */
export function findings(result: { errors: readonly Diagnostic[]; warnings: readonly Diagnostic[] }): string[] {
  return ordered(result).map((d) => formatDiagnostic(d, true));
}

/**
 * What `validate` found in one file: its diagnostics in validate's order (ordered), or, when the file
 * could not be read, why (`unread`: the error's code and one-line message).
 */
export interface FileFindings {
  file: string;
  diagnostics: Diagnostic[];
  unread?: { code: string; message: string };
  /** The dialect that read it, when it is named (a foreign one, or one forced with --dialect), and its question count. */
  dialect?: { name: string; questions: number };
}
