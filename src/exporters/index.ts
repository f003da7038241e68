/**
 * The export formats (`mlops-quiz export --to`): the one list of exporters, one per name in
 * formats.ts (TypeScript insists). A new format is a module beside this one with a piece per question
 * kind (exporter.ts), its name in formats.ts and a line here.
 */
import type { Exporter } from './exporter.js';
import type { ExportFormat } from './formats.js';
import { gift } from './gift.js';
import { moodleXml } from './moodle-xml.js';
import { qti } from './qti.js';

export const EXPORTERS: Record<ExportFormat, Exporter> = { gift, 'moodle-xml': moodleXml, qti };

export { EXPORT_FORMATS, type ExportFormat } from './formats.js';
export type { Exported, Exporter, Skipped } from './exporter.js';
