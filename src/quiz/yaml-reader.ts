/**
 * What front matter needs of the yaml package (parse-core.ts's `YamlReader`), as a module of its own:
 * the build makes it a script beside the parser core's (dist/fast/yaml-reader.cjs), loaded only for a
 * quiz with front matter (docs/SPEED.md).
 */
export { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
