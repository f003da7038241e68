/** Whether a text is Moodle GIFT (docs/DESIGN.md section 12), without loading the reader. */
export const VERSION = 1;

/** `.gift` by name; by content: `::Title::` before an answer block, or answer blocks with `=`/`~` and no Markdown headings. */
export function detect(text: string, fileName: string): boolean {
  if (/\.gift$/i.test(fileName)) return true;
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (/^[ \t]*#{1,6}[ \t]/m.test(head) || /^[ \t]*<quiz>/m.test(head)) return false;
  if (/^[ \t]*::[^\n:]+::[^\n]*\{/m.test(head)) return true;
  if (/^[ \t]*\$CATEGORY:/m.test(head) && /\{/.test(head)) return true;
  return head.includes('}') && /\{\s*(?:[=~]|#[\d.\-]|(?:T|F|TRUE|FALSE)\s*[}#])/.test(head);
}
