/**
 * The report formats' names (each `--format`'s choices), apart from the reporters themselves so that the
 * command line lists them without loading any reporter (docs/SPEED.md), as src/exporters/formats.ts does
 * for export. index.ts holds one reporter per name, and TypeScript insists that the two agree.
 */
export const REPORT_FORMATS = ['text', 'json', 'junit', 'tap', 'gradescope'] as const;
export const CLASS_FORMATS = ['text', 'csv', 'json'] as const;
export const STATS_FORMATS = ['text', 'json', 'csv'] as const;
export const FINDINGS_FORMATS = ['text', 'json', 'github'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ClassFormat = (typeof CLASS_FORMATS)[number];
export type StatsFormat = (typeof STATS_FORMATS)[number];
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];
