/**
 * Quiz Markdown -> question model (DESIGN.md sections 3 and 4): parse-core.ts, with the YAML reader
 * that front matter needs. Import the parser from here.
 */
import { provideYaml } from './parse-core.js';
import * as yaml from './yaml-reader.js';

provideYaml(yaml);

export * from './parse-core.js';
