/**
 * `grade --format csv`: one row per submission (docs/DESIGN.md section 8), RFC 4180: CRLF line ends, a field
 * quoted when it holds a comma, a quote, a line break or edge spaces, quotes doubled inside. Texts lose
 * control characters (tab and newline stay, quoted); numbers are rounded to 4 decimals; percent is a
 * number without a `%`; an empty field is null (not gradable, or the file had an error). A text that
 * starts with =, +, -, @, tab or CR gets a leading ' and quotes, so no spreadsheet runs it as a formula.
 */
import { stripForMachines } from '../core/sanitize.js';
import type { ClassReport } from '../core/class-report.js';

// Numbers repeat across rows (points, percents): each is turned into text once.
const numberTexts = new Map<number, string>();

function csvNumber(value: number): string {
  const rounded = Math.round(value * 10_000) / 10_000;
  let text = numberTexts.get(rounded);
  if (text === undefined) {
    text = String(rounded);
    if (numberTexts.size < 10_000) numberTexts.set(rounded, text);
  }
  return text;
}

const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return csvNumber(value);
  if (typeof value === 'boolean') return String(value);
  const text = stripForMachines(value);
  // Formula injection (OWASP, "CSV Injection"): a cell a spreadsheet would run as a formula starts with
  // =, +, -, @, tab or carriage return; a leading ' makes it text, and the cell is quoted.
  if (FORMULA.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function renderClassCsv(report: ClassReport): string {
  const ids = report.items.map((item) => item.id);
  const lines = [csvLine(['file', 'score', 'maxScore', 'percent', 'passed', ...ids, 'error'])];
  // One array of fields reused for every row, joined into one flat string per row (10,000 rows: no
  // array per row, and no tree of string pieces for the garbage collector to copy).
  const fields: string[] = new Array<string>(ids.length + 6);
  for (const row of report.submissions) {
    fields[0] = csvField(row.file);
    fields[1] = csvField(row.score);
    fields[2] = csvField(row.maxScore);
    fields[3] = csvField(row.percent);
    fields[4] = csvField(row.passed);
    const { points } = row;
    for (let index = 0; index < ids.length; index += 1) {
      const id = ids[index]!;
      fields[5 + index] = points && Object.hasOwn(points, id) ? csvField(points[id]!) : '';
    }
    fields[5 + ids.length] = `${csvField(row.error)}\r\n`;
    lines.push(fields.join(','));
  }
  return lines.join('');
}
