/**
 * The light commands, imported together when one of them runs: each is thin (what is heavy, the session,
 * a reader, is imported inside it where it is used). One module instead of seven keeps the bundle's
 * shared chunks few, and a start-up loads that many fewer files (docs/SPEED.md). The commands that
 * bring a library of their own (export, preview, convert, new) are imported on their own.
 */
export { gradeCommand } from './grade.js';
export { listCommand } from './list.js';
export { runCommand } from './run.js';
export { schemaCommand } from './schema.js';
export { statsCommand } from './stats.js';
export { templateCommand } from './template.js';
export { validateCommand } from './validate.js';
