/**
 * `grade --format csv`: one row per submission (DESIGN.md section 8), RFC 4180: CRLF line ends, a field
 * quoted when it holds a comma, a quote, a line break or edge spaces, quotes doubled inside. Texts lose
 * control characters (tab and newline stay, quoted); numbers are rounded to 4 decimals; percent is a
 * number without a `%`; an empty field is null (not gradable, or the file had an error).
 */
import { stripForMachines } from '../render/sanitize.js';
import type { ClassReport } from './class-report.js';

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  if (typeof value === 'boolean') return String(value);
  const text = stripForMachines(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function renderClassCsv(report: ClassReport): string {
  const ids = report.items.map((item) => item.id);
  const lines = [csvLine(['file', 'score', 'maxScore', 'percent', 'passed', ...ids, 'error'])];
  for (const row of report.submissions) {
    lines.push(csvLine([row.file, row.score, row.maxScore, row.percent, row.passed, ...ids.map((id) => (row.points && Object.hasOwn(row.points, id) ? row.points[id]! : null)), row.error]));
  }
  return lines.join('');
}
