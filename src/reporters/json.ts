import { safeJson } from '../core/sanitize.js';
import type { Report } from '../core/report.js';

/** `--format json`: exactly the report of docs/DESIGN.md section 7. */
export function renderJson(report: Report): string {
  return `${safeJson(report)}\n`;
}
