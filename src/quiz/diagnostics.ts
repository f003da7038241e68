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
  | 'too-deep';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  file: string;
  line: number;
  column: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}
