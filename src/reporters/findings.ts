/**
 * `validate --format text|json|github` (docs/DESIGN.md section 8; docs/FORMAT.md): what validate found
 * in each file, for people, for editors and tools, and for GitHub Actions. Pure functions of the
 * findings; the summary line is the command's own (stderr).
 */
import { formatDiagnostic, type FileFindings } from '../core/diagnostics.js';
import { safeJson, sanitizeLine } from '../core/sanitize.js';

/** Text: one line per finding, `file:line:column: error|warning: message`; unreadable files are named on stderr by the command. */
export function renderFindingsText(files: readonly FileFindings[]): string {
  return files.flatMap((file) => file.diagnostics.map((d) => `${sanitizeLine(formatDiagnostic(d, true))}\n`)).join('');
}

/** One finding as JSON gives it: an unreadable file is an error with no line or column. */
interface JsonFinding {
  file: string;
  line: number | null;
  column: number | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  suggestion: string | null;
}

function jsonFindings(file: FileFindings): JsonFinding[] {
  if (file.unread) return [{ file: file.file, line: null, column: null, severity: 'error', code: file.unread.code, message: file.unread.message, suggestion: null }];
  return file.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message, suggestion: d.suggestion ?? null }));
}

/** JSON: every finding, and per file whether it was read and how many errors and warnings it has. */
export function renderFindingsJson(files: readonly FileFindings[]): string {
  const count = (file: FileFindings, severity: 'error' | 'warning'): number => file.diagnostics.filter((d) => d.severity === severity).length;
  const document = {
    files: files.map((file) => ({ file: file.file, read: !file.unread, ...(file.dialect ? { dialect: file.dialect.name, questions: file.dialect.questions } : {}), errors: file.unread ? 1 : count(file, 'error'), warnings: count(file, 'warning') })),
    findings: files.flatMap(jsonFindings),
  };
  return `${safeJson(document)}\n`;
}

/** A workflow command's message: `%`, CR and LF escaped (GitHub's toolkit, `escapeData`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,` (`escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`, so findings show on the pull request's lines. */
export function renderFindingsGithub(files: readonly FileFindings[]): string {
  return files
    .flatMap(jsonFindings)
    .map((f) => {
      const place = [`file=${escapeProperty(f.file)}`];
      if (f.line !== null) place.push(`line=${f.line}`);
      if (f.column !== null) place.push(`col=${f.column}`);
      place.push(`title=${escapeProperty(`mlops-quiz ${f.code}`)}`);
      return `::${f.severity} ${place.join(',')}::${escapeData(sanitizeLine(f.message))}\n`;
    })
    .join('');
}
