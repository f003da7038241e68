import { safeJson } from '../render/sanitize.js';
import type { Report } from './report.js';

/** `--format json`: exactly the report of DESIGN.md section 7. */
export function renderJson(report: Report): string {
  return `${safeJson(report)}\n`;
}
