/**
 * The report formats, each a pure function of its report, one per name in formats.ts (the `--format`
 * choices of the command line; docs/DESIGN.md sections 7 and 8). A new format is a module beside this
 * one, its name in formats.ts and a line here (TypeScript insists on both).
 */
import type { ClassReport } from '../core/class-report.js';
import type { FileFindings } from '../core/diagnostics.js';
import type { QuizStats } from '../core/progress/stats.js';
import type { FailedReport, Report } from '../core/report.js';
import { safeJson } from '../core/sanitize.js';
import { renderClassText } from './class-text.js';
import type { ClassFormat, FindingsFormat, ReportFormat, StatsFormat } from './formats.js';
import { renderClassCsv } from './csv.js';
import { renderFindingsGithub, renderFindingsJson, renderFindingsText } from './findings.js';
import { renderGradescope, renderGradescopeFailure } from './gradescope.js';
import { renderJson, renderJsonFailure } from './json.js';
import { renderJunit, renderJunitFailure } from './junit.js';
import type { RunReportOptions } from './machine.js';
import { renderStatsCsv, renderStatsJson, renderStatsText } from './stats.js';
import { makeStyle, type ColorLevel } from './style.js';
import { renderTap, renderTapFailure } from './tap.js';
import { renderText } from './text.js';

/** Writes a report as text; only formats for people use `color` (0 for a file or a pipe). */
type Render<R, Extra = object> = (report: R, color: ColorLevel, extra: Extra) => string;

/** `run`'s report (one learner, one quiz); `--hide-answers` leaves the right answers out. */
const reporters = {
  text: (report, color, { hideAnswers }) => renderText(report, makeStyle(color), hideAnswers),
  json: renderJson,
  junit: renderJunit,
  tap: renderTap,
  gradescope: renderGradescope,
} satisfies Record<ReportFormat, Render<Report, RunReportOptions>>;

/** `grade`'s class report. */
const classReporters = {
  text: (report, color) => renderClassText(report, makeStyle(color)),
  csv: renderClassCsv,
  json: (report) => `${safeJson(report)}\n`,
} satisfies Record<ClassFormat, Render<ClassReport>>;

/** `stats`: saved progress; the text format suggests the command that reviews what is due. */
const statsReporters = {
  text: (stats, _color, { reviewCommand }) => renderStatsText(stats, reviewCommand),
  json: renderStatsJson,
  csv: renderStatsCsv,
} satisfies Record<StatsFormat, Render<QuizStats, { reviewCommand: string }>>;

/** `validate`: what it found in each file (findings.ts). */
const findingsReporters = {
  text: renderFindingsText,
  json: renderFindingsJson,
  github: renderFindingsGithub,
} satisfies Record<FindingsFormat, Render<readonly FileFindings[]>>;

export type { ClassFormat, FindingsFormat, ReportFormat, StatsFormat } from './formats.js';

export const REPORTERS: Record<ReportFormat, Render<Report, RunReportOptions>> = reporters;

/**
 * `run --answers` when the answers file cannot be graded (issue 17): each format's report of the error,
 * one per run format (TypeScript insists), so that an autograder or CI reads a failed run instead of
 * nothing; null for text, whose message is the one line on stderr.
 */
export const FAILURE_REPORTERS: Record<ReportFormat, (failure: FailedReport) => string | null> = {
  text: () => null,
  json: renderJsonFailure,
  junit: renderJunitFailure,
  tap: renderTapFailure,
  gradescope: renderGradescopeFailure,
};
export const CLASS_REPORTERS: Record<ClassFormat, Render<ClassReport>> = classReporters;
export const STATS_REPORTERS: Record<StatsFormat, Render<QuizStats, { reviewCommand: string }>> = statsReporters;

export const FINDINGS_REPORTERS: Record<FindingsFormat, Render<readonly FileFindings[]>> = findingsReporters;
