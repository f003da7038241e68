/**
 * What the dialect registry knows of the native format without loading its reader: whether a text is
 * one (any text is: it is the format of last resort) and the reader's version (read.ts).
 */
export { PARSER_VERSION as VERSION } from './version.js';

export function detect(_text: string, _fileName: string): boolean {
  return true;
}
