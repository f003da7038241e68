/**
 * The quiz's optional YAML front matter (docs/DESIGN.md section 3): `title`, `id`, `passMark`,
 * `shuffle`, each checked, with places as `file:line:column` in the quiz file.
 */
import type { Yaml } from 'mdast';
import { isAlias, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { DiagnosticCode } from '../../core/diagnostics.js';
import { VALID_ID } from '../../core/ids.js';

export interface FrontMatter {
  title?: string;
  id?: string;
  passMark?: number;
  shuffle?: boolean;
}

interface Place {
  line: number;
  column: number;
}

type Report = (severity: 'error' | 'warning', code: DiagnosticCode, place: Place, message: string) => void;

/** Line breaks (and the white space around them) as one space: titles are one line wherever they are shown. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\n\r\u2028\u2029]\s*/g, ' ').trim();
}

export function readFrontMatter(node: Yaml, report: Report): FrontMatter {
  const front: FrontMatter = {};
  const origin = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  const lines = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter: lines, prettyErrors: false });
  // The YAML text starts on the line after the opening `---`.
  const at = (offset: number | undefined): Place => {
    if (offset === undefined) return origin;
    const pos = lines.linePos(offset);
    return { line: origin.line + pos.line, column: pos.col };
  };
  const problem = doc.errors[0];
  if (problem) {
    report('error', 'front-matter', at(problem.pos[0]), `front matter is not valid YAML: ${problem.message.split('\n')[0]}`);
    return front;
  }
  if (doc.contents === null) return front;
  if (!isMap(doc.contents)) {
    report('error', 'front-matter', origin, 'front matter must be a mapping of keys (title, id, passMark, shuffle)');
    return front;
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyPlace = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    // An alias (`title: *name`) reads as the scalar it names; an alias of a collection stays refused below.
    const node = isAlias(pair.value) ? (pair.value.resolve(doc) ?? null) : pair.value;
    const value = isScalar(node) ? node.value : node === null ? null : isAlias(node) ? undefined : (node as { toJSON(): unknown }).toJSON();
    const valuePlace = isScalar(pair.value) || isAlias(pair.value) ? at(pair.value.range?.[0]) : keyPlace;
    switch (key) {
      case 'title':
        // A title is one line (a report's line, a terminal's header): YAML's line breaks become spaces.
        if (typeof value === 'string' && value.trim()) front.title = oneLine(value);
        else report('error', 'front-matter', valuePlace, 'front matter `title` must be a non-empty string');
        break;
      case 'id':
        if (typeof value === 'string' && VALID_ID.test(value)) front.id = value;
        else report('error', 'front-matter', valuePlace, "front matter `id` must be letters, digits, '-', '_', '.' or ':', starting with a letter or digit");
        break;
      case 'passMark':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) front.passMark = value;
        else report('error', 'front-matter', valuePlace, 'front matter `passMark` must be a number from 0 to 100 (a percent)');
        break;
      case 'shuffle':
        if (typeof value === 'boolean') front.shuffle = value;
        else report('error', 'front-matter', valuePlace, 'front matter `shuffle` must be true or false');
        break;
      default:
        report('warning', 'front-matter', keyPlace, `unknown front matter key \`${key}\` is ignored (known: title, id, passMark, shuffle)`);
    }
  }
  return front;
}
