/** Whether a text is a DataCamp course chapter (docs/DESIGN.md section 12), without loading the reader. */
export const VERSION = 1;

export function detect(text: string, _fileName: string): boolean {
  return /^--- type:[ \t]*\w+Exercise\b/m.test(text) || /^```yaml[ \t]*\r?\n(?:[^`\n][^\n]*\r?\n)*?type:[ \t]*['"]?\w+Exercise\b/m.test(text);
}
