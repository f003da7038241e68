/**
 * `mlops-quiz schema`: the answers file's JSON Schema, generated from its zod schema (docs/DESIGN.md
 * section 5), so the published schema and the grader never drift apart. The build writes the same
 * text to `schema/answers.schema.json`, which the package ships and `template` points at.
 */
import * as z from 'zod/mini';
import { name, version } from '../../../package.json';
import { AnswerSheet } from '../../core/answers.js';
import type { Io } from '../io.js';

/** Where the schema file is inside the package. */
export const SCHEMA_PATH = 'schema/answers.schema.json';

/**
 * The schema's public address: the file inside this very version of the published package, served by
 * unpkg (any file of any published npm package). It resolves wherever the answers file lives, with
 * npx or an install, and it is the schema of the version that wrote the template.
 */
export const SCHEMA_URL = `https://unpkg.com/${name}@${version}/${SCHEMA_PATH}`;

/** The answers file's JSON Schema (draft 2020-12); `io: 'input'` because unknown top-level keys are only warned about. */
export function answersJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(AnswerSheet, { io: 'input' });
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_URL, title: `${name} answers file`, ...rest };
}

export function renderSchema(): string {
  return `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
}

export function schemaCommand(io: Io): number {
  io.stdout.write(renderSchema());
  return 0;
}
