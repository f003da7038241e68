/**
 * The export formats' names (`mlops-quiz export --to`), apart from the exporters themselves so that the
 * command line lists them without loading any exporter (docs/SPEED.md). index.ts holds one exporter
 * per name, and TypeScript insists that the two agree.
 */
export const EXPORT_FORMATS = ['gift', 'moodle-xml', 'qti'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
