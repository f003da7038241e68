/**
 * Quiz Markdown -> question model (DESIGN.md sections 3 and 4): parse-core.ts, with the YAML reader
 * that front matter needs. Import the parser from here.
 */
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { provideYaml } from './parse-core.js';

provideYaml({ LineCounter, parseDocument, isMap, isScalar });

export * from './parse-core.js';
