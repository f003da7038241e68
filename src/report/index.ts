/** The report renderers by `--format` (DESIGN.md sections 7 and 8). */
import type { GradeFormat, ReportFormat } from '../options.js';
import { safeJson } from '../render/sanitize.js';
import { makeStyle, type ColorLevel } from '../render/style.js';
import type { ClassReport } from './class-report.js';
import { renderClassText } from './class-text.js';
import { renderClassCsv } from './csv.js';
import { renderGradescope } from './gradescope.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import type { Report } from './report.js';
import { renderTap } from './tap.js';
import { renderText } from './text.js';

/** The report as text in `format`; only the text format has colour, at `color` (0 for a file). */
export function renderReportAs(report: Report, format: ReportFormat, color: ColorLevel): string {
  switch (format) {
    case 'text':
      return renderText(report, makeStyle(color));
    case 'json':
      return renderJson(report);
    case 'junit':
      return renderJunit(report);
    case 'tap':
      return renderTap(report);
    case 'gradescope':
      return renderGradescope(report);
  }
}

/** The class report of `grade` as text in `format`; only the text format has colour. */
export function renderClassReportAs(report: ClassReport, format: GradeFormat, color: ColorLevel): string {
  switch (format) {
    case 'text':
      return renderClassText(report, makeStyle(color));
    case 'csv':
      return renderClassCsv(report);
    case 'json':
      return `${safeJson(report)}\n`;
  }
}
