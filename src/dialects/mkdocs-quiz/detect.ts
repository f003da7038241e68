/** Whether a text holds mkdocs-quiz `<quiz>` blocks (docs/DESIGN.md section 12), without loading the reader. */
export const VERSION = 1;

export function detect(text: string, _fileName: string): boolean {
  return /^[ \t]*<quiz>/m.test(text) && text.includes('</quiz>');
}
